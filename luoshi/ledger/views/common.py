"""What every view shares: role checks, visibility-scoped lookups, JSON twins, option lists."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from html import escape
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ..models import Role, Task, Unit


def role_required(*roles: Role) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Only these roles may use the view; anyone else signed in gets 403, anyone else is sent to sign in."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if Role.of(request.user) not in roles:
                raise PermissionDenied(_("你的角色无权访问此页面。"))
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


any_role = role_required(*Role)
office_only = role_required(Role.OFFICE)


def visible_task(request: HttpRequest, pk: int) -> Task:
    """The task if the user may read it; 404 otherwise, so guessed ids reveal nothing."""
    return get_object_or_404(
        Task.objects.visible_to(request.user).select_related("decision", "section", "lead_unit"), pk=pk
    )


def wants_json(request: HttpRequest) -> bool:
    return request.GET.get("format") == "json"


def json_response(data: Any) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False}, safe=False)


def unit_options(units: QuerySet[Unit] | list[tuple[int, str]], selected: Any = None) -> SafeString:
    """<option>s for a select of units, built in one pass (thousands of units render fast)."""
    rows = units if isinstance(units, list) else list(units.values_list("pk", "name"))
    chosen = {str(s) for s in (selected if isinstance(selected, list | tuple | set) else [selected]) if s}
    return mark_safe(
        "".join(
            f'<option value="{int(pk)}"{" selected" if str(pk) in chosen else ""}>{escape(name)}</option>'
            for pk, name in rows
        )
    )


def task_dict(task: Task) -> dict[str, Any]:
    return {
        "id": task.pk,
        "key": task.key,
        "decision": task.decision_id,
        "section": task.section.key if task.section_id else None,
        "text": task.text,
        "state": task.state,
        "lead_unit": task.lead_unit.name if task.lead_unit_id else None,
        "responsible": task.responsible,
        "deadline_kind": task.deadline_kind,
        "deadline": task.deadline.isoformat() if task.deadline else None,
        "deadline_display": task.deadline_display(),
        "progress_status": task.progress_status,
        "percent": task.percent,
        "progress_period": task.progress_period,
        "has_targets": task.has_targets,
        "parent": task.parent_id,
        "light": _light(task),
    }


def _light(task: Task) -> dict[str, str]:
    """The task's status light, as every surface shows it (luoshi.api.lights, docs/figures.md)."""
    from luoshi.api.lights import light_of

    shown = getattr(task, "light_shown", None) or light_of(task)
    return shown.as_dict()
