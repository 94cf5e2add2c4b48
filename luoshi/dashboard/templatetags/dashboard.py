"""Small filters for the dashboard's templates: look a colour up, add a filter to a link, show a share."""

from __future__ import annotations

from typing import Any

from django import template

from ..presenting import with_filter

register = template.Library()


@register.filter
def get(mapping: Any, key: Any) -> Any:
    """``{{ row.lights|get:colour }}``"""
    try:
        return mapping.get(key, 0)
    except AttributeError:
        return ""


@register.filter
def light_url(url: str | None, colour: str) -> str:
    """The task list behind one colour of a row: ``{{ row.tasks_url|light_url:"red" }}``."""
    return with_filter(url, f"light={colour}")


@register.filter
def plus_filter(url: str | None, extra: str) -> str:
    """``{{ row.tasks_url|plus_filter:"deadline=overdue" }}``"""
    return with_filter(url, extra)


@register.filter
def percent(share: Any) -> str:
    """0.4567 → 45.7%; None → —"""
    if share is None or share == "":
        return "—"
    return f"{float(share) * 100:.1f}%"
