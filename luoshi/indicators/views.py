"""Indicator screens: the overview of targets by confidence, a target's chart and facts, the series,
and the office's entry, import, breaks, aliases, links and overrides. Every page has a JSON twin
(``?format=json``). Views parse input, call one or two domain functions and render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.ledger.models import Decision, Task
from luoshi.ledger.uploads import UNIT_KINDS, check_upload
from luoshi.ledger.views.common import any_role, json_response, office_only, wants_json

from . import forms
from .assessing import (
    TargetAssessment,
    assess_target,
    assess_targets,
    by_confidence,
    chosen_method,
    method_label,
    open_sdg_summary,
    summary_dict,
)
from .charts import chart
from .importing import import_observations, read_rows
from .models import (
    AssessmentMethod,
    ConfidenceOverride,
    Indicator,
    IndicatorAlias,
    IndicatorBreak,
    Observation,
    TargetIndicator,
    can_manage,
    targets_visible_to,
)


def _lang() -> str:
    return "en" if (get_language() or "").startswith("en") else "zh"


def _svg(a: TargetAssessment) -> str:
    return chart(
        a.series,
        goal=a.goal,
        relation=a.relation,
        reference=a.reference_series,
        assessment=a.assessment,
        title=a.target.text or a.target.describe(),
        description=a.sentence,
        lang=_lang(),
    )


def _visible_target(request: HttpRequest, pk: int) -> Any:
    """The target if the user may read its assessment; 404 otherwise (a guessed id reveals nothing)."""
    return get_object_or_404(targets_visible_to(request.user).select_related("decision", "task"), pk=pk)


# reading ------------------------------------------------------------------------------------------
@any_role
def overview(request: HttpRequest) -> HttpResponse:
    """All targets, grouped by delivery confidence (worst first), optionally of one decision."""
    targets = targets_visible_to(request.user).filter(withdrawn=False).order_by("decision_id", "id")
    decision = None
    if (d := request.GET.get("decision", "")).isdigit():
        decision = get_object_or_404(Decision, pk=int(d))
        targets = targets.filter(decision=decision)
    results = assess_targets(targets)
    groups = by_confidence(results)
    summary = open_sdg_summary(results)
    chosen = None
    if decision is not None:  # fetched with the assessments when there are any
        chosen = chosen_method(results[0].target.decision) if results else chosen_method(decision)
    if wants_json(request):
        return json_response(
            {
                "decision": decision.pk if decision else None,
                "method": _method_dict(chosen) if decision else None,
                "counts": {c.value: len(rs) for c, rs in groups},
                "mismatches": sum(1 for r in results if r.mismatch),
                "open_sdg_summary": summary_dict(summary),
                "targets": [r.as_dict() for _c, rs in groups for r in rs],
            }
        )
    return render(
        request,
        "indicators/overview.html",
        {
            "groups": [(c, c.label_en if _lang() == "en" else c.label_zh, rs) for c, rs in groups],
            "total": len(results),
            "mismatches": [r for r in results if r.mismatch],
            "decision": decision,
            "decisions": Decision.objects.order_by("-created_at", "-id"),
            "summary": summary,
            "summary_label": summary.label_en if _lang() == "en" else summary.label_zh,
            "method": method_label(
                chosen.methodology if chosen else "luoshi", chosen.base_year if chosen else None
            ),
            "method_chosen": chosen,
            "office": can_manage(request.user),
            "method_form": forms.MethodForm(
                initial={
                    "methodology": chosen.methodology if chosen else "",
                    "base_year": chosen.base_year if chosen else None,
                }
            ),
        },
    )


def _method_dict(m: AssessmentMethod | None) -> dict[str, Any]:
    """The office's stored choice (empty fields inherit) for the JSON twins."""
    return {
        "methodology": (m.methodology or None) if m else None,
        "base_year": m.base_year if m else None,
        "note": m.note if m else "",
        "set_at": m.set_at.isoformat() if m else None,
    }


