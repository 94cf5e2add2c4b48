"""A sign-in locked after too many wrong passwords (django-axes) is an entry in the audit trail: the
office sees who was locked, from where, and when."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _


def record_lockout(
    sender: Any, request: Any = None, username: str | None = None, ip_address: str = "", **kw: Any
) -> None:
    import datetime as dt

    from django.utils import timezone

    from luoshi.ledger.models import AuditEntry

    username = (username or "")[:150]
    since = timezone.now() - dt.timedelta(hours=float(settings.AXES_COOLOFF_TIME))
    if AuditEntry.objects.filter(
        action="lockout", object_repr=username[:200], note__contains=ip_address or "?", at__gte=since
    ).exists():
        return  # this lockout is on record already (every attempt while locked signals again)
    user = get_user_model().objects.filter(username=username).first() if username else None
    minutes = round(float(settings.AXES_COOLOFF_TIME) * 60)
    AuditEntry.objects.create(
        actor=None,
        actor_name=str(_("系统")),
        channel="web",
        action="lockout",
        model="auth.user",
        object_id=str(user.pk) if user is not None else "",
        object_repr=username[:200],
        note=_("连续 %(n)s 次密码错误，账号“%(user)s”在地址 %(ip)s 锁定 %(minutes)s 分钟。")
        % {"n": settings.AXES_FAILURE_LIMIT, "user": username, "ip": ip_address or "?", "minutes": minutes},
    )
