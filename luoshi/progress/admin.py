"""Reports in the admin are read-only: they move only through their workflow in the app."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from luoshi.ledger.admin import NoDelete

from .models import Evidence, Report


@admin.register(Report)
class ReportAdmin(NoDelete):
    list_display = ["task", "unit", "period", "state", "percent", "claim", "is_demo"]
    list_filter = ["state", "claim", "period", "is_demo"]
    search_fields = ["task__key", "unit__name"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Evidence)
class EvidenceAdmin(NoDelete):
    list_display = ["name", "report", "kind", "size", "uploaded_at", "withdrawn"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False
