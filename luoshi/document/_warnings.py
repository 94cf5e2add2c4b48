"""What the reading is unsure of, said so that a person can check it before relying on it.

Each warning (:class:`~luoshi.document._model.Caveat`) has a code for programs and a sentence in
Chinese and in English for people, naming what to check and where (the items and sections it is
about). The checks look at the finished Document and at what the pipeline saw on the way:

- ``empty``, ``no_structure``: nothing to read (the CLI refuses such a file);
- ``title_missing``, ``title_guessed``, ``title_doubtful``: no title; a title that is not a line of
  the text (taken from the page's ``<title>`` or the file's properties); a title holding a web page's
  buttons (字号 加大 减小, 分享) or an unpaired bracket;
- ``outline_missing``: many items and no heading at all; ``outline_shallow``: one level of headings
  over many items each, where a report or a decision has two; ``outline_irregular``: numbers that
  skip (三、 then 五、) or repeat, a text that starts mid-document;
- ``items_outside_sections``: many task items before or outside any heading, once there are headings;
- ``review_not_found``: a work report with no retrospective part found (its review would be read as
  tasks);
- ``year_missing``: no year for the document, and targets left without one;
- ``table_unread``: a table read as neither a 主要指标表 nor a task table, its rows listed as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._model import TASK_KINDS, Caveat, Document, Section
from ._tables import ReadTable
from ._text import ordinal

# thresholds: how much it takes before a person is asked to look
OUTLINE_MISSING_ITEMS = 20  # this many items and no heading
SHALLOW_ITEMS_PER_SECTION = 25  # one level of headings, this many task items under each on average
SHALLOW_MIN_ITEMS = 60
OUTSIDE_MIN = 5  # task items outside any section: at least this many …
OUTSIDE_SHARE = 0.1  # … and this share of the task items
_REPORT = re.compile(r"工作报告")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_EXAMPLES = 3


def check(
    doc: Document,
    *,
    text: str,
    title_hint: str | None = None,
    tables: Sequence[tuple[str | None, ReadTable]] = (),
) -> list[Caveat]:
    """The warnings for ``doc``, read from ``text``, in the order a person would check them."""
    if not text.strip():
        return [Caveat("empty", "文件中没有文字。", "The document holds no text.")]
    if not doc.sections and not any(_CJK.search(i.text) for i in doc.items):
        return [
            Caveat(
                "no_structure",
                "未能识别出任何结构：没有标题层次，也没有中文任务语句。请确认这是一份决定、意见或工作报告。",
                "No recognisable structure: no headings and no Chinese task sentences. "
                "Is this a decision, an opinion or a work report?",
            )
        ]
    out: list[Caveat] = []
    out += _title(doc, text, title_hint)
    out += _outline(doc)
    out += _outside(doc)
    out += _review(doc)
    out += _year(doc)
    out += _tables(doc, tables)
    return out


# -- title -------------------------------------------------------------------------------------------


# what a title copied from a web page may carry along: its buttons and tools
_CHROME = re.compile(
    r"字号|加大|减小|还原|打印|关闭|收藏|分享|来源[:：]|发布时间|浏览次数|当前位置|首页\s*[>＞]"
)
_PAIRS = {"（": "）", "(": ")", "【": "】", "[": "]", "《": "》", "“": "”", "〔": "〕"}


def _balanced(s: str) -> bool:
    stack: list[str] = []
    closers = set(_PAIRS.values())
    for c in s:
        if c in _PAIRS:
            stack.append(_PAIRS[c])
        elif c in closers and (not stack or stack.pop() != c):
            return False
    return not stack


def _compact(s: str) -> str:
    return "".join(s.split())


def _title(doc: Document, text: str, hint: str | None) -> list[Caveat]:
    if not doc.title:
        return [
            Caveat(
                "title_missing",
                "没有找到文件的标题。导入后请在台账中补上标题，以免与其他文件混淆。",
                "No title was found. Give the decision its title in the ledger after importing, "
                "so that it is not confused with another.",
            )
        ]
    if _CHROME.search(doc.title) or not _balanced(doc.title):
        return [
            Caveat(
                "title_doubtful",
                f"标题“{doc.title}”中有网页上的按钮文字或不成对的括号，可能混入了网页的其他内容，请核对标题。",
                f"The title “{doc.title}” holds a web page's button words or an unpaired bracket: it may "
                "have taken in other parts of the page. Check the title.",
            )
        ]
    if _compact(doc.title) not in _compact(text):
        source = "网页标题" if doc.format == "html" else "文件属性"
        source_en = "the page's title bar" if doc.format == "html" else "the file's properties"
        return [
            Caveat(
                "title_guessed",
                f"标题“{doc.title}”取自{source}，正文中没有这一行，请核对是否就是文件的标题。",
                f"The title “{doc.title}” comes from {source_en}, not from a line of the text; "
                "check that it is the document's title.",
            )
        ]
    return []


# -- outline -----------------------------------------------------------------------------------------


class _Labels:
    """Headings as the document prints their numbers: the shallowest level numbered in Chinese is
    一、, deeper ones （一）; the shallowest in Arabic numbers is 1., deeper ones （1）."""

    def __init__(self, sections: Sequence[Section]) -> None:
        chinese = [s.level for s in sections if s.number and not s.number.isdigit()]
        arabic = [s.level for s in sections if s.number and s.number.isdigit()]
        self.chinese_top = min(chinese, default=1)
        self.arabic_top = min(arabic, default=1)

    def number(self, s: Section) -> str:
        if not s.number:
            return ""
        if s.number.isdigit():
            return f"{s.number}." if s.level <= self.arabic_top else f"（{s.number}）"
        return f"{s.number}、" if s.level <= self.chinese_top else f"（{s.number}）"

    def __call__(self, s: Section) -> str:
        return f"“{self.number(s) or s.title or ''}”"

    def heading(self, s: Section) -> str:
        return f"“{self.number(s)}{s.title or ''}”"


def _tasks(doc: Document) -> list[str]:
    return [i.id for i in doc.items if i.kind in TASK_KINDS]


def _outline(doc: Document) -> list[Caveat]:
    tasks = _tasks(doc)
    if not doc.sections:
        if len(doc.items) < OUTLINE_MISSING_ITEMS:
            return []
        return [
            Caveat(
                "outline_missing",
                f"没有识别出任何章节标题（如“一、”“（一）”），{len(tasks)} 条任务都未归入章节。"
                "请核对文件是否完整、标题是否带有编号。",
                f"No section heading (such as 一、 or （一）) was recognised; none of the {len(tasks)} task "
                "items belongs to a section. Check that the file is complete and its headings are numbered.",
            )
        ]
    out: list[Caveat] = []
    top = [s for s in doc.sections if s.parent is None]
    if (
        len(top) == len(doc.sections)
        and len(tasks) >= SHALLOW_MIN_ITEMS
        and len(tasks) / len(top) > SHALLOW_ITEMS_PER_SECTION
    ):
        per = round(len(tasks) / len(top))
        out.append(
            Caveat(
                "outline_shallow",
                f"只识别出一级标题（{len(top)} 个），平均每个标题下有 {per} 条任务。"
                "如果原文还有“（一）”“1.”等下级标题，它们没有被识别出来，请核对分节是否正确。",
                f"Only one level of headings was recognised ({len(top)}), with {per} task items under "
                "each on average. If the text has lower headings such as （一） or 1., they were not "
                "recognised; check the sections.",
                sections=tuple(s.id for s in top),
            )
        )
    zh, en, where = _irregular(doc.sections, _Labels(doc.sections))
    if zh:
        out.append(
            Caveat(
                "outline_irregular",
                "标题编号不规则："
                + "；".join(zh[:_EXAMPLES])
                + ("等" if len(zh) > _EXAMPLES else "")
                + "。可能漏识别或多识别了标题，也可能文件不完整，请核对分节。",
                "The headings' numbers are irregular: "
                + "; ".join(en[:_EXAMPLES])
                + ("; …" if len(en) > _EXAMPLES else "")
                + ". A heading may have been missed or taken wrongly, or the file is incomplete; "
                "check the sections.",
                sections=tuple(dict.fromkeys(where)),
            )
        )
    return out


def _irregular(sections: Sequence[Section], _label: _Labels) -> tuple[list[str], list[str], list[str]]:
    """Numbers that skip or repeat among siblings, and parents the text does not have."""
    zh: list[str] = []
    en: list[str] = []
    where: list[str] = []
    siblings: dict[str | None, list[Section]] = {}
    for s in sections:
        if s.inferred:
            zh.append(f"文本从中间开始，缺少上级标题“{s.number}”")
            en.append(f"the text starts mid-document, without its heading {s.number}")
            where.append(s.id)
            continue
        if "-" in s.id.rsplit(".", 1)[-1]:
            zh.append(f"{_label(s)}出现了两次")
            en.append(f"{_label(s)} occurs twice")
            where.append(s.id)
            continue
        siblings.setdefault(s.parent, []).append(s)
    starts_inside = any(s.inferred for s in sections)
    for group in siblings.values():
        previous: Section | None = None
        for s in group:
            n = ordinal(s.number) if s.number else None
            if n is None:
                continue
            if previous is not None and previous.number:
                m = ordinal(previous.number)
                if m is not None and n > m + 1:
                    zh.append(f"{_label(previous)}之后是{_label(s)}")
                    en.append(f"{_label(previous)} is followed by {_label(s)}")
                    where.append(s.id)
            elif previous is None and n > 1 and s.parent is None and not starts_inside:
                zh.append(f"第一个标题是{_label(s)}")
                en.append(f"the first heading is {_label(s)}")
                where.append(s.id)
            previous = s
    return zh, en, where


# -- items outside sections ----------------------------------------------------------------------------


def _outside(doc: Document) -> list[Caveat]:
    if not doc.sections:
        return []
    tasks = [i for i in doc.items if i.kind in TASK_KINDS]
    loose = [i.id for i in tasks if i.section is None]
    if len(loose) < OUTSIDE_MIN or len(loose) < OUTSIDE_SHARE * len(tasks):
        return []
    shown = "、".join(loose[:_EXAMPLES]) + ("等" if len(loose) > _EXAMPLES else "")
    return [
        Caveat(
            "items_outside_sections",
            f"有 {len(loose)} 条任务不在任何章节之下（编号 {shown}）。它们可能属于一个没有识别出来的标题，"
            "也可能是开头的说明文字而不是任务，请核对。",
            f"{len(loose)} task items are outside any section ({', '.join(loose[:_EXAMPLES])}"
            f"{', …' if len(loose) > _EXAMPLES else ''}). They may belong to a heading that was not "
            "recognised, or be an introduction rather than tasks; check them.",
            items=tuple(loose),
        )
    ]


# -- a report's review -----------------------------------------------------------------------------------


def _review(doc: Document) -> list[Caveat]:
    if not doc.title or not _REPORT.search(doc.title) or any(i.kind == "review" for i in doc.items):
        return []
    return [
        Caveat(
            "review_not_found",
            "这是一份工作报告，但没有找到回顾过去工作的部分。如果报告中有回顾，其中的语句被当作任务读出，"
            "导入前请把它们排除。",
            "This is a work report, but no part reviewing past work was found. If it has one, its "
            "sentences were read as tasks: exclude them before importing.",
        )
    ]


# -- years ---------------------------------------------------------------------------------------------


_RELATIVE_YEAR = re.compile(r"今年|明年|后年|年内|年底前|本年度|上半年|下半年|全年")


def _year(doc: Document) -> list[Caveat]:
    """今年 and 明年 with no year to count from: the office knows the year and can give it."""
    if doc.year is not None:
        return []
    by_id = {i.id: i for i in doc.items}

    def relative(item_id: str) -> bool:  # the item, or a heading above it, says 今年 or 明年
        item = by_id.get(item_id)
        if item is None:
            return False
        headings = (s.title or "" for s in doc.section_path(item.section))
        return any(_RELATIVE_YEAR.search(t) for t in (item.text, *headings))

    items = tuple(dict.fromkeys(t.item for t in doc.targets if t.year is None and relative(t.item)))
    if not items:
        return []
    return [
        Caveat(
            "year_missing",
            f"没有找到文件的年份（如成文日期），{len(items)} 条任务中“今年”“明年”等的目标因此没有年份。"
            "导入时请填写文件年份。",
            f"The document's year (such as its date) was not found, so the targets of {len(items)} items "
            "that say 今年 or 明年 have no year. Give the document's year when importing.",
            items=items,
        )
    ]


# -- tables --------------------------------------------------------------------------------------------


def _tables(doc: Document, tables: Sequence[tuple[str | None, ReadTable]]) -> list[Caveat]:
    out: list[Caveat] = []
    for section, table in tables:
        if table.kind != "other":
            continue
        where = _where(doc, section)
        rows = len(table.rows)
        if table.readable:
            zh = f"{where[0]}有一张表格（{rows} 行）既不是指标表也不是任务分工表，已按行列为条目，每格前注明表头，请核对。"
            en = (
                f"A table {where[1]} ({rows} rows) is neither a table of indicators nor of tasks; its rows "
                "are listed as items, each cell after its header. Check them."
            )
        else:
            zh = f"{where[0]}有一张表格（{rows} 行）没有可识别的表头，已按行列为条目，请核对。"
            en = f"A table {where[1]} ({rows} rows) has no header that could be recognised; its rows are listed as items. Check them."
        out.append(Caveat("table_unread", zh, en, sections=(section,) if section else ()))
    return out


def _where(doc: Document, section: str | None) -> tuple[str, str]:
    if section is None:
        return "开头部分", "at the beginning"
    s = next((s for s in doc.sections if s.id == section), None)
    if s is None:
        return "", ""
    heading = _Labels(doc.sections).heading(s)
    return f"{heading}下", f"under {heading}"
