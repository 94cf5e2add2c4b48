"""What the office configures, on screens of its own instead of Django's admin: the notification
channels (with a test message), each decision's report calendar, and the supervision rules.

Thin: each parses a form and calls the model (``Channel.clean``, ``ReportSchedule.configure``,
``Rules.clean``); every save is an audited one, so the trail records who changed what.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.ledger.models import Decision
from luoshi.ledger.views.common import office_only

from .forms import ChannelForm, RulesForm, ScheduleForm
from .models import Channel, Delivery, DeliveryState, ReportSchedule, Rules
from .transports import SendError, in_words, send_test


# -- notification channels ------------------------------------------------------------------------------
@office_only
def channel_list(request: HttpRequest) -> HttpResponse:
    channels = list(Channel.objects.select_related("unit").order_by("-active", "name", "id"))
    stats = {
        row["channel"]: row
        for row in Delivery.objects.filter(channel__in=channels)
        .values("channel")
        .annotate(
            sent=Count("id", filter=Q(state=DeliveryState.SENT)),
            failed=Count("id", filter=Q(state=DeliveryState.FAILED)),
            waiting=Count("id", filter=Q(state__in=[DeliveryState.PENDING, DeliveryState.SENDING])),
            last_sent=Max("sent_at"),
        )
    }
    errors = {
        d.channel_id: in_words(d.last_error)
        for d in Delivery.objects.filter(channel__in=channels, state=DeliveryState.FAILED).order_by("id")
    }
    rows = [{"channel": c, "stats": stats.get(c.pk, {}), "error": errors.get(c.pk, "")} for c in channels]
    return render(request, "supervision/channel_list.html", {"rows": rows})


@office_only
def channel_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    channel = get_object_or_404(Channel, pk=pk) if pk else None
    form = ChannelForm(request.POST or None, instance=channel)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("已保存通知渠道“%(name)s”。") % {"name": saved.name})
        return redirect("supervision:channel-edit", pk=saved.pk)
    return render(request, "supervision/channel_form.html", {"form": form, "channel": channel})


@office_only
@require_POST
def channel_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    channel = get_object_or_404(Channel, pk=pk)
    channel.active = not channel.active
    channel.audit_as("enable" if channel.active else "disable", by=request.user)
    channel.save()
    if channel.active:
        messages.success(request, _("已启用通知渠道“%(name)s”。") % {"name": channel.name})
    else:
        messages.success(
            request, _("已停用通知渠道“%(name)s”：此后的通知不再经它发送。") % {"name": channel.name}
        )
    return redirect("supervision:channel-list")


@office_only
@require_POST
def channel_test(request: HttpRequest, pk: int) -> HttpResponse:
    channel = get_object_or_404(Channel, pk=pk)
    try:
        said = send_test(channel)
    except SendError as e:
        messages.error(request, _("测试消息没有发出：%(why)s") % {"why": in_words(str(e))})
    else:
        messages.success(request, said)
    return redirect("supervision:channel-edit", pk=channel.pk)


# -- report calendars ------------------------------------------------------------------------------------
@office_only
def schedule_list(request: HttpRequest) -> HttpResponse:
    decisions = list(Decision.objects.order_by("-created_at", "-id"))
    schedules = {s.decision_id: s for s in ReportSchedule.objects.filter(decision__in=decisions)}
    rows = [{"decision": d, "schedule": schedules.get(d.pk)} for d in decisions]
    return render(request, "supervision/schedule_list.html", {"rows": rows})


@office_only
def schedule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(Decision, pk=pk)
    schedule = ReportSchedule.objects.filter(decision=decision).first()
    initial: dict[str, Any] = {
        "reporting_period": decision.reporting_period,
        "due_working_days": schedule.due_working_days if schedule else decision.report_due_days,
        "first_period": schedule.first_period if schedule else "",
        "co_units_report": schedule.co_units_report if schedule else False,
        "active": schedule.active if schedule else True,
    }
    form = ScheduleForm(request.POST or None, initial=initial, decision=decision)
    if request.method == "POST" and form.is_valid():
        try:
            ReportSchedule.configure(decision, by=request.user, **form.cleaned_data)
        except ValidationError as e:
            for field, errs in e.message_dict.items():
                form.add_error(field if field in form.fields else None, errs)
        else:
            messages.success(request, _("已保存“%(title)s”的报送日历。") % {"title": decision.title})
            return redirect("supervision:schedule-list")
    return render(request, "supervision/schedule_form.html", {"form": form, "decision": decision})


# -- the supervision rules ------------------------------------------------------------------------------
@office_only
def rules_edit(request: HttpRequest) -> HttpResponse:
    rules = Rules.get()
    form = RulesForm(request.POST or None, instance=rules)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("已保存督查规则，下次督查运行时生效。"))
        return redirect("supervision:rules")
    return render(request, "supervision/rules_form.html", {"form": form})
