"""The ledger's side of 对标对表: a plan read again, aligned with its decision's text using the office's
corrections (this plan's and those learned on others) and synonyms; a correction kept; a confirmed
alignment turned into sub-tasks of the plan's unit under the decision's tasks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.document import Document, extract_text, read_source, require_structure
from luoshi.ledger.models import Decision, Task, TaskState, Unit

from . import matching
from .models import Correction, Plan, SubtaskLink, Synonym


def decision_document(decision: Decision) -> Document:
    """The decision as the ledger last imported it: its latest applied revision, read again."""
    revision = decision.revisions.exclude(applied_at=None).order_by("-number", "-id").first()
    if revision is None:
        raise ValidationError(_("该决定没有导入的文本，无法对标。"))
    meta = revision.summary or {}
    return extract_text(
        revision.text,
        name=revision.source_name,
        year=revision.year or decision.year,
        title_hint=meta.get("title_hint"),
        wrapped=meta.get("wrapped"),
        format=meta.get("format") or "txt",
    )


def plan_document(plan: Plan) -> Document:
    meta = plan.meta or {}
    return extract_text(
        plan.text,
        name=plan.source_name,
        year=plan.year,
        title_hint=meta.get("title_hint"),
        wrapped=meta.get("wrapped"),
        format=meta.get("format") or "txt",
    )


def upload_plan(
    data: bytes, *, name: str, decision: Decision, unit: Unit, by: Any, year: int | None = None
) -> Plan:
    """Read an uploaded plan (refused as `luoshi extract` refuses it: DocumentError) and keep it; the
    same text for the same decision and unit is the plan already kept, with its corrections."""
    src = read_source(data, name=name)
    doc = require_structure(
        extract_text(
            src.text,
            name=src.name,
            year=year,
            title_hint=src.title_hint,
            wrapped=src.wrapped,
            format=src.format,
        )
    )
    digest = hashlib.sha256(src.text.encode("utf-8")).hexdigest()
    plan, _created = Plan.objects.get_or_create(
        decision=decision,
        unit=unit,
        digest=digest,
        defaults={
            "title": (doc.title or "")[:300],
            "source_name": Path(name).name[:300],
            "text": src.text,
            "year": year,
            "meta": {"title_hint": src.title_hint, "wrapped": src.wrapped, "format": src.format},
            "uploaded_by": by if getattr(by, "pk", None) else None,
        },
    )
    return plan


@dataclass(frozen=True)
class Aligned:
    plan: Plan
    parent: Document
    child: Document
    result: matching.Alignment


def align_plan(plan: Plan) -> Aligned:
    """The plan aligned with its decision: this plan's corrections by id, every other plan's as
    learned links by text, every synonym."""
    parent, child = decision_document(plan.decision), plan_document(plan)
    own = [
        matching.Correction(c.parent_key, c.child_key or None, c.parent_text, c.child_text)
        for c in plan.corrections.all()
    ]
    learned = [
        matching.Correction("", c.child_key or None, c.parent_text, c.child_text)
        for c in Correction.objects.exclude(plan=plan).exclude(child_key="").order_by("made_at")
    ]
    synonyms = dict(Synonym.objects.values_list("word", "means"))
    result = matching.align(parent, child, corrections=[*learned, *own], synonyms=synonyms)
    return Aligned(plan, parent, child, result)


def correct(plan: Plan, parent_key: str, child_key: str | None, *, by: Any) -> Correction:
    """Keep the office's word on one parent item: taken up by the plan's item ``child_key``, or by
    nothing. Unknown ids are refused."""
    parent, child = decision_document(plan.decision), plan_document(plan)
    try:
        parent_item = parent.item(parent_key)
    except KeyError:
        raise ValidationError(_("上级文件中没有编号为 %(key)s 的条目。") % {"key": parent_key}) from None
    child_text = ""
    if child_key:
        try:
            child_text = child.item(child_key).text
        except KeyError:
            raise ValidationError(_("下级文件中没有编号为 %(key)s 的条目。") % {"key": child_key}) from None
    correction, _created = Correction.objects.update_or_create(
        plan=plan,
        parent_key=parent_key,
        defaults={
            "parent_text": parent_item.text,
            "child_key": child_key or "",
            "child_text": child_text,
            "made_at": timezone.now(),
            "made_by": by if getattr(by, "pk", None) else None,
        },
    )
    return correction


def add_synonym(word: str, means: str, *, by: Any) -> Synonym:
    word, means = word.strip(), means.strip()
    if not word or not means or word == means:
        raise ValidationError(_("请填写两个不同的说法。"))
    synonym, _created = Synonym.objects.update_or_create(
        word=word, defaults={"means": means, "made_by": by if getattr(by, "pk", None) else None}
    )
    return synonym


@dataclass(frozen=True)
class Cascaded:
    made: int  # sub-tasks made now
    kept: int  # sub-tasks a previous confirmation made
    withdrawn: int  # sub-tasks of links a correction has since undone
    skipped: list[str]  # parent items with no active top-level task in the ledger


def confirm(plan: Plan, *, by: Any) -> Cascaded:
    """Confirm the plan's alignment: every parent item the plan takes up (covered or weakened)
    gets, under its task, a sub-task of the plan's unit with the plan's words. Confirming again
    makes only what is new, and withdraws the sub-tasks of links a correction has since undone."""
    aligned = align_plan(plan)
    tasks = {
        t.source_key: t
        for t in Task.objects.filter(decision=plan.decision, parent=None, state=TaskState.ACTIVE).exclude(
            source_key=""
        )
    }
    made = kept = withdrawn = 0
    skipped: list[str] = []
    wanted: set[tuple[int, str]] = set()
    child_items = {i.id: i for i in aligned.child.items}
    with transaction.atomic():
        links = SubtaskLink.of(plan)
        for row in aligned.result.items:
            if row.child is None or row.parent is None:
                continue
            task = tasks.get(row.parent)
            if task is None:
                skipped.append(row.parent)
                continue
            for key in (row.child, *row.also):
                wanted.add((task.pk, key))
                if (task.pk, key) in links:
                    kept += 1
                    continue
                (sub,) = task.cascade([(plan.unit, child_items[key].text)], by=by)
                links[(task.pk, key)] = SubtaskLink.objects.create(
                    plan=plan, task=task, child_key=key, subtask=sub
                )
                made += 1
        for pair, link in list(links.items()):
            if pair in wanted:
                continue
            sub = link.subtask
            if sub.state == TaskState.ACTIVE:
                # the parent's roll-up is computed where it is shown (luoshi.figures.tasks.roll_up)
                sub.withdraw(_("对标对表更正后，下级方案不再承接该任务。"), by=by)
                withdrawn += 1
            link.delete()
        plan.confirmed_at = timezone.now()
        plan.confirmed_by = by if getattr(by, "pk", None) else None
        plan.save(update_fields=["confirmed_at", "confirmed_by"])
    return Cascaded(made, kept, withdrawn, skipped)
