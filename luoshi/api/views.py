"""The office's screens for API tokens: list, issue (the token is shown once), revoke."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from luoshi.ledger.views.common import json_response, office_only, wants_json

from .forms import IssueTokenForm
from .models import ApiToken


@office_only
@never_cache
def token_list(request: HttpRequest) -> HttpResponse:
    tokens = ApiToken.objects.select_related("user", "created_by").order_by("-created_at", "-id")
    if wants_json(request):
        return json_response(
            [
                {
                    "id": t.pk,
                    "prefix": t.prefix,
                    "name": t.name,
                    "user": t.user.get_username(),
                    "created_at": t.created_at.isoformat(),
                    "expires_at": t.expires_at.isoformat() if t.expires_at else None,
                    "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
                    "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
                }
                for t in tokens
            ]
        )
    form = IssueTokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        expires = timezone.now() + dt.timedelta(days=d["days"]) if d["days"] else None
        _token, issued = ApiToken.issue(user=d["user"], name=d["name"], by=request.user, expires_at=expires)
        form = IssueTokenForm()
    return render(
        request, "api/tokens.html", {"tokens": tokens, "form": form, "issued": issued, "now": timezone.now()}
    )


@office_only
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk)
    token.revoke(by=request.user)
    messages.success(
        request, _("已吊销令牌 %(prefix)s…（%(name)s）。") % {"prefix": token.prefix, "name": token.name}
    )
    return redirect("api-tokens")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 400 (a bad Host header, a malformed request): in the error shape under /api/, the
    usual page elsewhere."""
    from django.views.defaults import bad_request as page

    from .errors import error_response

    if request.path.startswith("/api/"):
        return error_response(400, _("请求无效。"))
    return page(request, exception)
