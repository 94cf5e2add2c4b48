"""Template tags that put a target's confidence light on any page (the ledger's task page and outline).

    {% load indicators %}
    {% assess_for targets as assessed %}          {# or: {% assess_decision decision as assessed %} #}
    {% for t in targets %}{% target_light assessed t %} {{ t.describe }}{% endfor %}

The assessment is made in bulk, with a fixed number of queries, for the page's targets.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from luoshi.indicators.assessing import TargetAssessment, assess_targets
from luoshi.indicators.models import can_view, targets_visible_to

register = template.Library()

DOTS = {
    "green": "#1a7f37",
    "amber_green": "linear-gradient(90deg, #d4a72c 50%, #1a7f37 50%)",
    "amber_red": "linear-gradient(90deg, #d4a72c 50%, #cf222e 50%)",
    "red": "#cf222e",
    "unknown": "#d0d7de",
}


def short_label(level: str) -> str:
    return {
        "green": _("绿"),
        "amber_green": _("黄绿"),
        "amber_red": _("黄红"),
        "red": _("红"),
        "unknown": _("灰"),
    }.get(level, level)


@register.simple_tag
def light(level: Any, title: str = "", big: bool = False, bare: bool = False) -> SafeString:
    """A confidence light: a coloured dot (half and half for the amber levels) and its short name,
    so that it reads in black and white and to a screen reader. ``bare``: the dot alone, where the
    full name follows it."""
    level = str(getattr(level, "value", level))
    return format_html(
        # the dot's colour comes from luoshi.css (.conf-<level> .dot), on every page: no inline style,
        # which the Content-Security-Policy would refuse
        '<span class="conf conf-{}{}" title="{}"><span class="dot" aria-hidden="true"></span>{}</span>',
        level if level in DOTS else "unknown",
        " conf-big" if big else "",
        title,
        "" if bare else short_label(level),
    )


@register.filter
def num(value: Any) -> str:
    """A measured value as people read it: 710.8, 820, 20.79 (at most two decimals, no trailing zeros)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return ""
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


@register.simple_tag(takes_context=True)
def assess_for(context: Any, targets: Any) -> dict[int, TargetAssessment]:
    """Assessments of ``targets`` (a queryset or list of the ledger's Targets), keyed by target id."""
    request = context.get("request")
    if request is None or not can_view(request.user):
        return {}
    if hasattr(targets, "model"):
        targets = targets.filter(pk__in=targets_visible_to(request.user).values("pk"))
    return {a.target.pk: a for a in assess_targets(targets)}


@register.simple_tag(takes_context=True)
def assess_decision(context: Any, decision: Any) -> dict[int, TargetAssessment]:
    """Assessments of every target of ``decision`` that the user may read."""
    request = context.get("request")
    if request is None or decision is None or not can_view(request.user):
        return {}
    qs = targets_visible_to(request.user).filter(decision=decision, withdrawn=False)
    return {a.target.pk: a for a in assess_targets(qs)}


@register.simple_tag
def target_light(assessed: Any, target: Any) -> SafeString:
    """The target's light, linked to its chart page, with its sentence as the tooltip."""
    a = assessed.get(target.pk) if assessed else None
    if a is None:
        return SafeString("")
    note = _("（督查室调整）") if a.overridden else ""
    return format_html(
        '<a class="conf-link" href="{}" title="{}">{}</a>{}',
        reverse("indicators:target-detail", args=[target.pk]),
        a.sentence,
        light(a.confidence.value, a.confidence_label),
        note,
    )
