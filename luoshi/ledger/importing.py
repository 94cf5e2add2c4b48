"""Import a decision into the ledger: one task per extracted item, with its targets and places.

Importing is two steps, so that the office sees what a revised text changes before it is applied:
:func:`plan_import` compares the extraction with what the ledger holds, :func:`apply_import` writes
it in one transaction. The same text imported again changes nothing.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from luoshi.document import TASK_KINDS, Document, Item, extract_text, read_source, require_structure

from .models import (
    Decision,
    Revision,
    Section,
    Target,
    Task,
    TaskOrigin,
    TaskPlace,
    TaskState,
    acting_as,
    record,
    text_digest,
)

SIMILAR_SAME_KEY = 0.5
SIMILAR_ANY = 0.75


class ItemKind(models.TextChoices):
    """What an extracted item is, in the office's words (luoshi.document's kinds). The first four
    are tasks; a review (what was done) and a preamble are kept out of an import unless the office
    pulls them in."""

    TARGET = "target", gettext_lazy("目标")
    MEASURE = "measure", gettext_lazy("举措")
    PROGRAMME = "programme", gettext_lazy("项目")
    PRINCIPLE = "principle", gettext_lazy("原则")
    REVIEW = "review", gettext_lazy("回顾")
    PREAMBLE = "preamble", gettext_lazy("导语")


def kind_label(kind: str) -> str:
    return str(ItemKind(kind).label) if kind in ItemKind.values else kind


@dataclass
class Choices:
    """What the office chose in the preview: the items left out of the import, and kinds it changed.
    By default every item that is not a task (a review, a preamble) is left out."""

    excluded: set[str] = field(default_factory=set)
    kinds: dict[str, str] = field(default_factory=dict)  # item id → the kind the office gave it

    @classmethod
    def default(cls, doc: Document) -> Choices:
        return cls(excluded={i.id for i in doc.items if i.kind not in TASK_KINDS})

    def kind_of(self, item: Item) -> str:
        return self.kinds.get(item.id, item.kind)

    def to_dict(self) -> dict[str, Any]:
        return {"excluded": sorted(self.excluded, key=_key_order), "kinds": dict(sorted(self.kinds.items()))}


def _key_order(key: str) -> list[int]:
    return [int(p) if p.isdigit() else 0 for p in key.replace("-", ".").split(".")]


def _norm(text: str) -> str:
    return "".join(text.split())


@dataclass
class Change:
    kind: str  # added | changed | removed | unchanged
    key: str
    old_text: str = ""
    new_text: str = ""
    task: Task | None = None
    item: Item | None = None
    excluded: bool = False  # an item the office leaves out (only new ones can be)

    @property
    def diff(self) -> list[tuple[str, str]]:
        """The change as (op, text) runs: ``=`` kept, ``-`` removed, ``+`` added."""
        runs: list[tuple[str, str]] = []
        sm = difflib.SequenceMatcher(None, self.old_text, self.new_text, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                runs.append(("=", self.old_text[i1:i2]))
            else:
                if i2 > i1:
                    runs.append(("-", self.old_text[i1:i2]))
                if j2 > j1:
                    runs.append(("+", self.new_text[j1:j2]))
        return runs


@dataclass
class ImportPlan:
    document: Document
    text: str
    digest: str
    decision: Decision | None = None
    identical: bool = False
    changes: list[Change] = field(default_factory=list)
    choices: Choices = field(default_factory=Choices)

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind and not c.excluded]

    @property
    def counts(self) -> dict[str, int]:
        out = {"added": 0, "changed": 0, "removed": 0, "unchanged": 0, "excluded": 0}
        for c in self.changes:
            out["excluded" if c.excluded else c.kind] += 1
        return out

    @property
    def choosable(self) -> list[Change]:
        """The changes the office may leave out or retype: the items that would become new tasks."""
        return [c for c in self.changes if c.kind == "added" and c.item is not None]

    def choose(self, choices: Choices) -> None:
        """Apply the office's choices: which new items are left out, which kinds are changed."""
        ids = {c.item.id for c in self.choosable if c.item is not None}
        self.choices = Choices(
            excluded=choices.excluded & ids,
            kinds={k: v for k, v in choices.kinds.items() if v in ItemKind.values},
        )
        for c in self.changes:
            c.excluded = c.kind == "added" and c.item is not None and c.item.id in self.choices.excluded

    @property
    def has_changes(self) -> bool:
        return not self.identical and any(c.kind != "unchanged" for c in self.changes)