@any_role
def target_detail(request: HttpRequest, pk: int) -> HttpResponse:
    target = _visible_target(request, pk)
    a = assess_target(target)
    if wants_json(request):
        data = a.as_dict(readings=True)
        data["overrides"] = [
            {"level": o.level, "reason": o.reason, "by": o.by_name, "at": o.at.isoformat()}
            for o in ConfidenceOverride.objects.filter(target=target)
            .select_related("by")
            .order_by("-at", "-id")
        ]
        return json_response(data)
    office = can_manage(request.user)
    visible_tasks = {
        t.pk: t
        for t in Task.objects.visible_to(request.user).filter(pk__in=a.task_ids).select_related("lead_unit")
    }
    link = TargetIndicator.objects.filter(target=target).first()
    own = chosen_method(a.target)  # fetched with the assessment
    return render(
        request,
        "indicators/target_detail.html",
        {
            "target": target,
            "a": a,
            "svg": _svg(a),
            "tasks": [visible_tasks[pk] for pk in a.task_ids if pk in visible_tasks],
            "hidden_tasks": len([pk for pk in a.task_ids if pk not in visible_tasks]),
            "overrides": ConfidenceOverride.objects.filter(target=target)
            .select_related("by")
            .order_by("-at", "-id")[:20],
            "office": office,
            "override_form": forms.OverrideForm(initial={"level": a.override.level if a.override else ""}),
            "link_form": forms.LinkForm(
                initial={
                    "indicator": link.indicator_id if link else None,
                    "reference": link.reference_id if link else None,
                }
            ),
            "observation_form": forms.ObservationForm(
                initial={"unit": a.match.indicator.unit if a.match.indicator else target.unit}
            ),
            "method_form": forms.MethodForm(
                initial={
                    "methodology": own.methodology if own else "",
                    "base_year": own.base_year if own else None,
                }
            ),
        },
    )


@any_role
def target_chart(request: HttpRequest, pk: int) -> HttpResponse:
    """The chart alone, as an SVG file (for printing, or for a report)."""
    target = _visible_target(request, pk)
    response = HttpResponse(_svg(assess_target(target)), content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="target-{target.pk}.svg"'
    return response


@any_role
def indicator_list(request: HttpRequest) -> HttpResponse:
    indicators = Indicator.objects.annotate(
        n=Count("observations", filter=Q(observations__withdrawn=False)),
    ).order_by("name")
    aliases = IndicatorAlias.objects.select_related("indicator").order_by("name")
    if wants_json(request):
        return json_response(
            {
                "indicators": [
                    {"id": i.pk, "name": i.name, "unit": i.unit, "observations": i.n, "caveat": i.caveat_zh}
                    for i in indicators
                ],
                "aliases": [
                    {"name": a.name, "indicator": a.indicator.name, "active": a.active, "caveat": a.caveat_zh}
                    for a in aliases
                ],
            }
        )
    return render(
        request,
        "indicators/indicator_list.html",
        {
            "indicators": indicators,
            "aliases": aliases,
            "office": can_manage(request.user),
            "indicator_form": forms.IndicatorForm(),
            "alias_form": forms.AliasForm(),
        },
    )


@any_role
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator, pk=pk)
    observations = list(
        Observation.objects.filter(indicator=indicator)
        .select_related("recorded_by")
        .order_by("year", "month", "recorded_at", "id")
    )
    for o in observations:
        o.converted = _observation_dict(o, indicator.unit)["value"]
    breaks = list(indicator.breaks.order_by("year", "id"))
    series = _series(indicator, observations, breaks)
    if wants_json(request):
        return json_response(
            {
                "id": indicator.pk,
                "name": indicator.name,
                "unit": indicator.unit,
                "caveat_zh": indicator.caveat_zh,
                "caveat_en": indicator.caveat_en,
                "breaks": [
                    {
                        "id": b.pk,
                        "year": b.year,
                        "reason_zh": b.reason_zh,
                        "reason_en": b.reason_en,
                        "withdrawn": b.withdrawn,
                    }
                    for b in breaks
                ],
                "aliases": list(indicator.aliases.filter(active=True).values_list("name", flat=True)),
                "observations": [_observation_dict(o, indicator.unit) for o in observations],
            }
        )
    return render(
        request,
        "indicators/indicator_detail.html",
        {
            "indicator": indicator,
            "observations": observations,
            "breaks": breaks,
            "aliases": indicator.aliases.all(),
            "svg": chart(series, title=indicator.name, lang=_lang()),
            "office": can_manage(request.user),
            "observation_form": forms.ObservationForm(initial={"unit": indicator.unit}),
            "break_form": forms.BreakForm(),
        },
    )


