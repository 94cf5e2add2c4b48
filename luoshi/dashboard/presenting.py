"""From a stored snapshot to what the page and its JSON twin show (no query: the snapshot holds it all)."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from luoshi.figures import colours

from .models import Snapshot

LIGHT_LABELS = colours.choices()
CONFIDENCE_LABELS = [
    ("red", _("红：难以按期实现")),
    ("amber_red", _("黄红：风险较大")),
    ("amber_green", _("黄绿：较有把握")),
    ("green", _("绿：有把握")),
    ("unknown", _("灰：依据不足")),
]
TONE_LABELS = {
    "bad": _("红灯较多"),
    "watch": _("需关注"),
    "good": _("正常"),
    "empty": _("无任务"),
}


def present(snapshot: Snapshot, *, stale: bool, decision: str | None = None) -> dict[str, Any]:
    """The JSON twin of the page: the snapshot's figures, the chosen decision's parts and sections (one
    query), the worst units (all of them are on the units page), and when it was computed.

    ``decision`` (an id from the query string) picks the decision whose parts are shown; one outside
    the scope answers 404, so a guessed id reveals nothing."""
    data = snapshot.data
    decisions = data.get("decisions", [])
    chosen = decisions[0] if decisions else None
    if decision:
        chosen = next((d for d in decisions if str(d["id"]) == decision), None)
        if chosen is None:
            raise Http404
    if chosen is not None:
        chosen = {**chosen, "parts": snapshot.part(f"decision:{chosen['id']}", [])}
    out = dict(data)
    out.update(
        {
            "computed_at": snapshot.computed_at.isoformat(),
            "seconds": snapshot.seconds,
            "stale": stale,
            "decision": chosen,
            "units_url": reverse("dashboard:units"),
        }
    )
    return out


def with_filter(url: str | None, extra: str) -> str:
    """``url`` (the task list, maybe with a query) with one more filter."""
    if not url:
        return ""
    return url + ("&" if "?" in url else "?") + extra
