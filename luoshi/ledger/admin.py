"""The Django admin, for the superuser only: the office runs luoshi from its own screens (管理,
docs/office.md), and a staff flag alone opens nothing here.

Nothing can be deleted from the admin (records are withdrawn, never deleted), and the audit trail
is read-only. Every change made here is recorded in the audit trail like any other.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from .models import AuditEntry, Decision, Milestone, Profile, Section, SuggestionRule, Target, Task, Unit


def _superuser_only(request: Any) -> bool:
    return bool(request.user.is_active and request.user.is_superuser)


admin.site.has_permission = _superuser_only  # type: ignore[method-assign]


class NoDelete(admin.ModelAdmin):
    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def get_actions(self, request: Any) -> dict:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


@admin.register(Unit)
class UnitAdmin(NoDelete):
    list_display = ["name", "code", "kind", "parent", "division_code", "order", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "code", "short", "division_code"]
    raw_id_fields = ["parent"]
    exclude = ["league"]


@admin.register(Profile)
class ProfileAdmin(NoDelete):
    list_display = ["user", "role", "unit", "title"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__first_name", "unit__name"]
    raw_id_fields = ["user", "unit"]


@admin.register(SuggestionRule)
class SuggestionRuleAdmin(NoDelete):
    list_display = ["keyword", "unit", "role", "weight", "active"]
    list_filter = ["role", "active"]
    search_fields = ["keyword", "unit__name"]
    raw_id_fields = ["unit"]


@admin.register(Decision)
class DecisionAdmin(NoDelete):
    list_display = [
        "title",
        "year",
        "reporting_period",
        "report_due_days",
        "is_sample",
        "is_demo",
        "created_at",
    ]
    fields = ["title", "year", "reporting_period", "report_due_days", "is_sample", "is_demo"]


@admin.register(Section)
class SectionAdmin(NoDelete):
    list_display = ["decision", "key", "number", "title"]
    list_filter = ["decision"]
    readonly_fields = ["decision", "key", "parent"]


@admin.register(Task)
class TaskAdmin(NoDelete):
    list_display = ["key", "decision", "state", "lead_unit", "progress_status", "percent"]
    list_filter = ["state", "progress_status", "decision"]
    search_fields = ["key", "text"]
    readonly_fields = [f.name for f in Task._meta.concrete_fields if f.name not in {"id"}]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False  # tasks are edited in the app, where splits, merges and locking are handled


@admin.register(Target)
class TargetAdmin(NoDelete):
    list_display = ["key", "indicator", "comparator", "value", "unit", "year", "task"]
    search_fields = ["indicator", "text"]
    raw_id_fields = ["task", "decision"]


@admin.register(Milestone)
class MilestoneAdmin(NoDelete):
    list_display = ["task", "due", "description", "withdrawn"]
    raw_id_fields = ["task"]


@admin.register(AuditEntry)
class AuditEntryAdmin(NoDelete):
    list_display = ["at", "actor_name", "action", "model", "object_id", "object_repr"]
    list_filter = ["action", "model", "channel"]
    search_fields = ["actor_name", "object_repr", "note"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False
