"""Access tokens for other systems: each belongs to a user and acts as that user.

The office issues a token for a user (a system account with a role, usually); the token is shown once
and stored only as its SHA-256 digest, looked up by a short public prefix. Tokens are revoked, never
deleted, and every issue and revocation is in the audit trail.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import Audited

TOKEN_START = "ls_"


def digest_of(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self) -> ApiTokenQuerySet:
        now = timezone.now()
        return self.filter(revoked_at=None, user__is_active=True).filter(
            models.Q(expires_at=None) | models.Q(expires_at__gt=now)
        )

    def delete(self) -> Any:
        from luoshi.ledger.models import HardDeleteRefused

        raise HardDeleteRefused("tokens are revoked, never deleted")


class ApiToken(Audited):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.PROTECT, related_name="api_tokens"
    )
    name = models.CharField(_("用途"), max_length=60, help_text=_("哪个系统、做什么用，例如“政务大屏”。"))
    prefix = models.CharField(_("令牌前缀"), max_length=16, unique=True, editable=False)
    digest = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("签发时间"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    expires_at = models.DateTimeField(_("有效期至"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("吊销时间"), null=True, blank=True, editable=False)

    audit_exclude = frozenset({"version", "digest", "last_used_at"})

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("接口令牌")
        verbose_name_plural = _("接口令牌")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.prefix}… {self.name}"

    @property
    def is_usable(self) -> bool:
        return (
            self.revoked_at is None
            and (self.expires_at is None or self.expires_at > timezone.now())
            and self.user.is_active
        )

    @classmethod
    def issue(cls, *, user: Any, name: str, by: Any, expires_at: Any = None) -> tuple[ApiToken, str]:
        """A new token for ``user``; returns the record and the token itself (shown once, never stored)."""
        prefix = TOKEN_START + secrets.token_hex(4)
        while cls.objects.filter(prefix=prefix).exists():
            prefix = TOKEN_START + secrets.token_hex(4)
        raw = f"{prefix}_{secrets.token_urlsafe(32)}"
        token = cls(
            user=user,
            name=name.strip(),
            prefix=prefix,
            digest=digest_of(raw),
            created_by=by if getattr(by, "pk", None) else None,
            expires_at=expires_at,
        )
        token.audit_as("issue", by=by)
        token.save()
        return token, raw

    @classmethod
    def authenticate(cls, raw: str) -> Any:
        """The user a presented token acts as, or None (unknown, revoked, expired, inactive user)."""
        raw = (raw or "").strip()
        if not raw.startswith(TOKEN_START) or raw.count("_") < 2 or len(raw) > 200:
            return None
        prefix = raw[: raw.index("_", len(TOKEN_START))]
        token = cls.objects.usable().select_related("user").filter(prefix=prefix).first()
        if token is None or not hmac.compare_digest(token.digest, digest_of(raw)):
            return None
        now = timezone.now()
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            type(token).objects.filter(pk=token.pk).update(last_used_at=now)  # not audited: a heartbeat
        return token.user

    def revoke(self, *, by: Any) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.audit_as("revoke", by=by)
            self.save()
