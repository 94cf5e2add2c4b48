"""Optimistic locking: a record carries a version; saving an out-of-date copy is refused.

When two people edit the same task or report, the second save finds that the version it started
from is no longer the one in the database and raises :class:`StaleEdit` with a clear message,
instead of silently overwriting the first person's work.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from luoshi.web.display import moment


class StaleEdit(Exception):
    """Someone else saved this record after the copy being saved was read."""

    def __init__(self, obj: models.Model) -> None:
        self.obj = obj
        super().__init__(self.message())

    def message(self) -> str:
        from .audit import AuditEntry

        last = (
            AuditEntry.objects.filter(model=self.obj._meta.label_lower, object_id=str(self.obj.pk))
            .order_by("-at", "-id")
            .first()
        )
        what = self.obj._meta.verbose_name
        if last is None:
            return _(
                "保存失败：在你编辑期间，此%(what)s已被他人修改。你的修改没有保存，请刷新页面后重新填写。"
            ) % {"what": what}
        return _(
            "保存失败：在你编辑期间，%(who)s于%(when)s修改了此%(what)s。你的修改没有保存，请刷新页面查看最新内容后重新填写。"
        ) % {
            "who": last.actor_name,
            "when": moment(last.at),
            "what": what,
        }


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding or self.pk is None:
            super().save(*args, **kwargs)
            return
        with transaction.atomic(using=kwargs.get("using")):
            current = (
                type(self)
                ._base_manager.select_for_update()
                .filter(pk=self.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current != self.version:
                raise StaleEdit(self)
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
            try:
                super().save(*args, **kwargs)
            except BaseException:
                self.version -= 1
                raise
