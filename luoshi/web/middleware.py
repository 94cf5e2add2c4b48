"""Per-request wiring: the interface language and the actor recorded in the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

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
