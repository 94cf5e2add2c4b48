"""What the routers share: acting as the caller in the audit trail, and visibility-scoped lookups."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction
from django.http import Http404, HttpRequest

from luoshi.ledger.models import Task, acting_as


@contextmanager
def acting(request: HttpRequest) -> Iterator[None]:
    """Changes inside are one transaction (rolled back on any error) attributed to the caller, on the
    ``api`` channel of the audit trail."""
    with acting_as(request.user, "api"), transaction.atomic():
        yield


def get_or_404(qs: Any, pk: int) -> Any:
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj


def visible_task(request: HttpRequest, pk: int) -> Task:
    """The task if the caller may read it; 404 otherwise, as on the screens."""
    return get_or_404(Task.objects.visible_to(request.user).select_related("decision", "lead_unit"), pk)
