"""Small helpers for the extraction tests."""

from __future__ import annotations

from luoshi.document import Document, Target, extract


def targets(text: str, **kwargs: object) -> list[Target]:
    return extract(text, **kwargs).targets  # type: ignore[arg-type]


def one(text: str, **kwargs: object) -> Target:
    found = targets(text, **kwargs)
    assert len(found) == 1, [(t.kind, t.indicator, t.value, t.unit) for t in found]
    return found[0]


def brief(t: Target) -> tuple[object, ...]:
    """What a target says, without ids and text: kind, indicator, comparator, value, unit, year."""
    if t.kind == "relational":
        return (t.kind, t.indicator, t.comparator, t.reference, t.year)
    if t.kind == "milestone":
        return (t.kind, t.indicator, t.year)
    return (t.kind, t.indicator, t.comparator, t.value, t.unit, t.year)


def signature(doc: Document) -> tuple[object, ...]:
    """What must not change when the same text is laid out differently."""
    by_id = {s.id: s for s in doc.sections}
    sections = [
        (s.level, by_id[s.parent].number if s.parent else None, s.number, s.title) for s in doc.sections
    ]
    found = [brief(t) for t in doc.targets]
    text = "".join("".join(i.text.split()) for i in doc.items)
    return doc.title, sections, found, text
