"""What is searchable: a registry of sources, one per kind of record.

A source says how a record becomes an entry (title, text, the task it belongs to), which entries a
user may see (through the record's own ``visible_to`` queryset, so search can never show more than
the screens), and where a hit links to. Tasks and reports are registered here; another app adds its
own records (the supervision app's notices) by registering a source in its ``AppConfig.ready``::

    from luoshi.search import Source, register
    register(NoticeSource())

Every registered model is kept in sync on save (a post_save signal); ``luoshi reindex`` rebuilds all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .tokens import index_tokens


@dataclass(frozen=True)
class Document:
    title: str
    body: str
    task_id: int | None = None


class Source:
    """One kind of searchable record. Subclasses set ``kind``, ``label`` and ``model``."""

    kind: ClassVar[str]
    label: ClassVar[Any]
    model: ClassVar[Any]

    def document(self, obj: Any) -> Document:
        raise NotImplementedError

    def visible(self, user: Any) -> Q:
        """A condition on SearchEntry rows of this kind: the records ``user`` may read."""
        raise NotImplementedError

    def url(self, object_id: int, task_id: int | None) -> str:
        raise NotImplementedError

    def all(self) -> Iterator[Any]:
        """Every record, for a rebuild (override to add select_related)."""
        return self.model._default_manager.order_by("pk").iterator(chunk_size=2000)


class TaskSource(Source):
    kind = "task"
    label = _("任务")

    @property  # type: ignore[misc]
    def model(self) -> Any:  # type: ignore[override]
        from luoshi.ledger.models import Task

        return Task

    def document(self, obj: Any) -> Document:
        section = str(obj.section) if obj.section_id else ""
        lead = obj.lead_unit.name if obj.lead_unit_id else ""
        return Document(
            title=" ".join(p for p in (obj.key, section, lead) if p)[:300], body=obj.text, task_id=obj.pk
        )

    def visible(self, user: Any) -> Q:
        from luoshi.ledger.models import Task

        return Q(Exists(Task.objects.visible_to(user).filter(pk=OuterRef("object_id"))))

    def url(self, object_id: int, task_id: int | None) -> str:
        return reverse("ledger:task-detail", args=[object_id])

    def all(self) -> Iterator[Any]:
        return (
            self.model.objects.select_related("section", "lead_unit").order_by("pk").iterator(chunk_size=2000)
        )


class ReportSource(Source):
    kind = "report"
    label = _("进展报告")

    @property  # type: ignore[misc]
    def model(self) -> Any:  # type: ignore[override]
        from luoshi.progress.models import Report

        return Report

    def document(self, obj: Any) -> Document:
        parts = [obj.narrative, obj.problems, obj.next_steps, obj.review_comment]
        title = f"{obj.task.key} {obj.unit.name} {obj.period_label}"
        return Document(title=title[:300], body="\n".join(p for p in parts if p), task_id=obj.task_id)

    def visible(self, user: Any) -> Q:
        from luoshi.progress.models import Report

        return Q(Exists(Report.objects.visible_to(user).filter(pk=OuterRef("object_id"))))

    def url(self, object_id: int, task_id: int | None) -> str:
        return reverse("progress:report-detail", args=[object_id])

    def all(self) -> Iterator[Any]:
        return self.model.objects.select_related("task", "unit").order_by("pk").iterator(chunk_size=2000)


registry: dict[str, Source] = {}


def register(source: Source) -> None:
    """Make ``source``'s records searchable and keep them indexed on save."""
    registry[source.kind] = source
    post_save.connect(_on_save, sender=source.model, dispatch_uid=f"luoshi.search.{source.kind}")


def register_builtin() -> None:
    register(TaskSource())
    register(ReportSource())


def source_for(model: Any) -> Source | None:
    for source in registry.values():
        if source.model is model:
            return source
    return None


def _on_save(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # loading fixtures
        return
    source = source_for(sender)
    if source is not None:
        index(source, instance)


def index(source: Source, obj: Any) -> None:
    """Write (or rewrite) the entry of one record."""
    from .models import SearchEntry

    doc = source.document(obj)
    SearchEntry.objects.update_or_create(
        kind=source.kind,
        object_id=obj.pk,
        defaults=_fields(doc),
    )


def index_new(kind: str, objs: list[Any]) -> None:
    """Add the entries of records saved without signals (``bulk_create``), in batches."""
    from .models import SearchEntry

    source = registry.get(kind)
    if source is None or not objs:
        return
    entries = [SearchEntry(kind=kind, object_id=o.pk, **_fields(source.document(o))) for o in objs]
    SearchEntry.objects.bulk_create(entries, batch_size=2000)


def _fields(doc: Document) -> dict[str, Any]:
    return {
        "task_id": doc.task_id,
        "title": doc.title,
        "body": doc.body,
        "title_tokens": index_tokens(doc.title),
        "body_tokens": index_tokens(doc.body),
    }


def rebuild(kinds: list[str] | None = None, log: Any = None) -> dict[str, int]:
    """Rewrite the whole index (or the entries of some kinds) from the records, in one transaction."""
    from django.db import transaction

    from .backends import backend
    from .models import SearchEntry

    counts: dict[str, int] = {}
    with transaction.atomic(), backend().bulk():
        for kind, source in registry.items():
            if kinds and kind not in kinds:
                continue
            SearchEntry.objects.filter(kind=kind).delete()
            batch: list[SearchEntry] = []
            n = 0
            for obj in source.all():
                batch.append(SearchEntry(kind=kind, object_id=obj.pk, **_fields(source.document(obj))))
                if len(batch) >= 2000:
                    SearchEntry.objects.bulk_create(batch)
                    n += len(batch)
                    batch = []
                    if log and n % 100_000 == 0:
                        log(f"  {kind}: {n}")
            SearchEntry.objects.bulk_create(batch)
            counts[kind] = n + len(batch)
    return counts
