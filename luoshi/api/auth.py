"""Who is calling: a token (``Authorization: Bearer ls_…``) for systems, the session for the browser.

Either way the API acts as the user, with the user's role: a user without a role is refused (403), as
on the screens. Session requests that change data need Django's CSRF token, as forms do.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthorizationError, HttpError, Throttled
from ninja.security import APIKeyCookie, HttpBearer

from luoshi.ledger.models import Role

from .models import ApiToken


def _with_role(request: HttpRequest, user: Any, channel: str) -> Any:
    if Role.of(user) is None:
        raise AuthorizationError(message=_("你的账号尚未分配角色，不能使用接口。"))
    request.user = user
    request.luoshi_channel = channel  # type: ignore[attr-defined]
    return user


FAILED_TOKEN_WINDOW = 600  # seconds


def _failed_key(request: HttpRequest) -> str:
    return (
        f"luoshi:api:badtoken:{request.META.get('REMOTE_ADDR', '')}:{int(time.time() // FAILED_TOKEN_WINDOW)}"
    )


class TokenAuth(HttpBearer):
    """A token; an address that sent LUOSHI_API_TOKEN_FAILURES wrong tokens in ten minutes is answered
    429 until the ten minutes are over, before its token is even looked up (guessing is throttled)."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        key = _failed_key(request)
        limit = int(getattr(settings, "API_TOKEN_FAILURES", 20))
        if (cache.get(key) or 0) >= limit:
            raise Throttled(wait=FAILED_TOKEN_WINDOW - int(time.time() % FAILED_TOKEN_WINDOW))
        user = ApiToken.authenticate(token)
        if user is None:
            cache.add(key, 0, FAILED_TOKEN_WINDOW + 5)
            try:
                cache.incr(key)
            except ValueError:  # evicted between add and incr
                cache.set(key, 1, FAILED_TOKEN_WINDOW + 5)
            return None
        return _with_role(request, user, "api")


class SessionAuth(APIKeyCookie):
    """Django's session (the signed-in browser), with CSRF checks on changes."""

    param_name = "sessionid"

    def __init__(self) -> None:
        from django.conf import settings

        self.param_name = settings.SESSION_COOKIE_NAME
        super().__init__(csrf=True)

    def _get_key(self, request: HttpRequest) -> str | None:
        if self.param_name not in request.COOKIES:
            return None  # no session: nothing to check (and no CSRF to demand)
        try:
            return super()._get_key(request)
        except HttpError:
            raise AuthorizationError(
                message=_("CSRF 校验失败：通过浏览器会话修改数据时，请在 X-CSRFToken 头中附上 CSRF 令牌。")
            ) from None

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if key is None:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return _with_role(request, user, "web")
