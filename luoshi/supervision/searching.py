"""督办单, 催办 and 通报 in the full-text search, for whoever may read them (luoshi.search)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

KIND = "notice"


def source() -> Any:
    from luoshi.search.sources import Document, Source

    from .models import Notice

    class NoticeSource(Source):
        kind = KIND
        label = _("督办通知")
        model = Notice

        def document(self, obj: Any) -> Document:
            body = "\n".join(p for p in (obj.reason, obj.feedback) if p)
            return Document(title=obj.title[:300], body=body, task_id=obj.task_id)

        def visible(self, user: Any) -> Q:
            return Q(Exists(Notice.objects.visible_to(user).filter(pk=OuterRef("object_id"))))

        def url(self, object_id: int, task_id: int | None) -> str:
            return reverse("supervision:notice-detail", args=[object_id])

    return NoticeSource()


def register() -> None:
    """Called by the app's ``ready``: notices become searchable when the search app is installed."""
    if apps.is_installed("luoshi.search"):
        from luoshi.search import register as add

        add(source())


def index_new(notices: list[Any]) -> None:
    """Notices are created with ``bulk_create`` (no save signal): index them explicitly."""
    if apps.is_installed("luoshi.search"):
        from luoshi.search import index_new as add

        add(KIND, notices)
