"""对标对表 screens (the office's): a decision's plans and the upload of one, a plan's alignment with
both quotes side by side (JSON twin ``?format=json``, Excel export), a match corrected, the
alignment confirmed into sub-tasks, synonyms. Views parse input, call ``aligning`` and render."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.document import DocumentError
from luoshi.ledger.models import Decision
from luoshi.ledger.views.common import json_response, office_only, wants_json

from . import aligning
from .forms import CorrectionForm, PlanUploadForm, SynonymForm
from .models import Plan, Synonym
from .rendering import to_xlsx


def _english() -> bool:
    return not (get_language() or "zh-hans").lower().startswith("zh")


@transaction.non_atomic_requests  # reads the file before its short write transaction
@office_only
def plan_list(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(Decision, pk=pk)
    form = PlanUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            with transaction.atomic():
                plan = aligning.upload_plan(
                    upload.read(),
                    name=upload.name,
                    decision=decision,
                    unit=form.cleaned_data["unit"],
                    by=request.user,
                    year=form.cleaned_data["year"],
                )
        except DocumentError as e:
            form.add_error("file", e.message(request.LANGUAGE_CODE))
        else:
            return redirect("alignment:plan", pk=plan.pk)
    plans = decision.plans.select_related("unit")
    if wants_json(request):
        return json_response(
            {
                "decision": decision.pk,
                "plans": [
                    {
                        "id": p.pk,
                        "title": p.title,
                        "unit": p.unit.name,
                        "confirmed": p.confirmed_at is not None,
                    }
                    for p in plans
                ],
            }
        )
    return render(request, "alignment/plans.html", {"decision": decision, "plans": plans, "form": form})


def _say_error(request: HttpRequest, e: DocumentError | ValidationError) -> None:
    messages.error(
        request, e.message(request.LANGUAGE_CODE) if isinstance(e, DocumentError) else " ".join(e.messages)
    )


def _aligned_or_back(request: HttpRequest, plan: Plan) -> aligning.Aligned | None:
    try:
        return aligning.align_plan(plan)
    except (DocumentError, ValidationError) as e:
        _say_error(request, e)
        return None


@office_only
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan.objects.select_related("decision", "unit"), pk=pk)
    aligned = _aligned_or_back(request, plan)
    if aligned is None:
        return redirect("alignment:plans", pk=plan.decision_id)
    if wants_json(request):
        data = aligned.result.to_dict()
        data["plan"] = {"id": plan.pk, "unit": plan.unit.name, "decision": plan.decision_id}
        return json_response(data)
    english = _english()
    child_items = [i for i in aligned.child.items if i.kind in aligning.matching.TASK_KINDS]

    def said(r: aligning.matching.Row) -> dict[str, object]:
        return {
            "row": r,
            "status": r.status_en if english else r.status_zh,
            "reasons": [w.en if english else w.zh for w in r.reasons],
            "weakenings": [w.en if english else w.zh for w in r.weakenings],
        }

    rows = [said(r) for r in aligned.result.items]
    targets = [said(r) for r in aligned.result.targets]
    return render(
        request,
        "alignment/plan.html",
        {
            "plan": plan,
            "result": aligned.result,
            "rows": rows,
            "targets": targets,
            "child_items": child_items,
            "synonym_form": SynonymForm(),
            "synonyms": Synonym.objects.all()[:200],
        },
    )


@office_only
def plan_export(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=pk)
    aligned = _aligned_or_back(request, plan)
    if aligned is None:
        return redirect("alignment:plans", pk=plan.decision_id)
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    to_xlsx(aligned.result, response, english=_english())
    name = _("对标对表") + f"-{plan.pk}.xlsx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


@require_POST
@office_only
def plan_correct(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=pk)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("更正没有保存：请选择下级条目，或选择“未承接”。"))
        return redirect("alignment:plan", pk=pk)
    try:
        aligning.correct(
            plan, form.cleaned_data["parent_key"], form.cleaned_data["child_key"] or None, by=request.user
        )
    except (ValidationError, DocumentError) as e:
        _say_error(request, e)
    else:
        messages.success(
            request,
            _("已保存更正：上级条目 %(key)s。下次对标时按此处理。")
            % {"key": form.cleaned_data["parent_key"]},
        )
    return redirect(f"{reverse('alignment:plan', args=[plan.pk])}#item-{form.cleaned_data['parent_key']}")


@require_POST
@office_only
def plan_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan.objects.select_related("unit"), pk=pk)
    try:
        done = aligning.confirm(plan, by=request.user)
    except (ValidationError, DocumentError) as e:
        _say_error(request, e)
        return redirect("alignment:plan", pk=pk)
    messages.success(
        request,
        _("已确认：为 %(unit)s 新建子任务 %(made)s 项，已有 %(kept)s 项，撤销 %(withdrawn)s 项。")
        % {"unit": plan.unit.name, "made": done.made, "kept": done.kept, "withdrawn": done.withdrawn},
    )
    if done.skipped:
        messages.warning(
            request,
            _("以下上级条目在台账中没有可分解的任务（已撤销、拆分或合并）：%(keys)s。")
            % {"keys": "、".join(done.skipped)},
        )
    return redirect("alignment:plan", pk=pk)


@require_POST
@office_only
def synonyms(request: HttpRequest) -> HttpResponse:
    form = SynonymForm(request.POST)
    back = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}) or not back.startswith(
        "/"
    ):
        back = "/"
    if form.is_valid():
        try:
            s = aligning.add_synonym(form.cleaned_data["word"], form.cleaned_data["means"], by=request.user)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(
                request, _("已添加同义说法：%(word)s = %(means)s。") % {"word": s.word, "means": s.means}
            )
    else:
        messages.error(request, _("请填写两个不同的说法。"))
    return redirect(back)
