"""Reflow: from the lines of a newspaper page, a PDF or a web page to real paragraphs.

Newspaper and PDF text is broken at the column width, inside words and sentences, and a page or
column break leaves a blank line in the middle of a sentence. Page furniture — （上接第二版）,
page numbers, running heads, web chrome, photo captions — sits between the lines. This stage drops
the furniture, finds the title (which a layout may put at the end), and joins the lines into
paragraphs.

The rule that does most of the work: a line as wide as the column continues its paragraph, and a
shorter line ends it, unless punctuation says otherwise. Headings (set in a larger type, so fewer
characters to a line) continue over short lines until a blank line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from ._tables import MARK as TABLE_MARK
from ._text import drop_layout_spaces, fold_width

# The start of a numbered heading: 第一部分 / 一、 / （一） / 1. / （1）. Not 一、二、三产业.
HEADING_START = re.compile(
    r"(?:第[一二三四五六七八九十]{1,3}(?:部分|章|篇)"
    r"|[一二三四五六七八九十]{1,3}[、．](?![一二三四五六七八九十]{1,2}[、，])"
    r"|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|\d{1,2}(?:[．、]|\.(?!\d))"
    r"|[（(]\d{1,2}[）)])"
)

_HEADING_FIRST = set("第一二三四五六七八九十（(0123456789")

# Furniture that may sit inside a line.
_INLINE_FURNITURE = re.compile(
    r"[（(]\s*(?:上接|下转|转|接)\s*第?\s*[一二三四五六七八九十\d]{1,3}\s*版(?:[^）)]{0,12})?[）)]"
    r"|[（(]\s*(?:转载自|转自|来源[:：]|原载)[^）)]{0,60}[）)]"
    r"|【\s*字[体号][:：]?[^】]{0,20}】|[\[［]\s*字[体号][:：]?[^\]］]{0,20}[\]］]"
    r"|【\s*(?:打印|关闭|收藏|纠错|打印本页|关闭窗口)\s*】"
)

_INLINE_KEYS = ("版", "转载", "转自", "来源", "原载", "字体", "字号", "打印", "关闭", "收藏", "纠错")

# Lines that are furniture as a whole (␣ stands for a space that is not a line break). Those in
# _FURNITURE_ANY may start anywhere, so they are only tried on lines holding one of their keywords.
_FURNITURE_SRC = r"""(?:
      [-—－–_· \t\u3000]*\d{1,4}[-—－–_· \t\u3000]*                   # page number
     |第␣*\d{1,4}␣*页(?:␣*[/／,，]?␣*共␣*\d{1,4}␣*页)?
     |\d{1,4}␣*[/／]␣*\d{1,4}
     |第?␣*[0-9一二三四五六七八九十]{1,3}␣*版(?:(?:␣*[:：·|｜]␣*|␣+).{0,20})?  # 第3版：要闻, 第 5 版　要闻
     |(?:当前位置|您的位置|您现在的位置|您当前的位置|所在位置|当前的位置)␣*[:：].*
     |首页␣*[>＞›»/|].*
     |(?:打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回|收藏本页|收藏|纠错|我要纠错
        |分享到␣*[:：]?.{0,40}|扫一扫.{0,30}|微信扫一扫.{0,30}|手机扫一扫.{0,30}|【打印】.{0,30}|【关闭】.{0,30}
        |[【\[]?␣*字[体号]␣*[:：].{0,20}|[【\[]?␣*[大中小]␣+[大中小]␣+[大中小]␣*[】\]]?)
     |(?:来源|稿件来源|信息来源|文章来源|发布时间|发布日期|发布机构|日期|时间|作者|责任编辑|编辑|审核|校对|浏览次数
        |阅读次数|点击数|点击量|访问量|浏览量|阅读量|字号|索引号|发文机关|主题分类|成文日期|发文字号)␣*[:：].{0,80}
     |(?:上一篇|下一篇|相关链接|相关新闻|相关阅读|相关报道|相关文章|延伸阅读|推荐阅读|热点推荐)␣*[:：]?.{0,60}
     |(?:版权所有|主办单位|承办单位|技术支持|联系我们|网站地图|Copyright|©).{0,120}
     |(?:地址|邮编|邮政编码|联系电话|传真|电子邮箱)␣*[:：].{0,80}                  # a site's footer
     |请输入[^，。；]{0,16}                                                        # a search box
     |(?:建议|推荐)[^，。；]{0,30}(?:浏览器|分辨率)[^，。；]{0,20}
     |图为.{0,120}
     |附件␣*[0-9一二三四五六七八九十]{0,3}␣*[:：]?                                      # an appendix's label
     |[（(]此件[^）)]{0,12}[）)]
     |抄送␣*[:：].{0,200}
     |[（(][^（）()]{0,40}摄␣*[）)]
     |\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:␣+\d{1,2}:\d{2}(?::\d{2})?)?.{0,40}              # 2023-01-12 10:00
    )""".replace("␣", r"[ \t\u3000\u00a0]")
_FURNITURE_ANY_SRC = r"""(?:
      .{0,24}\d{4}␣*年␣*\d{1,2}␣*月␣*\d{1,2}␣*日␣*(?:星期|周)[一二三四五六日天].{0,30}  # masthead date
     |.{0,40}(?:ICP备|网站标识码|公网安备).{0,80}
     |.{0,60}(?:记者|通讯员|摄影)␣*[\u4e00-\u9fff·]{1,4}(?:␣[\u4e00-\u9fff·]{1,4})*␣*摄␣*[）)]?  # photo credit
     |[^。！？]{1,40}(?:作|宣读)(?:政府)?工作报告[。.]?                               # a photo's caption
     |[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号                      # 内政发〔2024〕3号
     |.{0,40}\d{4}␣*年␣*\d{1,2}␣*月␣*\d{1,2}␣*日␣*印发
    )""".replace("␣", r"[ \t\u3000\u00a0]")
_FURNITURE = re.compile(_FURNITURE_SRC, re.X)
_FURNITURE_ANY = re.compile(_FURNITURE_ANY_SRC, re.X)
_FURNITURE_FIRST = set(
    "0123456789-—－–_·第当您所首打关返收纠我分扫微手【[字大中小来稿信文发日时作责编审校浏阅点访索主成上下相版承技联网C©图（(抄"
    "地邮传电请建推延热附"
)
_FURNITURE_KEYS = re.compile(r"星期|周[一二三四五六日天]|ICP|标识码|公网安备|摄|〕|\]号|印发|工作报告")

# A page's tools, one word a line or several on one (下载 打印 全屏 收藏, 【字号：加大 还原 减小】, 分享:).
_TOOL_WORD = (
    r"下载|打印本页|打印|全屏|收藏本页|收藏|分享到|分享|关闭窗口|关闭|纠错|加大|还原|减小|放大|缩小|默认|字号|字体"
    r"|繁体|简体|繁|简|无障碍|长者模式|返回顶部|返回|大|中|小|微信|微博|QQ空间|朋友圈"
)
_TOOLS = re.compile(
    rf"(?:[\s【】\[\]（）()|｜:：/、·]*(?:{_TOOL_WORD}))+[\s【】\[\]（）()|｜:：/、·]*|[【】\[\]]"
)
# A breadcrumb set one step a line: 首页 / > / 政府信息公开 / > / …
_CRUMB_SEP = re.compile(r"[>＞›»/]")
# A label whose value the page put on the next line: 来源： / 陕西省人民政府
_BARE_LABEL = re.compile(
    r"(?:来源|稿件来源|信息来源|文章来源|发布时间|发布日期|发布机构|日期|时间|作者|责任编辑|编辑|浏览次数|阅读次数"
    r"|点击数|索引号|发文机关|主题分类|成文日期|发文字号|分享)[ \t\u3000\u00a0]*[:：]"
)


# A breadcrumb (当前位置：首页 > 政务公开 > …) marks where a web page's content starts.
_BREADCRUMB = re.compile(
    r"(?:当前位置|您的位置|您现在的位置|您当前的位置|所在位置|当前的位置)[ \t\u3000\u00a0]*[:：]"
    r"|首页[ \t\u3000\u00a0]*[>＞›»]"
)
_BREADCRUMB_REACH = 12  # how many lines of the top a breadcrumb may have above it

# A navigation bar: several short words (首页　政务公开　政务服务 …) set apart by full-width spaces, runs
# of spaces or bars, with no punctuation or digits.
_NAV_GAP = re.compile(r"(?:[\u3000\t]|[ \u00a0]{2,}|[ \u3000\u00a0]*[|｜丨][ \u3000\u00a0]*)+")
_NAV_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z·]{1,8}")
_NAV_REACH = 12  # how far from the top or the bottom a navigation bar is looked for


def is_furniture(line: str, *, keyed: bool = True) -> bool:
    """Is this whole (stripped) line page furniture or web chrome? ``keyed=False`` says the text
    holds none of the keywords of the furniture that may start anywhere (a shortcut)."""
    if line[0] in _FURNITURE_FIRST and _FURNITURE.fullmatch(line):
        return True
    if len(line) <= 40 and _TOOLS.fullmatch(line):
        return True
    return keyed and _FURNITURE_KEYS.search(line) is not None and _FURNITURE_ANY.fullmatch(line) is not None


_FOLD_HINT = re.compile(r"[\uff0e-\uff19％～]")
_MARK = "\x00"  # where inline furniture was cut out

# 决定/意见/报告 … : what a title ends with.
_TITLE_END = re.compile(
    r"(?:决定|意见|通知|报告|方案|规划|纲要|措施|条例|办法|细则|公报|公告|通告|批复|决议|讲话|要点|计划|建议)$"
)
_SENTENCE_PUNCT = re.compile(r"[，。；！？,;!?]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_LEADING_NUMBER = re.compile(r"[0-9.,%]*")
_TRAILING_PAREN = re.compile(r"[（(][^（）()]{0,20}[）)]$")

# A date line under a title: （2022年11月20日中国共产党…全体会议通过） or ——2023年1月12日在…上
_DATE_LINE = re.compile(
    r"(?:[（(]\s*|——\s*|—\s*)?([12]\d{3}|[二〇零一三四五六七八九]{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^。]{0,80}"
)
_BARE_DATE = re.compile(
    r"([12]\d{3}|[二〇零一三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
_SPEAKER = re.compile(
    r".{0,30}(?:主席|省长|市长|盟长|旗长|县长|区长|州长|书记|主任|部长|厅长|局长|代表)\s*[\u4e00-\u9fff·]{2,6}"
)
_ADDRESSEE = re.compile(r"各|有关单位|有关部门|人民政府|委员会|厅局|委办")
_SIGNATURE = re.compile(r".{2,30}(?:委员会|人民政府|办公厅|办公室|党委|党组|政府|委|局|厅)")

# How a line ends: a sentence end, mid-sentence punctuation, or open text.
_FINAL_CHARS = set("。！？；：!?;:…")
_CLOSERS = set("”’」』）)】》")
_MID_CHARS = set("，、,“‘「『（(《—-")
_CONTINUATION_START = re.compile(r"[，、。；：！？,;:!?”’」』）)》]")


@dataclass(slots=True)
class Reflowed:
    paragraphs: list[str]
    title: str | None = None
    year: int | None = None  # the document's own year, from a date line under the title or a signature
    wrapped: bool = False
    dropped: list[str] = field(default_factory=list)  # furniture removed, for diagnostics


class _Line:
    """One line of the source, with what the joining needs to know about it."""

    __slots__ = ("blank_before", "digits", "end", "gap", "indented", "marker", "near_break", "text", "width")

    def __init__(self, text: str, indented: bool, blank_before: bool, near_break: bool = False) -> None:
        self.text = text
        half = len(text.encode("ascii", "ignore"))
        self.digits = half != 0  # holds half-width characters (digits, Latin letters)
        self.width = 2 * len(text) - half  # CJK counts two cells
        self.indented = indented
        self.blank_before = blank_before
        self.near_break = near_break  # next to a page number or other furniture that was dropped
        self.gap = False  # a blank line follows it directly (before any furniture)
        last = text[-1]  # how the line ends: final, mid or open
        if last in _CLOSERS:
            self.end = _ending(text)
        else:
            self.end = "final" if last in _FINAL_CHARS else "mid" if last in _MID_CHARS else "open"
        # the line starts with a heading number (一、 （一） 1. …)
        self.marker = text[0] in _HEADING_FIRST and HEADING_START.match(text) is not None


def reflow(text: str, *, wrapped: bool | None = None, title_hint: str | None = None) -> Reflowed:
    """Turn raw text into paragraphs, with the title and the document's year when they are found."""
    dropped: list[str] = []
    lines = _clean_lines(text, dropped)
    _count_by_characters(lines)
    lines = _drop_nav_bars(lines, dropped)
    lines = _drop_running_heads(lines, dropped)
    title, year, lines = _take_title_and_date(lines, title_hint)
    if wrapped is None:
        wrapped, full = _detect_wrap(lines)
    else:
        full = _column_width(lines) if wrapped else 0
    paragraphs = _drop_front_matter(_join(lines, wrapped, full))
    if year is None:
        year = _signature_year(paragraphs)
    paragraphs = _drop_signature(paragraphs)
    return Reflowed(paragraphs, title, year, wrapped, dropped)


