"""Counting a list without counting a million rows on every request.

``bounded_count(qs)`` counts exactly up to ``EXACT_UP_TO`` rows, with a count that stops there. Past
that the total is an estimate: the share of matching rows among the newest ``WINDOW`` ids (a range
scan on the primary key), times the span of ids. The ledger's ids grow with time and its lists are
read newest first, so the newest window is also what the reader sees. Where a person needs the exact
figure (the dashboard, the reports to the committee) it comes from the precomputed snapshot, or from
``exact=True`` here.
"""

from __future__ import annotations

from typing import Any

from django.db import connections

EXACT_UP_TO = 10_000
WINDOW = 20_000


def bounded_count(queryset: Any, *, exact: bool = False) -> tuple[int, bool]:
    """The number of rows of ``queryset`` and whether it is exact."""
    if exact or not hasattr(queryset, "order_by"):  # a list, or rows built lazily from one
        return (
            queryset.count()
            if hasattr(queryset, "count") and not isinstance(queryset, list)
            else len(queryset)
        ), True
    counted = queryset.order_by()[: EXACT_UP_TO + 1].count()
    if counted <= EXACT_UP_TO:
        return counted, True
    return max(estimate(queryset), EXACT_UP_TO + 1), False


def estimate(queryset: Any) -> int:
    """The rows of ``queryset`` estimated from the newest ``WINDOW`` ids of its table."""
    model = queryset.model
    table = model._meta.db_table
    conn = connections[queryset.db]
    pk = conn.ops.quote_name(model._meta.pk.column)
    with conn.cursor() as cursor:
        # two sub-selects, each a single MIN or MAX: both databases answer them from the index
        cursor.execute(
            f"SELECT (SELECT MIN({pk}) FROM {conn.ops.quote_name(table)}), (SELECT MAX({pk}) FROM {conn.ops.quote_name(table)})"
        )
        low, high = cursor.fetchone()
    if low is None:
        return 0
    span = high - low + 1
    window = min(WINDOW, span)
    matching = queryset.order_by().filter(pk__gt=high - window).count()
    return round(matching * span / window)
