"""The audit trail (留痕): who changed what, when, from what to what. Nothing is hard-deleted.

Models that inherit :class:`Audited` record an :class:`AuditEntry` in the same transaction as every
save, and refuse to be deleted. The actor comes from :func:`acting_as` (set per request by
``AuditActorMiddleware``, and by the CLI for imports and the demo).
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ClassVar

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

_actor: ContextVar[Any] = ContextVar("luoshi_actor", default=None)
_channel: ContextVar[str] = ContextVar("luoshi_channel", default="system")


@contextmanager
def acting_as(user: Any, channel: str = "web") -> Iterator[None]:
    """Attribute every change made inside the block to ``user`` (None: the system itself)."""
    t1, t2 = _actor.set(user), _channel.set(channel)
    try:
        yield
    finally:
        _actor.reset(t1)
        _channel.reset(t2)


def current_actor() -> Any:
    user = _actor.get()
    return user if user is not None and getattr(user, "is_authenticated", False) else None


class HardDeleteRefused(Exception):
    """Raised on any attempt to delete an audited record: luoshi withdraws, it never deletes."""


class NoDeleteQuerySet(models.QuerySet):
    def delete(self) -> Any:
        raise HardDeleteRefused(f"{self.model._meta.label} records are never deleted")


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if hasattr(value, "name") and hasattr(value, "url"):  # a FieldFile
        return value.name or None
    return value


class AuditEntryQuerySet(models.QuerySet):
    def delete(self) -> Any:
        raise HardDeleteRefused("the audit trail is never deleted")

    def visible_to(self, user: Any) -> AuditEntryQuerySet:
        from .people import Role

        if Role.of(user) in {Role.OFFICE, Role.AUDITOR}:
            return self
        return self.none()

    def for_task(self, task: Any) -> AuditEntryQuerySet:
        return self.filter(task=task)


class AuditEntry(models.Model):
    at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField(_("操作人姓名"), max_length=150, blank=True)
    channel = models.CharField(_("渠道"), max_length=20, default="web")
    action = models.CharField(_("操作"), max_length=40)
    model = models.CharField(_("对象类型"), max_length=60)
    object_id = models.CharField(_("对象编号"), max_length=40)
    object_repr = models.CharField(_("对象"), max_length=200, blank=True)
    task = models.ForeignKey(
        "ledger.Task",
        verbose_name=_("任务"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_entries",
    )
    before = models.JSONField(_("修改前"), null=True, blank=True)
    after = models.JSONField(_("修改后"), null=True, blank=True)
    note = models.TextField(_("说明"), blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("留痕记录")
        verbose_name_plural = _("留痕记录")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["task", "at"]),
            models.Index(fields=["model", "object_id"]),
        ]

    def __str__(self) -> str:
        from luoshi.web.display import stamp

        return f"{stamp(self.at)} {self.actor_name} {self.action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise HardDeleteRefused("audit entries are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise HardDeleteRefused("the audit trail is never deleted")

    def changes(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) for each field this entry changed, in a stable order."""
        before, after = self.before or {}, self.after or {}
        keys = list(dict.fromkeys([*before.keys(), *after.keys()]))
        return [(k, before.get(k), after.get(k)) for k in keys]


def record(
    action: str,
    obj: models.Model,
    *,
    before: dict | None = None,
    after: dict | None = None,
    note: str = "",
    task: Any = None,
    actor: Any = None,
) -> AuditEntry:
    """Write one audit entry for ``obj`` attributed to ``actor``, by default the current one."""
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else current_actor()
    name = ""
    if user is not None:
        name = user.get_full_name() or user.get_username()
    return AuditEntry.objects.create(
        actor=user,
        actor_name=name or str(_("系统")),
        channel=_channel.get(),
        action=action,
        model=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        task=task,
        before=before,
        after=after,
        note=note,
    )