@dataclass
class PreviewRow:
    """One line of the import preview: a change, and for a new item what the office may choose."""

    change: Change
    heading: str  # the section's heading, on the first row of a section ("" otherwise)
    targets: int
    kind: str  # the item's kind, as the office has it so far

    @property
    def item(self) -> Item | None:
        return self.change.item

    @property
    def choosable(self) -> bool:
        return self.change.kind == "added" and self.change.item is not None

    @property
    def included(self) -> bool:
        return not self.change.excluded


def preview_rows(plan: ImportPlan) -> list[PreviewRow]:
    """The preview's rows: every item of a new decision; the changes of a revision."""
    if plan.identical:
        return []
    doc = plan.document
    sections = {s.id: s for s in doc.sections}
    targets: dict[str, int] = {}
    for t in doc.targets:
        targets[t.item] = targets.get(t.item, 0) + 1
    rows: list[PreviewRow] = []
    current: str | None = "-"
    for change in plan.changes:
        if plan.decision is not None and change.kind == "unchanged":
            continue
        section = change.item.section if change.item is not None else None
        heading = ""
        if plan.decision is None and section != current:
            current = section
            heading = _heading(sections, section) if section else str(_("未归入章节的条目"))
        item = change.item
        kind = plan.choices.kind_of(item) if item is not None else ""
        rows.append(PreviewRow(change, heading, targets.get(change.key, 0) if item else 0, kind))
    return rows


def _heading(sections: dict[str, Any], section_id: str) -> str:
    """一、总体要求 › （一）指导思想: the section under its parents, as the document numbers them."""
    path = []
    while section_id in sections:
        s = sections[section_id]
        number = s.number or ""
        if not number:
            label = s.title or ""
        elif number.isdigit():
            label = f"{number}. {s.title or ''}"
        elif s.level == 1 or (s.parent and not sections[s.parent].number):
            label = f"{number}、{s.title or ''}"
        else:
            label = f"（{number}）{s.title or ''}"
        path.append(label.strip())
        section_id = s.parent
    return " › ".join(reversed(path))


def warnings_for(doc: Document, language: str) -> list[dict[str, Any]]:
    """The extraction's warnings as the preview shows them: the sentence in the user's language and
    the first item it is about (to jump to)."""
    return [
        {"code": w.code, "text": w.message(language), "item": (w.items or [None])[0]} for w in doc.warnings
    ]


def read(
    source: str | os.PathLike[str] | bytes | IO[bytes], *, name: str | None = None, year: int | None = None
) -> tuple[str, Document]:
    """The text of a decision file and its extraction (raises luoshi.document.DocumentError)."""
    src = read_source(source, name=name)
    doc = extract_text(
        src.text, name=src.name, year=year, title_hint=src.title_hint, wrapped=src.wrapped, format=src.format
    )
    return src.text, require_structure(doc)  # refused as `luoshi extract` refuses it


def stage(
    source: bytes, *, name: str, by: Any, decision: Decision | None = None, year: int | None = None
) -> Revision:
    """Read an uploaded decision and keep its text as a pending revision, to preview before applying."""
    src = read_source(source, name=name)
    require_structure(  # refused at upload, as `luoshi extract` and `luoshi import` refuse it
        extract_text(
            src.text, name=src.name, title_hint=src.title_hint, wrapped=src.wrapped, format=src.format
        )
    )
    return Revision.objects.create(
        decision=decision,
        source_name=Path(name).name[:300],
        text=src.text,
        digest=text_digest(src.text),
        year=year,
        uploaded_by=by,
        summary={
            "title_hint": src.title_hint,
            "wrapped": src.wrapped,
            "format": src.format,
            "chosen": decision is not None,
        },
    )


