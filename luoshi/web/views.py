"""The home page sends each role where its work is; the office's page of everything it runs (管理)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from luoshi.ledger.models import Decision, Role, SuggestionRule, Unit
from luoshi.ledger.views.common import office_only


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


@office_only
def office(request: HttpRequest) -> HttpResponse:
    """Running the office: accounts, units, rules, calendar, channels, schedules — and what needs doing."""
    from luoshi.supervision.calendar import WorkCalendar
    from luoshi.supervision.models import Channel, Delivery, DeliveryState, ReportSchedule

    users = get_user_model().objects
    year = timezone.localdate().year
    context = {
        "people": users.filter(is_active=True).count(),
        "no_role": users.filter(is_active=True, is_superuser=False, luoshi_profile__isnull=True).count(),
        "units": Unit.objects.active().count(),
        "rules": SuggestionRule.objects.filter(active=True).count(),
        "calendar_warnings": WorkCalendar.load().warnings([year, year + 1]),
        "channels": Channel.objects.filter(active=True).count(),
        "failed": Delivery.objects.filter(channel__active=True, state=DeliveryState.FAILED).count(),
        "decisions": Decision.objects.count(),
        "schedules": ReportSchedule.objects.count(),
    }
    return render(request, "web/office.html", context)
