"""The home page sends each role where its work is."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from luoshi.ledger.models import Role


@login_required
def home(request: HttpRequest) -> HttpResponse:
    role = Role.of(request.user)
    if role in Role.unit_roles():
        return redirect("progress:my-unit")
    if role == Role.AUDITOR:
        return redirect("ledger:audit-list")
    if role == Role.LEADER:  # leaders read: their home is the dashboard
        return redirect("dashboard:index")
    if role is None:
        return render(request, "web/no_role.html", status=403)
    return redirect("ledger:decision-list")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """The CSRF failure page in the user's language (Django's own is in English)."""
    return render(request, "web/csrf_failure.html", status=403)
