"""/api/v1/ (the API and its docs), the office's token screens, and a JSON 404 for anything else
under /api/ so that programs always get the error shape."""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path, re_path
from django.utils.translation import gettext as _

from . import views
from .api import get_api
from .errors import error_response


def _json_405(view: Any) -> Any:
    """django-ninja answers a wrong method with a bare 405: give it the error shape."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and "json" not in response.get("Content-Type", ""):
            allowed = response.get("Allow", "")
            out = error_response(
                405, _("不支持此请求方法。"), {"allowed": allowed.split(", ") if allowed else []}
            )
            out["Allow"] = allowed
            return out
        return response

    wrapped.csrf_exempt = True  # type: ignore[attr-defined]
    return wrapped


def _wrap(patterns: list[Any]) -> list[Any]:
    out: list[Any] = []
    for p in patterns:
        if isinstance(p, URLPattern):
            out.append(URLPattern(p.pattern, _json_405(p.callback), p.default_args, p.name))
        elif isinstance(p, URLResolver):
            p.url_patterns[:] = _wrap(p.url_patterns)
            out.append(p)
        else:
            out.append(p)
    return out


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    return error_response(404, _("没有这个接口。接口说明见 /api/v1/docs。"))


_patterns, _app, _namespace = get_api().urls

urlpatterns = [
    path("api/v1/", (_wrap(list(_patterns)), _app, _namespace)),
    path("api/tokens/", views.token_list, name="api-tokens"),
    path("api/tokens/<int:pk>/revoke/", views.token_revoke, name="api-token-revoke"),
    re_path(r"^api/(?P<rest>.*)$", not_found),
]