def is_heading_start(s: str) -> bool:
    return HEADING_START.match(s) is not None


# -- lines -------------------------------------------------------------------------------------------


def _clean_lines(text: str, dropped: list[str]) -> list[_Line]:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    present = [k for k in _INLINE_KEYS if k in text]  # most texts hold none or one of them
    keys = re.compile("|".join(present)) if len(present) > 1 else None
    key = present[0] if len(present) == 1 else None

    def cut(m: re.Match[str]) -> str:
        dropped.append(m.group())
        return _MARK

    fold = _FOLD_HINT.search(text) is not None
    keyed = _FURNITURE_KEYS.search(text) is not None
    out: list[_Line] = []
    blank = after_break = label = False
    for raw in _join_crumbs(text.split("\n")):
        s = raw.rstrip()
        if (
            (key is not None or keys is not None)
            and ("（" in s or "(" in s or "【" in s or "[" in s or "［" in s)  # furniture is bracketed
            and ((key is not None and key in s) or (keys is not None and keys.search(s)))
        ):
            s = _INLINE_FURNITURE.sub(cut, s)
        if _MARK in s:
            s = s.replace(_MARK, "").rstrip()
            after_break = True
            if not s.strip():
                continue  # the whole line was furniture: not even a blank line
        stripped = s.lstrip(" \t\u3000\u00a0\ufeff")
        if not stripped:
            if out and not blank and not after_break:
                out[-1].gap = True
            blank = True
            continue
        if (
            label
            and len(stripped) <= 30
            and not _SENTENCE_PUNCT.search(stripped)
            and not HEADING_START.match(stripped)
        ):
            dropped.append(stripped)  # 来源： / 陕西省人民政府: the value of a label on its own line
            label = False
            continue
        label = False
        if len(stripped) <= 200 and is_furniture(stripped, keyed=keyed):
            dropped.append(stripped)
            label = _BARE_LABEL.fullmatch(stripped) is not None
            if out and _is_breadcrumb_below_chrome(stripped, out):
                # a web page's content starts under its breadcrumb: what is above is site chrome
                kept = [ln for ln in out if _is_title_like(ln.text)]
                dropped.extend(ln.text for ln in out if not _is_title_like(ln.text))
                out[:] = kept
                blank = True
            if out:
                out[-1].near_break = True
            after_break = True
            continue
        indented = len(s) - len(stripped) >= 2 or s[:1] in ("\u3000", "\t")
        if fold:
            stripped = fold_width(stripped)
        out.append(_Line(stripped, indented, blank, after_break))
        blank = after_break = False
    return out


