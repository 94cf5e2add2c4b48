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

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.document import Document, Item, extract_text, read_source, require_structure

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
    text_digest,
)

SIMILAR_SAME_KEY = 0.5
SIMILAR_ANY = 0.75


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

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def counts(self) -> dict[str, int]:
        out = {"added": 0, "changed": 0, "removed": 0, "unchanged": 0}
        for c in self.changes:
            out[c.kind] += 1
        return out

    @property
    def has_changes(self) -> bool:
        return not self.identical and any(c.kind != "unchanged" for c in self.changes)


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
    return plan_import(revision.text, doc, revision.decision)


def find_decision(doc: Document, digest: str) -> Decision | None:
    """The decision a text belongs to: one with the same text, else one with the same title."""
    same = Decision.objects.filter(digest=digest).order_by("id").first()
    if same is not None:
        return same
    if doc.title:
        return Decision.objects.filter(title=doc.title).order_by("-id").first()
    return None


def plan_import(
    text: str, doc: Document, decision: Decision | None = None, *, match: bool = True
) -> ImportPlan:
    digest = text_digest(text)
    if decision is None and match:
        decision = find_decision(doc, digest)
    plan = ImportPlan(document=doc, text=text, digest=digest, decision=decision)
    if decision is None:
        plan.changes = [Change("added", i.id, new_text=i.text, item=i) for i in doc.items]
        return plan
    if decision.digest == digest:
        plan.identical = True
        return plan
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
    return plan


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
        for change in plan.changes:
            if change.kind == "added":
                assert change.item is not None
                task = Task.objects.create(
                    decision=decision,
                    section=sections.get(change.item.section or ""),
                    key=change.item.id,
                    source_key=change.item.id,
                    source_text=change.item.text,
                    text=change.item.text,
                    kind=change.item.kind,
                    tags=list(change.item.tags),
                    order=order[change.item.id],
                    origin=TaskOrigin.IMPORTED,
                )
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
                task.kind = item.kind
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
        revision.summary = {**revision.summary, **plan.counts}
        revision.save()
    return decision


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
