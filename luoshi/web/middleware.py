"""Per-request wiring: the interface language, the actor recorded in the audit trail, and the
transaction a request runs in."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, transaction
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from luoshi.ledger.models import acting_as


class LanguageMiddleware:
    """Chinese unless the user chose another language (a cookie set by the language switch).

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: the office's users
    work in Chinese whatever their browser says.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class AuditActorMiddleware:
    """Attribute every change made while handling a request to the signed-in user."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        with acting_as(getattr(request, "user", None), "web"):
            return self.get_response(request)


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class RequestTransactionMiddleware:
    """A request that may change data runs its view in one transaction; a request that only reads
    runs in none.

    This replaces Django's ``ATOMIC_REQUESTS``, which wraps every view, reads included. On SQLite a
    transaction begins with ``BEGIN IMMEDIATE`` (queued writers instead of deadlocks), which takes
    the database's single write lock: under ``ATOMIC_REQUESTS`` a slow page (a search, a preview, a
    report) held that lock for as long as it ran, and every other request, the sign-in page
    included, failed after the busy timeout. A read needs no lock in WAL mode, so GET, HEAD, OPTIONS
    and TRACE run in autocommit: a read-only request never holds the write lock, and whatever a read
    writes on the side (a session, a snapshot) is its own short transaction. The choice is made per
    request inside each process, so it holds under a multi-process server (gunicorn) too: SQLite's
    lock is the file's, not the process's.

    A view that must parse or compute at length before it writes is marked with Django's own
    ``@transaction.non_atomic_requests`` and opens its short transaction itself, after the work.
    This middleware must be the last in ``MIDDLEWARE``: it calls the view itself.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if request.method in SAFE_METHODS:
            return None
        if DEFAULT_DB_ALIAS in getattr(view, "_non_atomic_requests", set()):
            return None
        with transaction.atomic():
            return view(request, *args, **kwargs)  # type: ignore[no-any-return]


def _holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_nul(v) for v in value)
    return False


class RefuseNulMiddleware:
    """A request carrying a NUL character (in a query parameter, a form field or a JSON string) is
    refused with 400 before any view runs: PostgreSQL cannot store or compare text holding one, and
    answered 500 to ``?q=%00``. Forms refuse NUL already; this covers every parameter a view reads
    by hand and every JSON body, on both databases alike."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        where = self._nul(request)
        if where is None:
            return self.get_response(request)
        message = _("请求中含有空字符（NUL），无法处理。")
        if request.path.startswith("/api/"):
            from luoshi.api.errors import error_response

            return error_response(400, message, {"parameter": where})
        page = render_to_string("400.html", {"message": message}, request=request)
        return HttpResponse(page, status=400)

    @staticmethod
    def _nul(request: HttpRequest) -> str | None:
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in v for v in values):
                return key
        if request.method in SAFE_METHODS:
            return None
        content_type = request.content_type or ""
        if content_type in {"application/x-www-form-urlencoded", "multipart/form-data"}:
            for key, values in request.POST.lists():
                if "\x00" in key or any("\x00" in v for v in values):
                    return key
        elif content_type == "application/json":
            body = request.body
            if b"\x00" in body or b"\\u0000" in body.lower():
                try:
                    return "body" if _holds_nul(json.loads(body)) else None
                except ValueError:
                    return None  # not JSON: the view says so
        return None


# What every page may load: only what the site itself serves. No inline script anywhere; no inline
# style either (templates use classes), except on the API's Swagger UI and Redoc pages, whose
# bundled scripts set styles themselves.
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
CSP_API_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
    "script-src 'self'", "script-src 'self' blob:"
)


class ContentSecurityPolicyMiddleware:
    """The Content-Security-Policy header on every answer: a script injected into a page (a stored
    XSS that got past escaping) would not run, and nothing is loaded from elsewhere."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        docs = request.path.startswith("/api/") and request.path.rstrip("/").endswith(("/docs", "/redoc"))
        response.headers.setdefault("Content-Security-Policy", CSP_API_DOCS if docs else CSP)
        return response