def plan_revision(revision: Revision) -> ImportPlan:
    """The plan for a pending revision: its text extracted again and compared with the ledger."""
    meta = revision.summary or {}
    doc = extract_text(
        revision.text,
        name=revision.source_name,
        year=revision.year,
        title_hint=meta.get("title_hint"),
        wrapped=meta.get("wrapped"),
        format=meta.get("format") or "txt",
    )
    return plan_import(revision.text, doc, revision.decision, choices=None)


def find_decision(doc: Document, digest: str) -> Decision | None:
    """The decision a text belongs to: one with the same text, else one with the same title."""
    same = Decision.objects.filter(digest=digest).order_by("id").first()
    if same is not None:
        return same
    if doc.title:
        return Decision.objects.filter(title=doc.title).order_by("-id").first()
    return None


def plan_import(
    text: str,
    doc: Document,
    decision: Decision | None = None,
    *,
    match: bool = True,
    choices: Choices | None = None,
) -> ImportPlan:
    """Compare the extraction with the ledger. ``choices`` (default: leave out what is not a task)
    says which new items are left out and which kinds the office changed."""
    digest = text_digest(text)
    if decision is None and match:
        decision = find_decision(doc, digest)
    plan = ImportPlan(document=doc, text=text, digest=digest, decision=decision)
    _compare(plan, doc, decision, digest)
    plan.choose(choices if choices is not None else Choices.default(doc))
    return plan


def _compare(plan: ImportPlan, doc: Document, decision: Decision | None, digest: str) -> None:
    if decision is None:
        plan.changes = [Change("added", i.id, new_text=i.text, item=i) for i in doc.items]
        return
    if decision.digest == digest:
        plan.identical = True
        return
    existing = list(decision.tasks.filter(origin=TaskOrigin.IMPORTED, parent=None).order_by("order", "id"))
    by_text: dict[str, list[Task]] = {}
    for t in existing:
        by_text.setdefault(_norm(t.source_text), []).append(t)
    matched: set[int] = set()
    pending: list[Item] = []
    for item in doc.items:
        candidates = [t for t in by_text.get(_norm(item.text), []) if t.pk not in matched]
        if candidates:
            task = candidates[0]
            matched.add(task.pk)
            plan.changes.append(Change("unchanged", item.id, task.source_text, item.text, task, item))
        else:
            pending.append(item)
    for item in pending:
        best, best_ratio = None, 0.0
        for t in existing:
            if t.pk in matched:
                continue
            ratio = difflib.SequenceMatcher(
                None, _norm(t.source_text), _norm(item.text), autojunk=False
            ).ratio()
            threshold = SIMILAR_SAME_KEY if t.source_key == item.id else SIMILAR_ANY
            if ratio >= threshold and ratio > best_ratio:
                best, best_ratio = t, ratio
        if best is not None:
            matched.add(best.pk)
            plan.changes.append(Change("changed", item.id, best.source_text, item.text, best, item))
        else:
            plan.changes.append(Change("added", item.id, new_text=item.text, item=item))
    for t in existing:
        if t.pk not in matched:
            plan.changes.append(Change("removed", t.source_key or t.key, t.source_text, "", t))