def _join_crumbs(lines: list[str]) -> list[str]:
    """首页 / > / 政府信息公开 / > / 政府工作报告: a breadcrumb set one step a line (blank lines
    between or not), as one line."""
    if not any(len(ln) <= 3 and _CRUMB_SEP.fullmatch(ln.strip()) for ln in lines):
        return lines
    out: list[str] = []
    k = 0
    n = len(lines)
    while k < n:
        ln = lines[k].strip()
        if out and _CRUMB_SEP.fullmatch(ln):
            j = k + 1
            while j < n and not lines[j].strip():
                j += 1
            last = len(out) - 1
            while last > 0 and not out[last].strip():
                last -= 1
            before, after = out[last].strip(), lines[j].strip() if j < n else ""
            if 0 < len(before) <= 60 and 0 < len(after) <= 30 and not _SENTENCE_PUNCT.search(before + after):
                del out[last + 1 :]
                out[last] = f"{before} {ln} {after}"
                k = j + 1
                continue
        out.append(lines[k])
        k += 1
    return out


def _is_breadcrumb_below_chrome(s: str, above: list[_Line]) -> bool:
    """Is ``s`` a breadcrumb near the top, with only site chrome (no sentence) above it?"""
    return (
        len(above) <= _BREADCRUMB_REACH
        and _BREADCRUMB.match(s) is not None
        and not any(_SENTENCE_PUNCT.search(ln.text) or ln.marker for ln in above)
    )