def _series(indicator: Indicator, observations: list[Observation], breaks: list[IndicatorBreak]) -> Any:
    from .maths import Series

    pts = []
    for o in sorted((o for o in observations if not o.withdrawn), key=lambda o: (o.recorded_at, o.pk)):
        try:
            pts.append(o.point(indicator.unit))
        except ValueError:
            continue
    return Series(
        indicator.name,
        indicator.unit,
        tuple(pts),
        tuple(b.as_break() for b in breaks if not b.withdrawn),
        indicator.caveat_zh,
        indicator.caveat_en,
    )


def _observation_dict(o: Observation, unit: str) -> dict[str, Any]:
    try:
        converted: float | None = o.value_in(unit)
    except ValueError:
        converted = None
    return {
        "id": o.pk,
        "year": o.year,
        "month": o.month,
        "value": converted,
        "reported_value": o.value,
        "reported_unit": o.unit,
        "original_value": o.original_value,
        "original_unit": o.original_unit,
        "as_of": o.as_of,
        "source": o.source,
        "source_url": o.source_url,
        "quote": o.quote,
        "note": o.note,
        "origin": o.origin,
        "recorded_at": o.recorded_at.isoformat(),
        "recorded_by": (o.recorded_by.get_full_name() or o.recorded_by.get_username())
        if o.recorded_by
        else "",
        "withdrawn": o.withdrawn,
        "withdrawn_reason": o.withdrawn_reason,
    }


# the office's changes -----------------------------------------------------------------------------
def _refused(request: HttpRequest, e: ValidationError) -> None:
    for message in e.messages:
        messages.error(request, message)


def _form_errors(request: HttpRequest, form: Any) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}：{error}" if label else str(error))


