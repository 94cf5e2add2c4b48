"""Lay out a text the way newspapers, PDFs and web pages do, to test that extraction sees through it.

The source texts are plain: one paragraph a line, the title first. Each layout breaks the lines at a
column width (with the Chinese typesetting rule that no line starts with closing punctuation),
drops the paragraph indent, inserts page and column breaks in the middle of sentences, and adds the
furniture of its medium: page numbers, running heads, 上接/下转 notes, web chrome.
"""

from __future__ import annotations

import random
import re

_NO_LINE_START = set("，。、；：！？）”’』》%")
_NO_LINE_END = set("“‘（《")
_L1 = re.compile(r"^[一二三四五六七八九十]{1,3}、")


def width(s: str) -> int:
    return 2 * len(s) - len(s.encode("ascii", "ignore"))


def wrap(paragraph: str, cells: int, first_indent: int = 0, *, by_characters: bool = False) -> list[str]:
    """Break ``paragraph`` into lines of at most ``cells`` half-width cells (typesetting rules kept).
    ``by_characters`` counts every character as two cells, as a script that re-wraps text does."""
    lines: list[str] = []
    cur = ""
    used = first_indent
    for ch in paragraph:
        w = 1 if ch.isascii() and not by_characters else 2
        if used + w > cells and cur and ch not in _NO_LINE_START:
            carry = ""
            while cur and cur[-1] in _NO_LINE_END:
                carry = cur[-1] + carry
                cur = cur[:-1]
            lines.append(cur)
            cur, used = carry, width(carry)
        cur += ch
        used += w
    if cur:
        lines.append(cur)
    return lines


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def newspaper(
    text: str,
    chars: int = 20,
    *,
    seed: int = 0,
    title_at_end: bool = True,
    blank_between: bool = True,
    page_lines: int = 36,
    masthead: str = "示范日报",
    by_characters: bool = False,
) -> str:
    """A newspaper page: narrow columns, big-type headings, breaks and notes between pages."""
    rnd = random.Random(seed)
    paras = paragraphs(text)
    title, body = paras[0], paras[1:]
    cells = chars * 2
    out: list[str] = []
    if not title_at_end:
        out += [*wrap(title, int(cells * 0.8)), ""]
    for p in body:
        if _L1.match(p) and len(p) < 40:
            out += ["", *wrap(p, int(cells * 0.65)), ""]
            continue
        lines = wrap(p, cells, first_indent=4, by_characters=by_characters)
        # a column break in the middle of a paragraph leaves a blank line mid-sentence
        if len(lines) > 3 and rnd.random() < 0.35:
            k = rnd.randrange(1, len(lines) - 1)
            lines.insert(k, "")
        out += lines
        if blank_between:
            out.append("")
    # page breaks with their furniture
    paged: list[str] = []
    page = 1
    for i, line in enumerate(out):
        if i and i % page_lines == 0:
            page += 1
            paged += [f"（下转第{_cn(page)}版）", "", f"{masthead}  2025年12月11日  星期四", f"{page}", ""]
            paged.append(f"（上接第{_cn(page - 1)}版）")
        paged.append(line)
    if title_at_end:
        paged += ["", "（转载自12月11日《示范日报》）", "", title]
    return "\n".join(paged) + "\n"


def pdf_like(text: str, chars: int = 28, *, page_lines: int = 30, seed: int = 0) -> str:
    """A PDF's text layer: no blank lines between paragraphs, page numbers, a running head."""
    paras = paragraphs(text)
    out: list[str] = []
    title = paras[0]
    out += wrap(title, chars * 2 - 8)
    for p in paras[1:]:
        out += wrap(p, chars * 2, first_indent=0)
    paged: list[str] = ["示范省人民政府公报", ""]
    page = 1
    for i, line in enumerate(out):
        if i and i % page_lines == 0:
            paged += [f"— {page} —", "", "示范省人民政府公报"]
            page += 1
        paged.append(line)
    paged.append(f"— {page} —")
    return "\n".join(paged) + "\n"


def web_page(text: str) -> str:
    """A government website's page: breadcrumbs and tools above, links and copyright below."""
    paras = paragraphs(text)
    head = [
        "首页 > 政务公开 > 政策文件",
        "【字体：大 中 小】 打印本页 关闭窗口",
        "来源：示范省人民政府办公厅　　发布时间：2025-12-12 10:00",
        "",
    ]
    foot = [
        "",
        "扫一扫在手机打开当前页",
        "【打印本页】【关闭窗口】",
        "相关链接：国务院门户网站",
        "版权所有：示范省人民政府",
    ]
    body = ["\u3000\u3000" + p for p in paras[1:]]
    return "\n".join([*head, paras[0], "", *body, *foot]) + "\n"


def _cn(n: int) -> str:
    return "零一二三四五六七八九十"[n] if n <= 10 else str(n)