def _is_nav_bar(s: str) -> bool:
    if len(s) > 80 or _SENTENCE_PUNCT.search(s):
        return False
    words = [w for w in _NAV_GAP.split(s) if w]
    return len(words) >= 3 and all(_NAV_WORD.fullmatch(w) for w in words)


def _drop_nav_bars(lines: list[_Line], dropped: list[str]) -> list[_Line]:
    """A web page's navigation bars above the title and under the last paragraph are chrome. The
    search stops at the first line of content: a sentence, a numbered heading or the title."""
    drop: set[int] = set()
    n = len(lines)
    for order in (range(min(n, _NAV_REACH)), range(n - 1, max(-1, n - 1 - _NAV_REACH), -1)):
        for i in order:
            ln = lines[i]
            if _is_nav_bar(ln.text):
                drop.add(i)
            elif ln.marker or _SENTENCE_PUNCT.search(ln.text) or _is_title_like(ln.text):
                break
    if not drop:
        return lines
    out: list[_Line] = []
    cut = False
    for i, ln in enumerate(lines):
        if i in drop:
            dropped.append(ln.text)
            if out:
                out[-1].near_break = True
            cut = True
            continue
        if cut:
            ln.blank_before = ln.near_break = True  # the bar stood between two blocks
            cut = False
        out.append(ln)
    return out


_ENDS, _TAIL = 12, 1  # lines at the top and at the bottom where a page repeats its title


def _drop_running_heads(lines: list[_Line], dropped: list[str]) -> list[_Line]:
    """Short lines that repeat three or more times are running heads (page headers and footers)."""
    counts = Counter(ln.text for ln in lines if len(ln.text) <= 40)
    at_break = {ln.text for ln in lines if ln.near_break}
    # a title a web page repeats above and under the text is not a running head: that runs through it
    ends = (
        {ln.text for ln in lines[:_ENDS]} | {ln.text for ln in lines[-_TAIL:]}
        if len(lines) > 2 * _ENDS
        else set()
    )
    inside = Counter(ln.text for ln in lines[_ENDS:-_TAIL] if ln.text in ends)
    repeated = {
        t
        for t, n in counts.items()
        if (n >= 3 or (n >= 2 and t in at_break))
        and not _SENTENCE_PUNCT.search(t)
        and not HEADING_START.match(t)
        and len(t) >= 2
        and (t not in ends or inside[t] > 0 or not _is_title_like(t))
    }
    if not repeated:
        return lines
    dropped.extend(sorted(repeated))
    return [ln for ln in lines if ln.text not in repeated]


# -- title and date ----------------------------------------------------------------------------------


def _is_title_like(s: str) -> bool:
    if not 6 <= len(s) <= 90 or _SENTENCE_PUNCT.search(s) or HEADING_START.match(s):
        return False
    core = _TRAILING_PAREN.sub("", s)
    return bool(_TITLE_END.search(core))


