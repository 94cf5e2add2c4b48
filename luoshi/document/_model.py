"""What an extraction returns: plain, immutable records and the Document that holds them.

The JSON produced by :meth:`Document.to_json` is a contract (``schema_version`` 1, see
docs/extraction-json.md); fields are only ever added, never renamed or removed, within a version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import IO, Any, Literal

SCHEMA_VERSION = 1

# review: a sentence of a retrospective part (回顾, 五年来 …), which reports what was done;
# preamble: the opening that is not a task (现就…作出如下决定, 我代表…向大会报告工作)
ItemKind = Literal["principle", "measure", "target", "programme", "review", "preamble"]
TASK_KINDS: frozenset[str] = frozenset({"principle", "measure", "target", "programme"})
TargetKind = Literal["numeric", "relational", "milestone"]
Comparator = Literal[">=", ">", "≈", "<=", "<", "="]
PlaceLevel = Literal["province", "prefecture", "county"]


@dataclass(frozen=True, slots=True)
class Section:
    """A heading of the outline. ``id`` is the path of arabic numbers (``"4.1"`` for 四、（一）)."""

    id: str
    level: int
    number: str | None
    title: str | None
    parent: str | None
    inferred: bool = False  # a parent whose heading is not in the text (the text starts mid-document)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "level": self.level,
            "number": self.number,
            "title": self.title,
            "parent": self.parent,
        }
        if self.inferred:
            out["inferred"] = True
        return out


@dataclass(frozen=True, slots=True)
class Item:
    """One task sentence. ``id`` is its section's id plus its ordinal in that section."""

    id: str
    section: str | None
    text: str
    kind: ItemKind
    tags: tuple[str, ...] = ()  # programmes and slogans named in quotation marks

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "section": self.section,
            "text": self.text,
            "kind": self.kind,
            "tags": list(self.tags),
        }


@dataclass(frozen=True, slots=True)
class Target:
    """A quantitative target, a relation between two indicators, or a dated milestone."""

    id: str
    item: str
    kind: TargetKind
    indicator: str
    scope: str | None
    comparator: Comparator | None
    value: float | None
    unit: str | None
    year: int | None
    reference: str | None
    text: str
    value_max: float | None = None  # upper bound of a range such as 5%—6%
    start_year: int | None = None  # first year of a plan period such as 2022—2025年

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "item": self.item,
            "kind": self.kind,
            "indicator": self.indicator,
            "scope": self.scope,
            "comparator": self.comparator,
            "value": _number(self.value),
            "unit": self.unit,
            "year": self.year,
            "reference": self.reference,
            "text": self.text,
            "value_max": _number(self.value_max),
            "start_year": self.start_year,
        }


@dataclass(frozen=True, slots=True)
class Observation:
    """A figure a retrospective part reports: a measured value with its year (全省地区生产总值
    增长5.2% in a review of 2025). Not a target: a data point the indicators app may offer."""

    indicator: str
    value: float
    unit: str | None
    year: int | None
    quote: str  # the clause that states it
    item: str  # the id of the (review) item it comes from
    scope: str | None = None  # 全省, 全国 … where the sentence says it

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "value": _number(self.value),
            "unit": self.unit,
            "year": self.year,
            "quote": self.quote,
            "item": self.item,
            "scope": self.scope,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in the text, under its official name, with the items that mention it."""

    name: str
    level: PlaceLevel
    code: str  # the 6-digit administrative division code
    mentions: tuple[str, ...]  # item ids
    via: tuple[str, ...]  # the forms seen in the text: 鄂尔多斯, 呼包鄂 …

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "level": self.level,
            "code": self.code,
            "mentions": list(self.mentions),
            "via": list(self.via),
        }


@dataclass(frozen=True, slots=True)
class Caveat:
    """Something the reading is unsure of and a person can check before relying on it: a code for
    programs, a sentence for people (Chinese and English), and where to look (item and section ids)."""

    code: str
    zh: str
    en: str
    items: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()

    def message(self, language: str = "zh-hans") -> str:
        """The sentence in ``language`` (``zh…`` gives Chinese, anything else English)."""
        return self.zh if language.lower().startswith("zh") else self.en

    def __str__(self) -> str:
        return self.zh

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.zh,
            "message_en": self.en,
            "items": list(self.items),
            "sections": list(self.sections),
        }


@dataclass(slots=True)
class Document:
    """The structured checklist read out of a decision."""

    title: str | None
    year: int | None  # the document's own year, where the text gives it
    sections: list[Section] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    source: str | None = None  # file name, or None for text given directly
    format: str = "txt"
    warnings: list[Caveat] = field(default_factory=list)  # what the reading is unsure of

    # lookups --------------------------------------------------------------------------------------
    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def item(self, item_id: str) -> Item:
        for i in self.items:
            if i.id == item_id:
                return i
        raise KeyError(item_id)

    @property
    def warning_codes(self) -> list[str]:
        return [w.code for w in self.warnings]

    def targets_of(self, item_id: str) -> list[Target]:
        return [t for t in self.targets if t.item == item_id]

    def section_path(self, section_id: str | None) -> list[Section]:
        """The section and its ancestors, outermost first."""
        by_id = {s.id: s for s in self.sections}
        path: list[Section] = []
        while section_id is not None and section_id in by_id:
            s = by_id[section_id]
            path.append(s)
            section_id = s.parent
        return path[::-1]

    # output ---------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "title": self.title,
            "year": self.year,
            "source": self.source,
            "format": self.format,
            "sections": [s.to_dict() for s in self.sections],
            "items": [i.to_dict() for i in self.items],
            "targets": [t.to_dict() for t in self.targets],
            "places": [p.to_dict() for p in self.places],
            "observations": [o.to_dict() for o in self.observations],
            "warnings": self.warning_codes,
            "warning_details": [w.to_dict() for w in self.warnings],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        from ._render import to_markdown

        return to_markdown(self)

    def to_xlsx(self, fp: str | IO[bytes]) -> None:
        """Write the 任务清单 workbook to a path or a binary file object."""
        from ._render import to_xlsx

        to_xlsx(self, fp)


def _number(v: float | None) -> float | int | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v