@transaction.atomic
def apply_import(
    plan: ImportPlan,
    *,
    by: Any = None,
    source_name: str = "",
    is_sample: bool = False,
    is_demo: bool = False,
    reporting_period: str | None = None,
    revision: Revision | None = None,
) -> Decision:
    """Write the plan: a new decision, or a revision of an existing one. Does nothing when identical."""
    doc = plan.document
    with acting_as(by, "web" if by is not None else "cli"):
        if plan.identical and plan.decision is not None:
            return plan.decision
        decision = plan.decision
        if decision is None:
            decision = Decision.objects.create(
                title=(doc.title or Path(source_name or doc.source or "").stem or _("未命名决定"))[:300],
                year=doc.year,
                source_name=source_name or doc.source or "",
                digest=plan.digest,
                is_sample=is_sample,
                is_demo=is_demo,
                created_by=by,
                **({"reporting_period": reporting_period} if reporting_period else {}),
            )
        else:
            decision.digest = plan.digest
            decision.source_name = source_name or decision.source_name
            decision.year = doc.year or decision.year
            decision.audit_as("revise", _("导入修订稿"))
            decision.save()
        sections = _sync_sections(decision, doc)
        order = {item.id: n for n, item in enumerate(doc.items)}
        places = _places_by_item(doc)
        choices = plan.choices
        _record_choices(decision, plan)
        for change in plan.changes:
            if change.excluded:
                continue
            if change.kind == "added":
                assert change.item is not None
                task = Task(
                    decision=decision,
                    section=sections.get(change.item.section or ""),
                    key=change.item.id,
                    source_key=change.item.id,
                    source_text=change.item.text,
                    text=change.item.text,
                    kind=choices.kind_of(change.item),
                    tags=list(change.item.tags),
                    order=order[change.item.id],
                    origin=TaskOrigin.IMPORTED,
                )
                task.audit_as("create", _chosen_note(change.item, choices))
                task.save()
                _sync_targets(task, doc)
                _sync_places(task, places.get(change.item.id, []))
            elif change.kind in {"changed", "unchanged"}:
                assert change.task is not None
                assert change.item is not None
                task = Task.objects.get(pk=change.task.pk)
                item = change.item
                reworded = _norm(task.text) != _norm(task.source_text)
                task.key, task.source_key = item.id, item.id
                task.section = sections.get(item.section or "")
                task.order = order[item.id]
                task.kind = choices.kinds.get(item.id) or task.kind or item.kind  # the office's kind stays
                if change.kind == "changed":
                    if not reworded:
                        task.text = item.text
                    task.source_text = item.text
                    task.audit_as(
                        "revise",
                        _("修订稿修改了此条") + ("" if not reworded else _("（保留了督查室改写的表述）")),
                    )
                task.save()
                _sync_targets(task, doc)
                _sync_places(task, places.get(item.id, []))
            elif change.kind == "removed":
                assert change.task is not None
                task = Task.objects.get(pk=change.task.pk)
                if task.state == TaskState.ACTIVE:
                    task.state = TaskState.WITHDRAWN
                    task.state_note = _("修订稿中已删除此条")
                    task.audit_as("revise", task.state_note)
                    task.save()
        number = decision.revisions.exclude(applied_at=None).count() + 1
        revision = revision or Revision(text=plan.text, uploaded_by=by)
        revision.decision = decision
        revision.number = number
        revision.source_name = source_name or revision.source_name or doc.source or ""
        revision.digest = plan.digest
        revision.year = doc.year
        revision.applied_at = timezone.now()
        revision.summary = {**revision.summary, **plan.counts, "choices": choices.to_dict()}
        revision.save()
    return decision


def _chosen_note(item: Item, choices: Choices) -> str:
    """What the office chose for a new task, for its first audit entry ("" when nothing)."""
    kind = choices.kind_of(item)
    if kind != item.kind:
        return _("导入时督查室将类型由“%(old)s”改为“%(new)s”。") % {
            "old": kind_label(item.kind),
            "new": kind_label(kind),
        }
    if item.kind not in TASK_KINDS:
        return _("识别为“%(kind)s”，导入时由督查室纳入。") % {"kind": kind_label(item.kind)}
    return ""