def _take_title_and_date(lines: list[_Line], hint: str | None) -> tuple[str | None, int | None, list[_Line]]:
    title: str | None = None
    remove: set[int] = set()
    n = len(lines)
    head = range(min(n, 8))
    tail = range(max(0, n - 5), n)
    hint_key = "".join(hint.split()) if hint else None
    # A title set over one to three lines, at the top or at the bottom; a title with 关于 beats a
    # running head such as …公报.
    best: tuple[int, int, int, int] | None = None  # (score, length, start, span)
    for region, bonus in ((head, 1), (tail, 0)):
        for i in region:
            if (
                i > 0
                and i - 1 in region
                and not lines[i].blank_before
                and lines[i - 1].width > 8
                and not _SENTENCE_PUNCT.search(lines[i - 1].text)
                and not _is_title_like(lines[i - 1].text)
            ):
                continue  # a title starts on its own line, not in the middle of one
            for span in range(1, 6):
                if i + span > n:
                    break
                parts = lines[i : i + span]
                if span > 1 and parts[-1].blank_before:
                    break
                text = "".join(p.text for p in parts)
                if _SENTENCE_PUNCT.search(text):
                    break
                hinted = bool(hint_key) and "".join(text.split()) == hint_key
                if not hinted and not _is_title_like(text):
                    continue
                if not hinted and any(_is_title_like(p.text) for p in parts[:-1]):
                    break  # 示范省人民政府公报 over a title is a running head, not the title's first line
                score = 4 * hinted + 2 * ("关于" in text) + bonus
                cand = (score, len(text), i, span)
                if best is None or cand[:2] > best[:2]:
                    best = cand
    if best is not None:
        _, _, i, span = best
        title = "".join(p.text for p in lines[i : i + span])
        remove.update(range(i, i + span))
        own = _own_title_under(title, lines, i + span)
        if own is not None:
            # a web page's heading (示范省2026年政府工作报告) over the document's own title line
            # that repeats its end (政府工作报告): the fullest is the title, both leave the text
            remove.update(range(i + span, own + 1))
    if title is not None and hint and hint_key:
        # the page's <h1> (示范省2026年政府工作报告) over the text's own 政府工作报告: the fullest
        own_key = "".join(title.split())
        if len(hint_key) > len(own_key) and hint_key.endswith(own_key) and _is_title_like(hint_key):
            title = hint.strip()
    if title is not None:
        # the same title said again at the top or as the last line (a web page's heading) is not text
        key = "".join(title.split())
        remove.update(
            i for i in [*range(min(n, _ENDS)), n - 1] if i >= 0 and "".join(lines[i].text.split()) == key
        )
    if title is None and hint:
        title = hint.strip() or None
    # A date line just under (or over) the title gives the document's year.
    year: int | None = None
    near = set(range(min(n, 6)))
    if remove:
        near.update(range(max(0, min(remove) - 2), min(n, max(remove) + 4)))
    for i in sorted(near):
        if i in remove:
            continue
        t = lines[i].text
        m = _DATE_LINE.fullmatch(t)
        if m and len(t) <= 120:
            year = _year_of(m.group(1))
            remove.add(i)
            opened = t.lstrip()[:1] in "（(" and not any(c in t for c in "）)")
            dash = t.startswith("—") and not t.endswith(("上", "讲话", "报告"))
            if opened or dash:
                # the line is wrapped: its rest runs to the closing parenthesis, or to 会议上
                for j in range(i + 1, min(n, i + 4)):
                    if _SENTENCE_PUNCT.search(lines[j].text):
                        break
                    remove.add(j)
                    if any(c in lines[j].text for c in "）)") or lines[j].text.endswith("上"):
                        break
            break
    if remove:
        first = min(remove)
        if first <= 8 and first < n // 2:
            # a web page's chrome and a newspaper's masthead sit above the title
            remove.update(i for i in range(first) if not _SENTENCE_PUNCT.search(lines[i].text))
    if not remove:
        return title, year, lines
    kept = [ln for i, ln in enumerate(lines) if i not in remove]
    return title, year, kept


def _own_title_under(heading: str, lines: list[_Line], start: int) -> int | None:
    """The index of a line just under ``heading`` (nothing but lines without sentences between)
    that repeats the heading's end and reads as a title on its own, if there is one."""
    key = "".join(heading.split())
    for j in range(start, min(len(lines), start + 3)):
        t = lines[j].text
        if _SENTENCE_PUNCT.search(t) or lines[j].marker:
            return None
        own = "".join(t.split())
        if 4 <= len(own) < len(key) and key.endswith(own) and _TITLE_END.search(own):
            return j
    return None


SALUTATION = re.compile(r"(?:各位代表|各位委员|同志们|各位领导|各位来宾)[：:，,！!]?")


