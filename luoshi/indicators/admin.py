"""Indicators in the admin: nothing is deleted; observations, breaks and overrides keep their history."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from luoshi.ledger.admin import NoDelete

from .models import (
    AssessmentMethod,
    ConfidenceOverride,
    Indicator,
    IndicatorAlias,
    IndicatorBreak,
    Observation,
    TargetIndicator,
)


@admin.register(Indicator)
class IndicatorAdmin(NoDelete):
    list_display = ["name", "unit", "caveat_zh"]
    search_fields = ["name"]


@admin.register(IndicatorAlias)
class IndicatorAliasAdmin(NoDelete):
    list_display = ["name", "indicator", "active"]
    list_filter = ["active"]
    search_fields = ["name", "indicator__name"]
    raw_id_fields = ["indicator"]


@admin.register(IndicatorBreak)
class IndicatorBreakAdmin(NoDelete):
    list_display = ["indicator", "year", "reason_zh", "withdrawn"]
    list_filter = ["withdrawn"]
    raw_id_fields = ["indicator", "created_by"]


@admin.register(Observation)
class ObservationAdmin(NoDelete):
    list_display = ["indicator", "year", "month", "value", "unit", "origin", "recorded_at", "withdrawn"]
    list_filter = ["origin", "withdrawn"]
    search_fields = ["indicator__name", "source", "quote"]
    raw_id_fields = ["indicator", "recorded_by"]


@admin.register(TargetIndicator)
class TargetIndicatorAdmin(NoDelete):
    list_display = ["target", "indicator", "reference", "set_at"]
    raw_id_fields = ["target", "indicator", "reference", "set_by"]


@admin.register(ConfidenceOverride)
class ConfidenceOverrideAdmin(NoDelete):
    """Overrides are made on the target's page, with a reason; the admin only reads them."""

    list_display = ["target", "level", "by", "at"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(AssessmentMethod)
class AssessmentMethodAdmin(NoDelete):
    """Methods are chosen on the target's page and the decision's overview (checked there); the admin
    only reads them."""

    list_display = ["decision", "target", "methodology", "base_year", "set_at"]
    list_filter = ["methodology"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False
