"""The search index: one entry per searchable record (a task, a report, later a notice).

An entry keeps the record's title and text as shown (for snippets) and their tokens (for matching;
see tokens.py). On SQLite an FTS5 table mirrors the tokens through triggers; on PostgreSQL a GIN
index over their tsvector does the matching (migration 0002). Entries are derived data: they are
rewritten on every save of their record and can be rebuilt at any time (``luoshi reindex``).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SearchEntryQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> SearchEntryQuerySet:
        """Entries of records ``user`` may read, by the records' own ``visible_to`` rules."""
        from .sources import registry

        allowed = Q(pk__in=[])
        for source in registry.values():
            allowed |= Q(kind=source.kind) & source.visible(user)
        return self.filter(allowed)


class SearchEntry(models.Model):
    kind = models.CharField(_("类型"), max_length=20)
    object_id = models.BigIntegerField()
    task = models.ForeignKey(
        "ledger.Task",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    title = models.CharField(_("标题"), max_length=300)
    body = models.TextField(_("正文"), blank=True)
    title_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("检索条目")
        verbose_name_plural = _("检索条目")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title}"
