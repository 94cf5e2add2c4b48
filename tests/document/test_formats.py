"""The same documents as .docx (headings numbered by Word) and as PDF (wrapped lines, page numbers,
a running head) give the same checklist as their plain text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from luoshi.document import extract
from luoshi.document._reflow import reflow

from .helpers import signature
from .layouts import paragraphs, wrap
from .sources import Docx, make_pdf

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DOCUMENTS = ["decision-a.txt", "work-report-b.txt", "opinion-c.txt", "work-report-d.txt", "decision-e.txt"]
LEVELS = [
    (re.compile(r"^[一二三四五六七八九十]+、"), 0),
    (re.compile(r"^（[一二三四五六七八九十]+）"), 1),
    (re.compile(r"^\d+\."), 2),
]


def as_docx(text: str, *, numbered: bool = True) -> bytes:
    """Title in the Title style; 一、 / （一） / 1. numbered by a Word multilevel list (or typed,
    for a text that starts mid-document, whose numbers do not start at one)."""
    d = Docx()
    aid = d.abstract([("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")])
    num = d.num(aid)
    paras = paragraphs(text)
    d.para(paras[0], style="Title")
    for p in paras[1:]:
        for pattern, level in LEVELS:
            m = pattern.match(p)
            if m and numbered:
                d.para(p[m.end() :], num=num, ilvl=level)
                break
        else:
            d.para(p)
    return d.bytes()


def starts_at_one(text: str) -> bool:
    first = next(p for p in paragraphs(text)[1:] if any(pattern.match(p) for pattern, _ in LEVELS))
    return first.startswith(("一、", "（一）", "1."))


def as_pdf(text: str, chars: int = 30) -> bytes:
    lines: list[str] = []
    for p in paragraphs(text):
        lines += wrap(p, chars * 2)
    pages = [lines[i : i + 32] for i in range(0, len(lines), 32)]
    return make_pdf(pages, running_head="示范省人民政府公报", page_numbers=True)


@pytest.fixture(scope="module", params=DOCUMENTS)
def plain(request):
    text = (FIXTURES / request.param).read_text(encoding="utf-8")
    return text, signature(extract(text))


def test_a_docx_numbered_by_word_reads_like_the_plain_text(plain):
    text, expected = plain
    assert signature(extract(as_docx(text, numbered=starts_at_one(text)))) == expected


def test_a_pdf_reads_like_the_plain_text(plain):
    text, expected = plain
    assert signature(extract(as_pdf(text))) == expected


@pytest.mark.corpus
def test_the_decision_in_shared_as_docx_and_pdf(corpus):
    r = reflow((corpus / "im-decision-2022.txt").read_text(encoding="utf-8"))
    text = "\n".join([r.title or "", *r.paragraphs])
    expected = signature(extract(text))
    assert signature(extract(as_docx(text, numbered=False))) == expected
    assert signature(extract(as_pdf(text))) == expected


def as_html(text: str) -> bytes:
    """A government website's article page: menus, breadcrumbs, an info bar, tools and a footer."""
    from html import escape

    paras = paragraphs(text)
    body = "".join(f'<p style="text-indent:2em">{escape(p)}</p>' for p in paras[1:])
    page = f"""<!DOCTYPE html><html><head><meta charset="gb2312">
<title>{escape(paras[0])}_示范省人民政府门户网站</title><script>var x = "到2035年";</script></head>
<body><div class="header"><ul class="nav"><li>首页</li><li>政务公开</li><li>政务服务</li><li>互动交流</li></ul></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="article"><h1>{escape(paras[0])}</h1>
<div class="info">来源：示范省人民政府办公厅 发布时间：2025-12-12 字号：【大 中 小】 打印本页</div>
<div class="TRS_Editor">{body}</div>
<div class="share">分享到：微信 微博</div></div>
<div class="footer">主办单位：示范省人民政府办公厅 网站标识码：1500000001 备案号：示ICP备05001234号</div>
</body></html>"""
    return page.encode("gb18030")


def test_a_web_page_read_as_html_reads_like_the_plain_text(plain):
    text, expected = plain
    assert signature(extract(as_html(text))) == expected