def _drop_front_matter(paragraphs: list[str]) -> list[str]:
    """Under the title, the speaker of a report, its salutation and the addressees of a notice are
    not task items. A narrow column may have run them into the paragraph that follows."""
    out = list(paragraphs)
    for i, p in enumerate(out[:8]):
        if i >= 6 and not SALUTATION.search(p[:60]):
            break
        p = _without_captions(p)
        m = SALUTATION.search(p)
        if m and m.start() <= 40 and (m.start() == 0 or not _SENTENCE_PUNCT.search(p[: m.start()])):
            p = p[m.end() :]  # 省长 王清宪各位代表：, 本报全媒体各位代表：: what stands before the salutation
        elif len(p) <= 40 and not _SENTENCE_PUNCT.search(p) and _SPEAKER.fullmatch(p):
            p = ""
        else:
            colon = p.find("：")
            head = p[:colon]
            if (
                0 < colon <= 80
                and "。" not in head
                and _ADDRESSEE.search(head)
                and not HEADING_START.match(p)
            ):
                p = p[colon + 1 :]
        out[i] = p.strip()
    return [p for p in out if p]


def _without_captions(p: str) -> str:
    """殷勇同志作政府工作报告。本报记者 戴冰摄: a photo's caption and credit that a narrow column ran
    into one paragraph, sentence by sentence."""
    while p:
        m = _SENTENCE_END.search(p)
        head = p[: m.end()] if m else p
        core = head.rstrip("。！？!?")
        if not core or len(head) > 60 or not (is_furniture(head) or is_furniture(core)):
            break
        p = p[len(head) :].strip()
    return p


def _year_of(s: str) -> int | None:
    from ._text import cn_to_int

    return int(s) if s.isdigit() else cn_to_int(s)


def _signature_year(paragraphs: list[str]) -> int | None:
    for p in paragraphs[-3:]:
        m = _BARE_DATE.fullmatch(p.strip())
        if m:
            return _year_of(m.group(1))
    return None


def _drop_signature(paragraphs: list[str]) -> list[str]:
    """The issuing authority and the date at the end are not task items."""
    while paragraphs:
        last = paragraphs[-1]
        if _BARE_DATE.fullmatch(last) or (
            len(last) <= 30 and _SIGNATURE.fullmatch(last) and not _SENTENCE_PUNCT.search(last)
        ):
            paragraphs = paragraphs[:-1]
            continue
        break
    return paragraphs


# -- wrapping ----------------------------------------------------------------------------------------