@office_only
@require_POST
def observation_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Enter a value for an indicator (from its page, or from a target's page with ``?target=``)."""
    indicator = get_object_or_404(Indicator, pk=pk)
    back = reverse("indicators:indicator-detail", args=[indicator.pk])
    if (t := request.POST.get("target", "")).isdigit():
        back = reverse("indicators:target-detail", args=[int(t)])
    form = forms.ObservationForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(back)
    try:
        Observation.record(indicator, by=request.user, **form.fields_for_model())
    except ValidationError as e:
        _refused(request, e)
    else:
        messages.success(
            request,
            _("已录入 %(name)s %(year)s年的数据。")
            % {"name": indicator.name, "year": form.cleaned_data["year"]},
        )
    return redirect(back)


@office_only
@require_POST
def observation_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    obs = get_object_or_404(Observation, pk=pk)
    form = forms.WithdrawForm(request.POST)
    if form.is_valid():
        try:
            obs.withdraw(form.cleaned_data["reason"], by=request.user)
            messages.success(request, _("已撤回该条数据（记录保留在留痕中）。"))
        except ValidationError as e:
            _refused(request, e)
    else:
        messages.error(request, _("撤回数据须说明原因。"))
    return redirect("indicators:indicator-detail", obs.indicator_id)


@office_only
@require_POST
def break_add(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator, pk=pk)
    form = forms.BreakForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            IndicatorBreak.mark(
                indicator,
                form.cleaned_data["year"],
                form.cleaned_data["reason_zh"],
                reason_en=form.cleaned_data.get("reason_en") or "",
                by=request.user,
            )
            messages.success(request, _("已标记 %(year)s 年的断点。") % {"year": form.cleaned_data["year"]})
        except ValidationError as e:
            _refused(request, e)
    return redirect("indicators:indicator-detail", indicator.pk)


@office_only
@require_POST
def break_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    brk = get_object_or_404(IndicatorBreak, pk=pk)
    brk.withdraw(by=request.user)
    messages.success(request, _("已撤销该断点。"))
    return redirect("indicators:indicator-detail", brk.indicator_id)


@office_only
@require_POST
def indicator_new(request: HttpRequest) -> HttpResponse:
    form = forms.IndicatorForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("indicators:indicator-list")
    try:
        indicator = Indicator.create(by=request.user, **form.cleaned_data)
    except ValidationError as e:
        _refused(request, e)
        return redirect("indicators:indicator-list")
    messages.success(request, _("已新增指标“%(name)s”。") % {"name": indicator.name})
    return redirect("indicators:indicator-detail", indicator.pk)


@office_only
@require_POST
def alias_add(request: HttpRequest) -> HttpResponse:
    form = forms.AliasForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            IndicatorAlias.create(by=request.user, **form.cleaned_data)
            messages.success(request, _("已新增别名“%(name)s”。") % {"name": form.cleaned_data["name"]})
        except ValidationError as e:
            _refused(request, e)
    return redirect("indicators:indicator-list")


@office_only
@require_POST
def alias_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    alias = get_object_or_404(IndicatorAlias, pk=pk)
    alias.toggle(by=request.user)
    return redirect("indicators:indicator-list")


@office_only
@require_POST
def target_link(request: HttpRequest, pk: int) -> HttpResponse:
    target = _visible_target(request, pk)
    form = forms.LinkForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            TargetIndicator.link(
                target,
                form.cleaned_data["indicator"],
                form.cleaned_data["reference"],
                by=request.user,
                note=form.cleaned_data.get("note") or "",
            )
            messages.success(request, _("已更新该目标的衡量指标。"))
        except ValidationError as e:
            _refused(request, e)
    return redirect("indicators:target-detail", target.pk)


def _choose_method(request: HttpRequest, **owner: Any) -> None:
    form = forms.MethodForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return
    try:
        m = AssessmentMethod.choose(
            by=request.user,
            methodology=form.cleaned_data["methodology"] or "",
            base_year=form.cleaned_data["base_year"],
            note=form.cleaned_data.get("note") or "",
            **owner,
        )
    except ValidationError as e:
        _refused(request, e)
    else:
        method = method_label(m.methodology) if m.methodology else _("沿用上一级的方法")
        if m.base_year:
            method = _("%(method)s，基年%(year)s年") % {"method": method, "year": m.base_year}
        messages.success(request, _("已保存评估方法：%(method)s。") % {"method": method})


@office_only
@require_POST
def target_method(request: HttpRequest, pk: int) -> HttpResponse:
    """The office chooses the method and base year of one target (empty: its decision's)."""
    target = _visible_target(request, pk)
    _choose_method(request, target=target)
    return redirect("indicators:target-detail", target.pk)


@office_only
@require_POST
def decision_method(request: HttpRequest, pk: int) -> HttpResponse:
    """The office chooses the method and base year of a decision's targets."""
    decision = get_object_or_404(Decision, pk=pk)
    _choose_method(request, decision=decision)
    return redirect(reverse("indicators:overview") + f"?decision={decision.pk}")


@office_only
@require_POST
def target_override(request: HttpRequest, pk: int) -> HttpResponse:
    target = _visible_target(request, pk)
    form = forms.OverrideForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            ConfidenceOverride.record(
                target, form.cleaned_data["level"], form.cleaned_data["reason"], by=request.user
            )
            messages.success(request, _("已记录信心等级的调整及理由。"))
        except ValidationError as e:
            _refused(request, e)
    return redirect("indicators:target-detail", target.pk)


@transaction.non_atomic_requests  # reads the file before its short write transaction
@office_only
def import_file(request: HttpRequest) -> HttpResponse:
    """Upload a CSV or Excel file: every row is checked, and the file is applied whole or not at all."""
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    result = None
    error = ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            checked = check_upload(upload, UNIT_KINDS)
            upload.seek(0)
            rows = read_rows(upload, name=f"upload.{checked.kind}")
            result = import_observations(rows, by=request.user)
        except ValidationError as e:
            error = "；".join(e.messages)
        if result is not None and result.ok:
            messages.success(
                request,
                _("已导入 %(n)s 条数据；%(s)s 条与已有数据相同，未重复导入。")
                % {"n": result.created, "s": result.skipped},
            )
            return redirect("indicators:indicator-list")
    if wants_json(request):
        return json_response(
            {
                "error": error or None,
                "errors": [{"row": e.row, "message": e.message} for e in (result.errors if result else [])],
            }
        )
    return render(request, "indicators/import.html", {"form": form, "result": result, "error": error})
