"""The office configures supervision in the admin: the rules, the holiday table, report calendars,
channels. Notices, deliveries and lights are read-only there: the run makes them."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from luoshi.ledger.admin import NoDelete

from .models import Channel, Delivery, Holiday, Notice, ReportSchedule, Rules, Run, Suspension


@admin.register(Rules)
class RulesAdmin(NoDelete):
    def has_add_permission(self, request: Any) -> bool:
        return not Rules.objects.exists()


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "is_workday", "name"]
    list_filter = ["is_workday"]
    date_hierarchy = "date"


@admin.register(ReportSchedule)
class ReportScheduleAdmin(NoDelete):
    list_display = ["decision", "due_working_days", "first_period", "co_units_report", "active"]


@admin.register(Channel)
class ChannelAdmin(NoDelete):
    list_display = ["name", "kind", "unit", "active"]
    list_filter = ["kind", "active"]


@admin.register(Suspension)
class SuspensionAdmin(NoDelete):
    list_display = ["task", "unit", "reason", "start", "until", "lifted_at"]


class ReadOnly(NoDelete):
    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Notice)
class NoticeAdmin(ReadOnly):
    list_display = ["key", "kind", "level", "unit", "issued_on"]
    list_filter = ["kind", "level"]
    search_fields = ["key", "title"]


@admin.register(Delivery)
class DeliveryAdmin(ReadOnly):
    list_display = ["notice", "kind", "address", "state", "attempts", "sent_at"]
    list_filter = ["state", "kind"]


@admin.register(Run)
class RunAdmin(ReadOnly):
    list_display = ["started_at", "finished_at", "today"]
