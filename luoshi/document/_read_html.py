"""Read the main text of a web page: one line per block, without menus, footers and share bars.

The page is parsed with the standard library into a small tree; boilerplate (script, style, nav,
header, footer, aside, form and blocks whose class or id say so) is dropped unless it holds most of
the page's Chinese text; then the walk goes down from ``<body>`` into the one container holding most
of the Chinese text, and that container's blocks become lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ._errors import DocumentError
from ._read_text import decode_text

_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
_DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "math",
    "select",
    "button",
    "textarea",
    "object",
    "canvas",
    "video",
    "audio",
}
_BOILERPLATE_TAGS = {"nav", "header", "footer", "aside", "form", "menu", "dialog"}
_BLOCKS = {
    "address",
    "article",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
    "caption",
    "option",
    "legend",
}
_CONTAINERS = {
    "body",
    "div",
    "section",
    "article",
    "main",
    "table",
    "tbody",
    "thead",
    "tr",
    "td",
    "th",
    "center",
    "font",
    "form",
    "span",
    "blockquote",
}
_CELLS = {"td", "th"}
_BOILERPLATE_WORDS = {
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "crumbs",
    "share",
    "sharing",
    "bdshare",
    "footer",
    "foot",
    "bottom",
    "sidebar",
    "side",
    "aside",
    "copyright",
    "comment",
    "comments",
    "related",
    "recommend",
    "toolbar",
    "banner",
    "ad",
    "ads",
    "advert",
    "login",
    "search",
    "header",
    "topbar",
    "weixin",
    "wechat",
    "qrcode",
    "ewm",
    "print",
    "position",
    "location",
    "friendlink",
    "links",
    "pagination",
    "pager",
    "skip",
    "subnav",
    "tags",
    "social",
    "cookie",
}
_MAX_DEPTH = 200  # old pages leave thousands of <font> open; deeper tags are flattened
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HANZI = re.compile("[\u4e00-\u9fff]")
_WS = re.compile(r"[ \t\n\r\f\v\u00a0\u2002\u2003\u2009\u200b]+")
_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_BROKEN_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}])\\s*\n\\s*(?=[{_CJK}])")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SITE_SUFFIX = re.compile(
    r"(网|网站|政府|日报|报社|门户|频道|官网|平台|新闻|中心|首页|栏目|专题|专栏|在线|文件|公报|信息公开|政策|要闻|动态|报|版|站|客户端)$"
)
_TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]|\s[-–—]+\s|(?<![-–—])[-–—]{1,2}(?![-–—]))\s*")


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    parent: _Node | None = None
    children: list[_Node | str] = field(default_factory=list)
    hanzi: int = 0


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.current = self.root
        self.depth = 0

    def _depth_of(self, node: _Node) -> int:
        depth = 0
        while node.parent is not None:
            node = node.parent
            depth += 1
        return depth

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.current)
        if tag in ("p", "li", "tr", "td", "th", "dt", "dd", "option"):  # implied end tags
            self._close_open(tag)
            node.parent = self.current
        self.current.children.append(node)
        if tag not in _VOID and self.depth < _MAX_DEPTH:
            self.current = node
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(_Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: _Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent
            self.depth = self._depth_of(self.current)

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)

    def _close_open(self, tag: str) -> None:
        """<p>a<p>b: a new p (li, tr, td …) closes the open one, as a browser does."""
        stop = {
            "p": {"div", "td", "li", "body", "section", "article", "table"},
            "li": {"ul", "ol"},
            "tr": {"table", "tbody", "thead", "tfoot"},
            "td": {"tr", "table"},
            "th": {"tr", "table"},
            "dt": {"dl"},
            "dd": {"dl"},
            "option": {"select"},
        }[tag]
        node: _Node | None = self.current
        while node is not None and node.tag not in stop:
            if (
                node.tag == tag
                or (tag in _CELLS and node.tag in _CELLS)
                or (tag in ("dt", "dd") and node.tag in ("dt", "dd"))
            ):
                if node.parent is not None:
                    self.current = node.parent
                    self.depth = self._depth_of(self.current)
                return
            node = node.parent


def read_html(data: bytes) -> tuple[str, str | None, str]:
    """The main text of a web page, its title and the encoding it was read in."""
    declared = _declared_charset(data)
    html, encoding = decode_text(data, declared=declared)
    builder = _TreeBuilder()
    try:
        builder.feed(html)
        builder.close()
    except Exception:  # html.parser is lenient; anything it still chokes on is a broken page
        raise DocumentError("corrupt", "网页文件无法解析。", "The web page cannot be parsed.") from None
    root = builder.root
    _count(root)
    title = _title(root)
    total = root.hanzi
    _prune(root, total)
    _count(root)
    container = _main_container(root)
    lines: list[str] = []
    current: list[str] = []
    _lines(container, lines, current)
    _flush(lines, current)
    text = "\n".join(line for line in (ln.strip() for ln in lines) if line)
    return text, title, encoding


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _count(node: _Node) -> int:
    n = 0
    for child in node.children:
        n += len(_HANZI.findall(child)) if isinstance(child, str) else _count(child)
    node.hanzi = n
    return n


def _is_boilerplate(node: _Node) -> bool:
    if node.tag in _BOILERPLATE_TAGS or node.attrs.get("role") in ("navigation", "banner", "contentinfo"):
        return True
    if (
        _HIDDEN.search(node.attrs.get("style", ""))
        or "hidden" in node.attrs
        or node.attrs.get("aria-hidden") == "true"
    ):
        return True
    words = re.split(r"[\s_\-]+", (node.attrs.get("class", "") + " " + node.attrs.get("id", "")).lower())
    return any(w in _BOILERPLATE_WORDS for w in words)


def _prune(node: _Node, total: int) -> None:
    keep: list[_Node | str] = []
    for child in node.children:
        if isinstance(child, str):
            keep.append(child)
        elif (
            child.tag in _DROP
            or child.tag in ("head", "title")
            or (_is_boilerplate(child) and child.hanzi * 2 <= total)
        ):
            continue
        else:
            _prune(child, total)
            keep.append(child)
    node.children = keep


def _main_container(root: _Node) -> _Node:
    node = root
    while True:
        nodes = [c for c in node.children if isinstance(c, _Node)]
        best = max(nodes, key=lambda c: c.hanzi, default=None)
        if best is None or not node.hanzi:
            return node
        if best.tag in ("html", "#root") or (best.tag in _CONTAINERS and best.hanzi >= 0.7 * node.hanzi):
            node = best
            continue
        return node


def _lines(node: _Node, lines: list[str], current: list[str]) -> None:
    """Append the text under ``node`` to ``lines``; ``current`` holds the line being built."""
    for child in node.children:
        if isinstance(child, str):
            current.append(child)
            continue
        tag = child.tag
        if tag == "br":
            _flush(lines, current)
        elif tag == "pre":
            _flush(lines, current)
            text = "".join(_raw_text(child))
            lines.extend(text.split("\n"))
        elif tag == "table" and (rows := _data_table(child)) is not None:
            from ._tables import row_line

            _flush(lines, current)
            lines.extend(row_line(r) for r in rows)
        elif tag in _CELLS:
            current.append(" ")
            _lines(child, lines, current)
            current.append(" ")
        elif tag in _BLOCKS:
            _flush(lines, current)
            _lines(child, lines, current)
            _flush(lines, current)
        else:
            _lines(child, lines, current)


_MAX_CELL_CHARS = 600  # a cell longer than this holds body text: the table lays out the page
_MAX_SPAN = 64


def _span(node: _Node, name: str) -> int:
    try:
        return max(1, min(int(node.attrs.get(name, "1").strip() or 1), _MAX_SPAN))
    except ValueError:
        return 1


def _rows_of(node: _Node) -> list[_Node]:
    out: list[_Node] = []
    for child in node.children:
        if isinstance(child, str):
            continue
        if child.tag == "tr":
            out.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            out.extend(_rows_of(child))
    return out


def _fill_from_above(row: list[str], pending: dict[int, tuple[int, str]]) -> None:
    """Cells of rows above that span down into this row, at the columns they cover."""
    while len(row) in pending:
        left, text = pending[len(row)]
        row.append(text)
        if left <= 1:
            del pending[len(row) - 1]
        else:
            pending[len(row) - 1] = (left - 1, text)


def _data_table(table: _Node) -> list[list[str]] | None:
    """The rows of a table of data (主要指标表, 任务分工表), a cell spanning columns or rows repeated
    in each grid cell it covers; None for a table that lays out the page (nested tables, one column,
    cells holding the body text)."""
    if _find_all(table, "table"):
        return None
    grid: list[list[str]] = []
    pending: dict[int, tuple[int, str]] = {}  # column → (rows still covered, text) for rowspan
    for tr in _rows_of(table):
        row: list[str] = []

        for td in tr.children:
            if isinstance(td, str) or td.tag not in _CELLS:
                continue
            _fill_from_above(row, pending)
            paragraphs: list[str] = []
            current: list[str] = []
            _lines(td, paragraphs, current)
            _flush(paragraphs, current)
            from ._tables import join_cell_paragraphs

            text = join_cell_paragraphs(paragraphs)
            if len(text) > _MAX_CELL_CHARS:
                return None
            down = _span(td, "rowspan")
            for _ in range(_span(td, "colspan")):
                if down > 1:
                    pending[len(row)] = (down - 1, text)
                row.append(text)
        _fill_from_above(row, pending)
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    if width < 2 or sum(1 for r in grid if sum(1 for c in r if c) >= 2) < 2:
        return None
    return [r + [""] * (width - len(r)) for r in grid if any(r)]


def _flush(lines: list[str], current: list[str]) -> None:
    if current:
        text = "".join(current)
        text = _BROKEN_BETWEEN_CJK.sub("", text)  # a hard wrap inside a block, between hanzi
        text = _WS.sub(" ", text).strip()
        if text:
            lines.append(text)
        current.clear()


def _raw_text(node: _Node) -> list[str]:
    out: list[str] = []
    for child in node.children:
        if isinstance(child, str):
            out.append(child)
        elif child.tag == "br":
            out.append("\n")
        else:
            out.extend(_raw_text(child))
    return out


def _text(node: _Node) -> str:
    return _WS.sub(" ", "".join(_raw_text(node))).strip()


def _find_all(node: _Node, tag: str, *, skip_boilerplate: bool = False) -> list[_Node]:
    found: list[_Node] = []
    for child in node.children:
        if isinstance(child, str) or child.tag in _DROP:
            continue
        if skip_boilerplate and _is_boilerplate(child) and child.tag != "header":
            continue
        if child.tag == tag:
            found.append(child)
        found.extend(_find_all(child, tag, skip_boilerplate=skip_boilerplate))
    return found


def _title(root: _Node) -> str | None:
    for h1 in _find_all(root, "h1", skip_boilerplate=True):
        text = _text(h1)
        hanzi = len(_HANZI.findall(text))
        if hanzi >= 4 and (hanzi > 12 or not _SITE_SUFFIX.search(text)):  # not the site's name
            return text
    titles = _find_all(root, "title")
    if not titles:
        return None
    raw = _text(titles[0])
    for tag in ("h2", "h3"):  # a heading that the <title> repeats is the article's title
        for h in _find_all(root, tag, skip_boilerplate=True):
            text = _text(h)
            if len(_HANZI.findall(text)) >= 6 and text in raw:
                return text
    return clean_title(raw) or None


def clean_title(title: str) -> str:
    """``关于…的决定_政策文件_内蒙古自治区人民政府`` → ``关于…的决定``."""
    title = title.strip()
    while True:
        cuts = list(_TITLE_SEPARATORS.finditer(title))
        if not cuts:
            return title
        last = cuts[-1]
        head, tail = title[: last.start()].strip(), title[last.end() :].strip()
        if head and (not tail or _SITE_SUFFIX.search(tail) or not _HANZI.search(tail) or len(tail) <= 4):
            title = head
        else:
            return title
