"""One error shape for the whole API: ``{"error": "…", "detail": …}``, in the user's language.

``error`` is a sentence for people; ``detail`` is for programs (field errors, the current version of
a record edited concurrently, seconds to wait) or null.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

from luoshi.ledger.models import StaleEdit

logger = logging.getLogger("luoshi.api")


class ErrorOut(Schema):
    error: str
    detail: Any = None


def error_response(status: int, error: str, detail: Any = None) -> JsonResponse:
    return JsonResponse(
        {"error": str(error), "detail": detail}, status=status, json_dumps_params={"ensure_ascii": False}
    )


class ApiError(HttpError):
    """An error an endpoint raises on purpose, with its detail."""

    def __init__(self, status: int, error: str, detail: Any = None) -> None:
        super().__init__(status, error)
        self.detail = detail


def errors(*codes: int) -> dict[int, type[ErrorOut]]:
    """The documented error responses of an operation (400, 401, 403, 422 and 429 apply to all)."""
    return dict.fromkeys(sorted({400, 401, 403, 422, 429, *codes}), ErrorOut)


def _validation_detail(e: DjangoValidationError) -> Any:
    if hasattr(e, "error_dict"):
        return {field: [str(m) for m in msgs] for field, msgs in e.message_dict.items()}
    return [str(m) for m in e.messages]


def install(api: NinjaAPI) -> None:
    def handle(exc_class: Any) -> Any:
        return lambda fn: api.add_exception_handler(exc_class, fn)

    @handle(NinjaValidationError)
    def invalid_request(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        detail = [
            {
                "loc": [str(p) for p in e.get("loc", ())],
                "msg": str(e.get("msg", "")),
                "type": e.get("type", ""),
            }
            for e in exc.errors
        ]
        return error_response(422, _("请求参数不符合要求。"), detail)

    @handle(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = error_response(401, _("请先登录，或在 Authorization 头中提供有效的访问令牌（Bearer）。"))
        response["WWW-Authenticate"] = 'Bearer realm="luoshi"'
        return response

    @handle(AuthorizationError)
    def forbidden(request: HttpRequest, exc: AuthorizationError) -> HttpResponse:
        return error_response(403, str(exc))

    @handle(Throttled)
    def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        return error_response(429, _("请求过于频繁，请稍后再试。"), {"retry_after": exc.wait})

    @handle(ApiError)
    def api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return error_response(exc.status_code, exc.message, exc.detail)

    @handle(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return error_response(exc.status_code, exc.message)

    @handle(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(404, _("未找到，或你无权查看。"))

    @handle(PermissionDenied)
    def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return error_response(403, str(exc) or _("你没有权限进行此操作。"))

    @handle(StaleEdit)
    def stale(request: HttpRequest, exc: StaleEdit) -> HttpResponse:
        current = type(exc.obj)._base_manager.filter(pk=exc.obj.pk).values_list("version", flat=True).first()
        return error_response(409, exc.message(), {"version": current})

    @handle(DjangoValidationError)
    def invalid_data(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return error_response(422, _("数据不符合要求。"), _validation_detail(exc))

    @handle(Exception)
    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
        return error_response(500, _("服务器内部错误，请稍后再试或联系管理员。"))