class Audited(models.Model):
    """Records every save in the audit trail and refuses hard deletion."""

    audit_exclude: ClassVar[frozenset[str]] = frozenset({"version"})

    objects = NoDeleteQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any) -> Any:
        obj = super().from_db(db, field_names, values)
        # what was loaded, kept as it came: turned into a snapshot only if the record is saved (a list of
        # a thousand records read for a page costs no snapshot at all)
        obj._audit_raw = (field_names, values)
        return obj

    def _audit_values(self, names: Any, values: Any) -> dict[str, Any]:
        """The snapshot of values as the database gave them (a file field's name, a date in ISO form …)."""
        fields = {f.attname: f for f in self._meta.concrete_fields}
        out: dict[str, Any] = {}
        for name, value in zip(names, values, strict=False):
            f = fields.get(name)
            if f is None or name in self.audit_exclude:
                continue
            out[name] = (value or None) if isinstance(f, models.FileField) else _jsonable(value)
        return self.audit_mask(out)

    @property
    def _audit_loaded(self) -> dict[str, Any] | None:
        raw = self.__dict__.pop("_audit_raw", None)
        if raw is not None:  # first asked: made once from the loaded values, then kept
            self.__dict__["_audit_loaded_snapshot"] = self._audit_values(*raw)
        return self.__dict__.get("_audit_loaded_snapshot")

    @_audit_loaded.setter
    def _audit_loaded(self, value: dict[str, Any] | None) -> None:
        self.__dict__.pop("_audit_raw", None)
        self.__dict__["_audit_loaded_snapshot"] = value

    def _audit_complete(self, before: dict[str, Any]) -> dict[str, Any]:
        """``before`` with the fields read or set since a partial load (``only()``, ``defer()``) as stored."""
        missing = [
            f.attname
            for f in self._meta.concrete_fields
            if f.attname in self.__dict__ and f.attname not in before and f.attname not in self.audit_exclude
        ]
        if not missing:
            return before
        row = type(self)._base_manager.filter(pk=self.pk).values_list(*missing).first()
        return {**before, **self._audit_values(missing, row)} if row is not None else before

    def audit_snapshot(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self._meta.concrete_fields:
            if f.attname in self.audit_exclude or f.attname not in self.__dict__:
                continue
            out[f.attname] = _jsonable(getattr(self, f.attname))
        return self.audit_mask(out)

    def audit_mask(self, out: dict[str, Any]) -> dict[str, Any]:
        """A snapshot as the trail may keep it: a record with a secret replaces it here. Every snapshot
        passes through this, the one taken when a record is loaded as well as the one after a save."""
        return out

    def audit_task(self) -> Any:
        """The task this record belongs to, so its history can be browsed per task."""
        return None

    def audit_as(self, action: str, note: str = "", *, by: Any = None, **extra: tuple[Any, Any]) -> None:
        """Name the next save's entry (``submit``, ``assign`` …), its actor, a note and extra before/after pairs."""
        self._audit_by = by
        self._audit_action = action
        self._audit_note = note
        self._audit_extra = extra

    def save(self, *args: Any, **kwargs: Any) -> None:
        adding = self._state.adding
        before = None
        if not adding:
            before = getattr(self, "_audit_loaded", None)
            if before is None:
                row = type(self)._base_manager.filter(pk=self.pk).first()
                before = row.audit_snapshot() if row is not None else {}
            else:
                before = self._audit_complete(before)
        present = set(self.__dict__)
        with transaction.atomic(using=kwargs.get("using")):
            super().save(*args, **kwargs)
            after = self.audit_snapshot()
            if before is not None:
                # a deferred field first read during the save (by a signal) was neither set nor written
                before = {**{k: v for k, v in after.items() if k not in present}, **before}
            action = getattr(self, "_audit_action", None) or ("create" if adding else "update")
            note = getattr(self, "_audit_note", "")
            extra = getattr(self, "_audit_extra", {}) or {}
            if adding:
                b, a = None, after
            else:
                keys = [k for k in after if (before or {}).get(k) != after[k]]
                b = {k: (before or {}).get(k) for k in keys}
                a = {k: after[k] for k in keys}
            for key, (old, new) in extra.items():
                if old != new or adding:
                    b = {**(b or {}), key: old} if not adding else b
                    a = {**(a or {}), key: new}
            if adding or a or action not in {"update"}:
                record(
                    action,
                    self,
                    before=b,
                    after=a,
                    note=note,
                    task=self.audit_task(),
                    actor=getattr(self, "_audit_by", None),
                )
        self._audit_loaded = after
        self._audit_by = None
        self._audit_action = None
        self._audit_note = ""
        self._audit_extra = {}

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise HardDeleteRefused(f"{self._meta.label} records are never deleted; withdraw them instead")
