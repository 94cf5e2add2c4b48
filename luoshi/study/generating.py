"""Generate a decision's 应知应会 into the ledger: read its latest applied text again with
``luoshi.document``, build the digest and the questions with the pure ``bank``, and store them.

Generating again (after a revised text, or to pick up a better reader) updates the same questions by
their key and keeps what the office did with them: a rejected question stays rejected, an edited one
keeps its wording — and is marked 原文已修改，待核对 when what the generator writes for it changed. A
question the text no longer gives is marked 原文已无此题, never deleted; it comes back in use when the
text gives it again. All of it in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.document import Document, extract_text
from luoshi.ledger.models import Decision, Revision, acting_as

from . import bank
from .models import Guide, Question, QuestionState


@dataclass
class Generated:
    guide: Guide
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    obsolete: int = 0
    to_check: int = 0  # edited by the office, changed by the text

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def latest_revision(decision: Decision) -> Revision | None:
    return decision.revisions.exclude(applied_at=None).order_by("-number", "-id").first()


def document_of(decision: Decision) -> tuple[Document, int]:
    """The extraction of the decision's latest applied text, and that revision's number."""
    revision = latest_revision(decision)
    if revision is None:
        raise ValidationError(_("该决定没有已导入的文本，无法生成应知应会。"))
    meta = revision.summary or {}
    doc = extract_text(
        revision.text,
        name=revision.source_name,
        year=revision.year,
        title_hint=meta.get("title_hint"),
        wrapped=meta.get("wrapped"),
        format=meta.get("format") or "txt",
    )
    return doc, revision.number


GENERATED = ("kind", "topic", "stem", "options", "answer", "sentence", "item", "section_label", "note")


def _fields(q: bank.Question, order: int) -> dict[str, Any]:
    return {
        "kind": q.kind,
        "topic": q.topic,
        "order": order,
        "stem": q.stem,
        "options": list(q.options),
        "answer": q.answer[:300],
        "sentence": q.sentence,
        "item": q.item[:40],
        "section_label": q.section_label[:300],
        "note": q.note,
    }


def generate(decision: Decision, *, by: Any) -> Generated:
    """Generate (or generate again) the decision's digest and question bank; the office only."""
    if not Question.can_edit(by):
        raise PermissionDenied(_("你没有权限进行此操作。"))
    doc, number = document_of(decision)
    digest, questions = bank.bank(doc)
    with transaction.atomic(), acting_as(by):
        guide = Guide.objects.select_for_update().filter(decision=decision).first()
        if guide is None:
            guide = Guide(decision=decision)
        guide.data = digest.to_dict()
        guide.revision = number
        guide.questions = len(questions)
        guide.generated_at = timezone.now()
        guide.generated_by = by if getattr(by, "pk", None) else None
        guide.audit_as("generate", by=by)
        guide.save()
        result = Generated(guide)
        existing = {q.key: q for q in Question.objects.select_for_update().filter(decision=decision)}
        seen = set()
        for n, q in enumerate(questions):
            seen.add(q.key)
            fields = _fields(q, n)
            row = existing.get(q.key)
            if row is None:
                Question.objects.create(decision=decision, key=q.key, **fields)
                result.created += 1
                continue
            changed = any(getattr(row, k) != v for k, v in fields.items() if k in GENERATED)
            back = row.state == QuestionState.OBSOLETE
            if not changed and not back and row.order == n:
                result.unchanged += 1
                continue
            for k, v in fields.items():
                setattr(row, k, v)
            if back:
                row.state = QuestionState.ACTIVE
            if changed and row.edited:
                row.text_changed = True
                result.to_check += 1
            row.audit_as("revise", _("按当前文本重新生成") if changed else "", by=by)
            row.save()
            result.updated += 1 if (changed or back) else 0
            result.unchanged += 0 if (changed or back) else 1
        for key, row in existing.items():
            if key in seen or row.state != QuestionState.ACTIVE:
                continue
            row.state = QuestionState.OBSOLETE
            row.audit_as("revise", _("当前文本已不再生成此题"), by=by)
            row.save()
            result.obsolete += 1
    return result