def _count_by_characters(lines: list[_Line]) -> None:
    """A typesetter fills a column by width (a digit is half a character); a script re-wrapping
    text fills it by characters. Lines broken mid-sentence are full in the measure that made them:
    where counting characters leaves fewer of those that hold digits short, widths count characters."""
    mixed = [ln for ln in lines if ln.digits and ln.end != "final"]
    if len(mixed) < 3:
        return
    cells = _column_width(lines)
    chars = sorted(2 * len(ln.text) for ln in lines)[min(len(lines) - 1, (len(lines) * 3) // 4)]
    slack = _slack(cells)
    short_cells = sum(1 for ln in mixed if ln.width < cells - slack)
    short_chars = sum(1 for ln in mixed if 2 * len(ln.text) < chars - slack)
    if short_chars < short_cells:
        for ln in lines:
            ln.width = 2 * len(ln.text)


def _column_width(lines: list[_Line]) -> int:
    widths = sorted(ln.width for ln in lines)
    if not widths:
        return 0
    return widths[min(len(widths) - 1, (len(widths) * 3) // 4)]


def _detect_wrap(lines: list[_Line]) -> tuple[bool, int]:
    """Is the text broken at a column width, and what is that width (in half-width cells)?

    Wrapped text breaks most of its longer lines in the middle of a sentence; a file of
    paragraphs (docx, a web page) ends them with punctuation.
    """
    if len(lines) < 2:
        return False, 0
    full = _column_width(lines)
    if full == 0 or full > 170:
        return False, full
    longer = [ln for ln in lines if ln.width >= 0.5 * full and not ln.marker]
    broken = sum(1 for ln in longer if ln.end != "final")
    return bool(longer) and broken >= 0.3 * len(longer), full


def _ending(s: str) -> str:
    """'final' (a sentence or clause list ends), 'mid' (mid-sentence punctuation) or 'open'."""
    i = len(s) - 1
    while i >= 0 and s[i] in _CLOSERS:
        i -= 1
    if i < 0:
        return "open"
    c = s[i]
    if c in _FINAL_CHARS:
        return "final"
    if c in _MID_CHARS:
        return "mid"
    return "open"


def _join(lines: list[_Line], wrapped: bool, full: int) -> list[str]:
    paragraphs: list[str] = []
    cur: list[str] = []
    heading = False  # the paragraph being built is a standalone heading so far
    prev: _Line | None = None
    slack = _slack(full)
    # An indent opens a paragraph where only some lines have one (not where every line does).
    indents = 0 < sum(ln.indented for ln in lines) < 0.5 * len(lines)
    opening = _opening_indent(lines, full)
    inline = _inline_ranks(lines, full, _slack(full)) if wrapped else set()
    for k, ln in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if prev is None or not cur:
            cur = [ln.text]
            heading = _starts_heading(ln)
            prev = ln
            continue
        in_line = heading and _rank(cur[0]) in inline
        if _continues(prev, ln, nxt, cur, heading, wrapped, full, slack, indents, opening, in_line):
            if heading and _SENTENCE_PUNCT.search(ln.text):
                heading = False
            cur.append(ln.text)
        else:
            paragraphs.append(_finish(cur))
            cur = [ln.text]
            heading = _starts_heading(ln)
        prev = ln
    if cur:
        paragraphs.append(_finish(cur))
    return [p for p in paragraphs if p]


def _opening_indent(lines: list[_Line], full: int) -> int:
    """How much shorter than the column the first line of a paragraph runs (half-width cells): a
    newspaper indents it two characters, a PDF's text layer mostly not."""
    gaps = sorted(
        full - ln.width
        for prev, ln in pairwise(lines)
        if prev.end == "final" and ln.end != "final" and not ln.marker and not ln.digits
    )
    return max(0, min(4, gaps[len(gaps) // 2])) if len(gaps) >= 5 else 4


def _starts_heading(ln: _Line) -> bool:
    """A line opening with a heading number, its title not ended on it (一、一年接着一年干，新福建)."""
    return ln.marker and not _SENTENCE_END.search(ln.text) and "；" not in ln.text


def _continues(
    prev: _Line,
    ln: _Line,
    nxt: _Line | None,
    cur: list[str],
    heading: bool,
    wrapped: bool,
    full: int,
    slack: int,
    indents: bool = False,
    opening: int = 4,
    in_line: bool = False,
) -> bool:
    """Does ``ln`` go on with the paragraph that ``prev`` belongs to? ``opening`` is how much
    shorter than the column the first line of a paragraph is set (its indent, dropped or not);
    ``in_line`` says that the paragraph opens with a heading of a rank the text sets inline."""
    if ln.text[0] == TABLE_MARK or prev.text[0] == TABLE_MARK:
        return False  # a table lifted out of the text stands alone (luoshi.document._tables)
    end = prev.end
    if ln.marker:
        if end == "mid":
            return prev.text[-1:] in "，、," and not ln.blank_before
        # …加快建成统 / 一、开放、竞争、有序的市场体系。: a body line that fills the column and stops
        # mid-word goes on, though the next line opens like a heading number
        return (
            wrapped
            and end == "open"
            and not heading
            and not prev.marker
            and not ln.blank_before
            and prev.width >= full - 2
            and _SENTENCE_PUNCT.search("".join(cur)) is not None
        )
    if end == "mid":
        return True
    if _CONTINUATION_START.match(ln.text):
        return True
    if end == "final":
        if not wrapped or ln.blank_before or ln.indented:
            return False
        # a short line without punctuation after a sentence stands alone
        short_alone = ln.width < full - slack and not _SENTENCE_PUNCT.search(ln.text)
        return not short_alone and prev.width >= full - 3
    # open: the line stops without punctuation
    # a heading's line opens its paragraph: only an indent (where paragraphs open with one), a
    # character held back by the line-start rule and the column's own play make it shorter
    indent = opening or prev.indented
    # a number is not broken over two lines: the line before one may stop short by its width
    held = len(_LEADING_NUMBER.match(ln.text).group()) if ln.digits else 0  # type: ignore[union-attr]
    if wrapped and prev.width + held >= full - (min(slack, 8 if indent else 4) if prev.marker else slack):
        # Broken at the column width, mid-word (a blank line here is a page break) — unless a
        # heading filled the line and the body follows.
        if heading and indents and ln.indented:
            return False  # a heading as wide as the column, then the body with its indent
        # where the text sets this rank inline, a title that filled its first line to the
        # column's edge runs on to its 。 over a column break (…厚植绿色低碳 / blank / 发展底色。…)
        filled = in_line and prev.width >= full - opening - 2 and _inline_rest(ln.text, cur)
        if heading and prev.gap and not _title_rest(ln.text) and not filled:
            return False  # （十）把民生工作摆在更加突出位置 / blank / 实施…计划。健全…: the body
        return not heading or _heading_goes_on(ln.text, "".join(cur), in_line)
    if heading and wrapped:
        # A heading set in large type goes on over short lines without punctuation; over a blank
        # line only when the piece stands alone before the next blank line or heading.
        short = ln.width < full - slack
        if (
            indents
            and (prev.near_break or ln.near_break)
            and not ln.indented
            and _inline_title_end(ln.text, cur)
        ):
            # （二）推进产业 / page break / 转型升级。坚持…: where paragraphs open with an indent, an
            # unindented line after a page break goes on with the inline title
            return True
        ends = _SENTENCE_END.search(ln.text)
        if (
            ends is not None
            and ends.end() == len(ln.text)
            and ln.gap
            and (not ln.blank_before or ln.near_break)
        ):
            # 一、提高低保、特困人员、孤 / 儿基本生活…补贴 / 和…保障水平。 / blank: a heading set
            # apart by blank lines may end with 。
            ends = None
        if not short or ends is not None or len("".join(cur)) + len(ln.text) > 80:
            return False
        if indents and ln.indented:
            return False  # 四、…工作 / 　　2024年是…: the body opens with its indent
        if not ln.blank_before or ln.near_break:
            return True  # a page break inside a heading is not a paragraph break
        return nxt is None or nxt.blank_before or nxt.marker
    return False


def _inline_title_end(s: str, cur: list[str]) -> bool:
    """Does the line open with the short rest of a title, ended by 。 (转型升级。坚持…)?"""
    m = _SENTENCE_PUNCT.search(s)
    return m is not None and s[m.start()] == "。" and 1 <= m.start() <= 12 and sum(len(c) for c in cur) <= 30


def _rank(s: str) -> str:
    """The form of a heading's number, whatever its value: 一、, （一）, 1. or （1）."""
    m = HEADING_START.match(s)
    if m is None:
        return ""
    return _NUMERALS.sub("一", _DIGITS.sub("1", fold_width(m.group())))


_NUMERALS = re.compile(r"[一二三四五六七八九十]+")
_DIGITS = re.compile(r"\d+")


def _inline_ranks(lines: list[_Line], full: int, slack: int) -> set[str]:
    """The ranks of heading a text sets inline, its title ended by 。 and the body run on after it
    on the same line (（一）聚焦产业转型。坚持…), rather than on a line of its own. A text sets the
    headings of one rank alike, so where most are inline, one that fills its line goes on to its 。"""
    votes: dict[str, list[int]] = {}
    for k, ln in enumerate(lines):
        if not ln.marker:
            continue
        m = _SENTENCE_END.search(ln.text)
        v = votes.setdefault(_rank(ln.text), [0, 0])
        if m is not None and m.end() < len(ln.text):
            v[0] += 1  # （一）聚焦产业转型。坚持…
        elif m is None and ln.width < full - slack and not _SENTENCE_PUNCT.search(ln.text):
            v[1] += 1  # （一）扩大有效需求, alone on its line
        elif m is None and k + 1 < len(lines) and not ln.gap and not lines[k + 1].blank_before:
            # the title's end on the very next line; across a blank line it may as well be the
            # lead sentence of the body under a heading set alone (…高水平开放 / blank / 深化…改革。)
            rest = _SENTENCE_END.search(lines[k + 1].text)
            if rest is not None and rest.start() <= 30 and rest.end() < len(lines[k + 1].text):
                v[0] += 1  # （一）着力强化内需主导作用，服务构建 / 新发展格局。坚持…
    return {rank for rank, (inline, alone) in votes.items() if inline >= 2 and inline > alone}


def _inline_rest(s: str, cur: list[str]) -> bool:
    """Across a column break, does this line end an inline heading's title (…厚植绿色低碳 / blank /
    发展底色。坚持…)? The title so far and its rest make a title of plausible length."""
    m = _SENTENCE_END.search(s)
    return m is not None and 1 <= m.start() <= 30 and len("".join(cur)) + m.start() <= 50


def _heading_goes_on(s: str, heading: str, in_line: bool = False) -> bool:
    """Is this line the rest of a heading that filled the line before: the end of its title, or
    the end of an inline title (…干部队 / 伍。坚持…)? Titles are short: a title in one part rarely
    runs over 32 characters (…摆在更加突出位置 / 推进重点领域生态环境治理攻坚。… is the body), one
    with a list over 40, one whose second part follows a comma on this line over 40 (…有机结 /
    合，城乡融合发展机制加快构建。)."""
    so_far = len(heading)
    m = _SENTENCE_END.search(s)
    if m is None:
        return so_far + len(s) <= (42 if _SENTENCE_PUNCT.search(s) is None else 50)
    rest = m.start()
    if rest <= 3:
        return True  # …干部队 / 伍。
    if _SENTENCE_PUNCT.search(s, 0, rest):
        return so_far + rest <= 40  # the title's second part, after a comma
    if in_line:
        return rest <= 30 and so_far + rest <= 50  # the rank is set inline: the title runs to its 。
    return rest <= 30 and so_far + rest <= (60 if "，" in heading else 40 if "、" in heading else 32)


def _title_rest(s: str) -> bool:
    """Across a blank line, does this line end a heading's title: a word cut at the line's end
    (…干部队 / 伍。坚持…, …现代化产业 / 体系), or the second half of a title in two parts
    (…有机结 / 合，城乡融合发展机制加快构建。…), or the end of a title alone on its line (推动各民族 /
    共建共享中国式现代化。)? Not a body's lead sentence with more after it (实施…计划。健全…)."""
    m = _SENTENCE_END.search(s)
    end = m.start() if m is not None else (len(s) if _SENTENCE_PUNCT.search(s) is None else -1)
    if 0 <= end <= 3 or (m is not None and m.end() == len(s) and end <= 20):
        return True  # a word cut at the line's end, or a title's end alone on its line
    return m is not None and m.start() <= 30 and "，" in s[: m.start()]


def _slack(full: int) -> int:
    """How much shorter than the column a line may be and still be broken by it (an indent, tight
    punctuation): five characters in a newspaper column, three in a narrow one."""
    return max(6, min(10, round(full * 0.22)))


def _finish(parts: list[str]) -> str:
    out = parts[0]
    for p in parts[1:]:
        a, b = out[-1:], p[:1]
        if a.isascii() and b.isascii() and a.isalpha() and b.isalpha() and (a.islower() or b.islower()):
            out += " " + p  # English words at a line end keep their space; PM2.5 and GDP do not
        else:
            out += p
    return drop_layout_spaces(out).strip()