def _record_choices(decision: Decision, plan: ImportPlan) -> None:
    """One audit entry on the decision for what the office chose in the preview: the items it left
    out and those it pulled in or retyped, against what the extraction proposed."""
    doc, choices = plan.document, plan.choices
    proposed = Choices.default(doc)
    new_ids = {c.item.id for c in plan.choosable if c.item is not None}
    left_out = sorted(choices.excluded, key=_key_order)
    pulled_in = sorted((proposed.excluded & new_ids) - choices.excluded, key=_key_order)
    retyped = {k: v for k, v in choices.kinds.items() if k in new_ids and k not in choices.excluded}
    if not (left_out or pulled_in or retyped):
        return
    by_id = {i.id: i for i in doc.items}
    parts: list[str] = []
    if left_out:
        kinds: dict[str, int] = {}
        for key in left_out:
            label = kind_label(by_id[key].kind) if key in by_id else "?"
            kinds[label] = kinds.get(label, 0) + 1
        parts.append(
            _("未导入 %(n)s 条（%(kinds)s）：%(keys)s")
            % {
                "n": len(left_out),
                "kinds": _("，").join(_("%(kind)s %(n)s 条") % {"kind": k, "n": n} for k, n in kinds.items()),
                "keys": _keys(left_out),
            }
        )
    if pulled_in:
        parts.append(
            _("纳入 %(n)s 条本不导入的条目：%(keys)s") % {"n": len(pulled_in), "keys": _keys(pulled_in)}
        )
    if retyped:
        parts.append(
            _("改变类型 %(n)s 条：%(changes)s")
            % {
                "n": len(retyped),
                "changes": _("，").join(
                    f"{k} {kind_label(by_id[k].kind)}→{kind_label(v)}"
                    for k, v in retyped.items()
                    if k in by_id
                ),
            }
        )
    record(
        "import_choices",
        decision,
        before={"excluded": sorted(proposed.excluded & new_ids, key=_key_order)},
        after={"excluded": left_out, "kinds": retyped},
        note=_("；").join(parts) + _("。"),
    )


def _keys(keys: list[str], limit: int = 30) -> str:
    shown = _("、").join(keys[:limit])
    return shown + (_("等") if len(keys) > limit else "")


def _sync_sections(decision: Decision, doc: Document) -> dict[str, Section]:
    existing = {s.key: s for s in decision.sections.all()}
    out: dict[str, Section] = {}
    for n, s in enumerate(doc.sections):
        fields = {
            "level": s.level,
            "number": s.number or "",
            "title": (s.title or "")[:300],
            "parent": out.get(s.parent or ""),
            "order": n,
            "inferred": s.inferred,
        }
        section = existing.get(s.id)
        if section is None:
            section = Section.objects.create(decision=decision, key=s.id, **fields)
        elif any(getattr(section, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(section, k, v)
            section.save()
        out[s.id] = section
    return out


def _sync_targets(task: Task, doc: Document) -> None:
    new = [t for t in doc.targets if t.item == task.source_key]
    old = list(Target.objects.filter(task=task, withdrawn=False))
    used: set[int] = set()
    for t in new:
        fields = {
            "key": t.id,
            "kind": t.kind,
            "indicator": t.indicator[:200],
            "scope": (t.scope or "")[:60],
            "comparator": t.comparator or "",
            "value": t.value,
            "value_max": t.value_max,
            "unit": (t.unit or "")[:30],
            "year": t.year,
            "start_year": t.start_year,
            "reference": (t.reference or "")[:200],
            "text": t.text,
        }
        match = next(
            (
                o
                for o in old
                if o.pk not in used and (o.indicator, o.year, o.kind) == (fields["indicator"], t.year, t.kind)
            ),
            None,
        )
        if match is None:
            Target.objects.create(decision=task.decision, task=task, **fields)
            continue
        used.add(match.pk)
        if any(getattr(match, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(match, k, v)
            match.save()
    for o in old:
        if o.pk not in used:
            o.withdrawn = True
            o.save()
    task.refresh_has_targets()


def _places_by_item(doc: Document) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for p in doc.places:
        for item_id in p.mentions:
            out.setdefault(item_id, []).append(p)
    return out


def _sync_places(task: Task, places: list[Any]) -> None:
    have = set(task.places.values_list("code", flat=True))
    for p in places:
        if p.code and p.code not in have:
            TaskPlace.objects.create(task=task, code=p.code, name=p.name, level=p.level)
            have.add(p.code)


def import_decision(
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    name: str | None = None,
    year: int | None = None,
    by: Any = None,
    decision: Decision | None = None,
    is_sample: bool = False,
    is_demo: bool = False,
) -> tuple[Decision, ImportPlan]:
    """Read, plan and apply in one go (the CLI and the demo)."""
    text, doc = read(source, name=name, year=year)
    plan = plan_import(text, doc, decision)
    result = apply_import(
        plan, by=by, source_name=Path(name or doc.source or "").name, is_sample=is_sample, is_demo=is_demo
    )
    return result, plan
