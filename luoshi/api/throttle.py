"""Rate limits: LUOSHI_API_RATE_PER_MINUTE requests per minute per token or user (anonymous callers:
per address), counted in fixed one-minute windows in Django's cache. Over the limit: 429 with the
error shape and Retry-After."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

WINDOW = 60


class PerCaller(BaseThrottle):
    def __init__(self) -> None:
        self._wait: float | None = None

    def ident(self, request: HttpRequest) -> str:
        user = getattr(request, "auth", None) or getattr(request, "user", None)
        if user is not None and getattr(user, "is_authenticated", False):
            return f"user:{user.pk}"
        return f"addr:{self.get_ident(request)}"

    def allow_request(self, request: HttpRequest) -> bool:
        limit = int(getattr(settings, "API_RATE_PER_MINUTE", 600))
        now = time.time()
        window = int(now // WINDOW)
        key = f"luoshi:api:rate:{self.ident(request)}:{window}"
        cache.add(key, 0, WINDOW + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, WINDOW + 5)
            count = 1
        if count > limit:
            self._wait = (window + 1) * WINDOW - now
            return False
        return True

    def wait(self) -> Any:
        return self._wait
