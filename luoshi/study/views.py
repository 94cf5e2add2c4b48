"""The study screens (学习宣传): the decisions and their coverage, a decision's 应知应会 (digest and
question bank, generated, edited and rejected by the office; Word, Excel and a printable quiz), the
study sessions units record with their evidence. Every reading page has a JSON twin
(``?format=json``). Views parse input, call the models' rules or ``generating``/``coverage``, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.exchange.officialdoc import cn_number
from luoshi.ledger.models import Decision, Role, StaleEdit, unit_of
from luoshi.ledger.views.common import any_role, json_response, office_only, wants_json
from luoshi.ops.storage import download

from . import coverage as study_coverage
from . import exports
from .forms import QuestionForm, RejectForm, SessionEntryForm, WithdrawForm
from .generating import generate
from .models import (
    Guide,
    Question,
    QuestionState,
    SessionFile,
    StudySession,
    may_record,
    units_for,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _chinese() -> bool:
    return not (get_language() or "").startswith("en")


def _own_unit(request: HttpRequest) -> Any:
    """The unit whose line a unit's member sees; None for the office, leaders and auditors."""
    if Role.of(request.user) in Role.unit_roles():
        return unit_of(request.user)
    return None


def _unit_scope(request: HttpRequest) -> int | None:
    return study_coverage.scope_of(request.user)


# -- the decisions and their coverage ---------------------------------------------------------------
@any_role
def index(request: HttpRequest) -> HttpResponse:
    """Every decision with tasks or sessions, its coverage (a unit: its own line) and its bank."""
    scope = _unit_scope(request)
    rows = study_coverage.coverage(None, unit=scope)
    guides = {g.decision_id: g for g in Guide.objects.filter(decision_id__in=[c.decision for c in rows])}
    if wants_json(request):
        return json_response({"decisions": [c.as_dict(list_units=False) for c in rows]})
    return render(
        request,
        "study/index.html",
        {"rows": [(c, guides.get(c.decision)) for c in rows], "unit": _own_unit(request)},
    )


@any_role
def decision_coverage(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(Decision, pk=pk)
    scope = _unit_scope(request)
    c = study_coverage.of_decision(decision, unit=scope)
    if wants_json(request):
        return json_response(c.as_dict())
    sessions = (
        StudySession.objects.visible_to(request.user)
        .filter(decision=decision)
        .select_related("unit")
        .prefetch_related("files")
        .order_by("-held_on", "-id")
    )
    return render(
        request,
        "study/coverage.html",
        {
            "decision": decision,
            "c": c,
            "page": Paginator(sessions, 50).get_page(request.GET.get("page")),
            "can_record": units_for(request.user).exists(),
            "is_office": Role.of(request.user) == Role.OFFICE,
        },
    )


@office_only
@require_POST
def urge(request: HttpRequest, pk: int) -> HttpResponse:
    """The office sends a 催办 to every unit that has not studied the decision yet."""
    from .urging import urge_not_yet

    decision = get_object_or_404(Decision, pk=pk)
    made, before = urge_not_yet(decision, by=request.user)
    if made:
        messages.success(
            request, _("已向%(n)s个尚未学习的单位发出催办，各单位可在“督办通知”中查看。") % {"n": made}
        )
    elif before:
        messages.info(request, _("今天已向这些单位发出过催办。"))
    else:
        messages.info(request, _("没有尚未学习的单位。"))
    return redirect("study:coverage", pk=decision.pk)


# -- 应知应会: the digest and the question bank -------------------------------------------------------
@any_role
def guide(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(Decision, pk=pk)
    found = Guide.objects.filter(decision=decision).select_related("generated_by").first()
    questions = Question.objects.visible_to(request.user).filter(decision=decision)
    state = request.GET.get("state", "")
    counts = dict.fromkeys(QuestionState.values, 0)
    for s in questions.values_list("state", flat=True):
        counts[s] += 1
    if state in QuestionState.values:
        questions = questions.filter(state=state)
    elif Question.can_edit(request.user):
        questions = questions.exclude(state=QuestionState.OBSOLETE)
    if wants_json(request):
        return json_response(
            {
                "decision": decision.pk,
                "generated_at": found.generated_at.isoformat() if found else None,
                "revision": found.revision if found else None,
                "digest": found.data if found else None,
                "counts": counts,
                "questions": [q.as_dict() for q in questions],
            }
        )
    titles = exports.point_titles()
    digest = []
    if found:
        for group in exports.POINT_GROUPS:
            points = (found.data or {}).get(group) or []
            if points:
                digest.append((titles[group], [(exports.point_text(group, p), p) for p in points]))
    return render(
        request,
        "study/guide.html",
        {
            "decision": decision,
            "guide": found,
            "digest": digest,
            "questions": list(questions),
            "counts": counts,
            "state": state,
            "states": [(v, label, counts[v]) for v, label in QuestionState.choices],
            "is_office": Question.can_edit(request.user),
            "latest": decision.revisions.exclude(applied_at=None)
            .order_by("-number")
            .values_list("number", flat=True)
            .first(),
        },
    )


@office_only
@require_POST
def guide_generate(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(Decision, pk=pk)
    try:
        result = generate(decision, by=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        parts = [_("已生成应知应会：共%(n)d道试题") % {"n": result.total}]
        if result.created:
            parts.append(_("新增%(n)d道") % {"n": result.created})
        if result.updated:
            parts.append(_("按文本更新%(n)d道") % {"n": result.updated})
        if result.obsolete:
            parts.append(_("%(n)d道原文已无") % {"n": result.obsolete})
        if result.to_check:
            parts.append(_("%(n)d道督查室改过的试题原文有变化，请核对") % {"n": result.to_check})
        messages.success(request, "，".join(parts) + "。")
    return redirect("study:guide", pk=decision.pk)


def _office_question(request: HttpRequest, pk: int) -> Question:
    return get_object_or_404(Question.objects.select_related("decision"), pk=pk)


@office_only
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    q = _office_question(request, pk)
    if request.method == "POST":
        form = QuestionForm(data=request.POST, question=q)
        if form.is_valid():
            d = form.cleaned_data
            if d.get("version") is not None:
                q.version = d["version"]
            try:
                with transaction.atomic():
                    q.edit(
                        stem=d["stem"],
                        options=form.options(),
                        answer=d["answer"],
                        by=request.user,
                        note=d["note"],
                    )
            except StaleEdit as e:
                messages.error(request, e.message())
            except ValidationError as e:
                form.add_error(None, e)
            else:
                messages.success(request, _("已保存试题的修改。"))
                return redirect(f"{_guide_url(q)}#q{q.pk}")
    else:
        form = QuestionForm(question=q)
    return render(request, "study/question_form.html", {"q": q, "form": form, "decision": q.decision})


def _guide_url(q: Question) -> str:
    from django.urls import reverse

    return reverse("study:guide", args=[q.decision_id])


@office_only
@require_POST
def question_reject(request: HttpRequest, pk: int) -> HttpResponse:
    q = _office_question(request, pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(m for errs in form.errors.values() for m in errs))
        return redirect(f"{_guide_url(q)}#q{q.pk}")
    try:
        with transaction.atomic():
            q.reject(reason=form.cleaned_data["reason"], by=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, _("已剔除试题（记录保留，可恢复）。"))
    return redirect(f"{_guide_url(q)}#q{q.pk}")


@office_only
@require_POST
def question_restore(request: HttpRequest, pk: int) -> HttpResponse:
    q = _office_question(request, pk)
    try:
        with transaction.atomic():
            q.restore(by=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, _("已恢复试题。"))
    return redirect(f"{_guide_url(q)}#q{q.pk}")


def _bank(request: HttpRequest, pk: int) -> tuple[Guide, list[Question]]:
    guide = get_object_or_404(Guide.objects.select_related("decision"), decision_id=pk)
    return guide, list(Question.objects.filter(decision_id=pk, state=QuestionState.ACTIVE))


@any_role
def bank_docx(request: HttpRequest, pk: int) -> HttpResponse:
    guide, questions = _bank(request, pk)
    from luoshi.exchange.report import default_issuer

    response = HttpResponse(exports.bank_docx(guide, questions, signer=default_issuer()), content_type=DOCX)
    response["Content-Disposition"] = content_disposition_header(True, exports.filename(guide, "docx"))
    return response


@any_role
def bank_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    guide, questions = _bank(request, pk)
    response = HttpResponse(exports.bank_xlsx(guide, questions), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, exports.filename(guide, "xlsx"))
    return response


@any_role
def quiz(request: HttpRequest, pk: int) -> HttpResponse:
    """The test as cadres sit it, to print: the questions in use by kind, the answers on request."""
    guide, questions = _bank(request, pk)
    return render(
        request,
        "study/quiz.html",
        {
            "guide": guide,
            "decision": guide.decision,
            "groups": [
                (f"{cn_number(n)}、" if _chinese() else f"{n}. ", title, qs)
                for n, (_kind, title, qs) in enumerate(exports.by_kind(questions), start=1)
            ],
            "answers": request.GET.get("answers") == "1",
        },
    )


# -- study sessions ---------------------------------------------------------------------------------
@any_role
def session_list(request: HttpRequest) -> HttpResponse:
    sessions = (
        StudySession.objects.visible_to(request.user)
        .select_related("unit", "decision")
        .prefetch_related("files")
        .order_by("-held_on", "-id")
    )
    decision = None
    if (d := request.GET.get("decision", "")).isdigit():
        decision = get_object_or_404(Decision, pk=int(d))
        sessions = sessions.filter(decision=decision)
    if request.GET.get("withdrawn") != "1":
        sessions = sessions.filter(withdrawn=False)
    page = Paginator(sessions, 50).get_page(request.GET.get("page"))
    if wants_json(request):
        return json_response(
            {"count": page.paginator.count, "page": page.number, "sessions": [s.as_dict() for s in page]}
        )
    return render(
        request,
        "study/session_list.html",
        {"page": page, "decision": decision, "can_record": units_for(request.user).exists()},
    )


@any_role
def session_new(request: HttpRequest) -> HttpResponse:
    units = units_for(request.user)
    if not units.exists():
        raise PermissionDenied(_("你的角色无权登记学习记录。"))
    initial: dict[str, Any] = {}
    if (d := request.GET.get("decision", "")).isdigit():
        initial["decision"] = int(d)
    if request.method == "POST":
        form = SessionEntryForm(request.POST, request.FILES, units=units)
        if form.is_valid():
            session = form.save(commit=False)
            if not may_record(request.user, session.unit):
                raise PermissionDenied(_("你没有权限进行此操作。"))
            session.created_by = request.user
            try:
                with transaction.atomic():
                    session.full_clean()
                    session.audit_as("create", by=request.user)
                    session.save()
                    if upload := form.cleaned_data.get("evidence"):
                        SessionFile.attach(session, upload, by=request.user)
            except ValidationError as e:
                form.add_error(None, e)
            else:
                messages.success(request, _("已登记学习记录。"))
                return redirect("study:session-detail", pk=session.pk)
    else:
        form = SessionEntryForm(initial=initial, units=units)
    return render(request, "study/session_form.html", {"form": form})


def _visible_session(request: HttpRequest, pk: int) -> StudySession:
    return get_object_or_404(
        StudySession.objects.visible_to(request.user).select_related("unit", "decision", "created_by"), pk=pk
    )


@any_role
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    s = _visible_session(request, pk)
    if wants_json(request):
        return json_response(s.as_dict())
    return render(
        request,
        "study/session_detail.html",
        {
            "s": s,
            "files": s.files.select_related("uploaded_by").all(),
            "can_edit": s.can_edit(request.user),
            "withdraw_form": WithdrawForm(),
        },
    )


@any_role
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    s = _visible_session(request, pk)
    if not s.can_edit(request.user):
        raise PermissionDenied(_("你没有权限进行此操作。"))
    units = units_for(request.user)
    if request.method == "POST":
        form = SessionEntryForm(request.POST, request.FILES, instance=s, units=units)
        if form.is_valid():
            session = form.save(commit=False)
            if (v := form.cleaned_data.get("version")) is not None:
                session.version = v
            try:
                with transaction.atomic():
                    session.full_clean()
                    session.audit_as("update", by=request.user)
                    session.save()
                    if upload := form.cleaned_data.get("evidence"):
                        SessionFile.attach(session, upload, by=request.user)
            except StaleEdit as e:
                messages.error(request, e.message())
            except ValidationError as e:
                form.add_error(None, e)
            else:
                messages.success(request, _("已保存学习记录。"))
                return redirect("study:session-detail", pk=s.pk)
    else:
        form = SessionEntryForm(instance=s, units=units)
    return render(request, "study/session_form.html", {"form": form, "s": s})


@any_role
@require_POST
def session_upload(request: HttpRequest, pk: int) -> HttpResponse:
    s = _visible_session(request, pk)
    if not s.can_edit(request.user):
        raise PermissionDenied(_("你没有权限进行此操作。"))
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("请选择要上传的文件。"))
    else:
        try:
            with transaction.atomic():
                SessionFile.attach(s, upload, by=request.user)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, _("已上传佐证材料。"))
    return redirect("study:session-detail", pk=s.pk)


@any_role
@require_POST
def session_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    s = _visible_session(request, pk)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(m for errs in form.errors.values() for m in errs))
        return redirect("study:session-detail", pk=s.pk)
    try:
        with transaction.atomic():
            s.withdraw(reason=form.cleaned_data["reason"], by=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, _("已撤回学习记录（记录仍保留在留痕中）。"))
    return redirect("study:session-detail", pk=s.pk)


@any_role
def file_download(request: HttpRequest, pk: int) -> HttpResponse:
    f = get_object_or_404(SessionFile, pk=pk, session__in=StudySession.objects.visible_to(request.user))
    return download(f.file, f.name, f.content_type)


@any_role
@require_POST
def file_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    f = get_object_or_404(
        SessionFile.objects.select_related("session"),
        pk=pk,
        session__in=StudySession.objects.visible_to(request.user),
    )
    if not f.session.can_edit(request.user):
        raise PermissionDenied(_("你没有权限进行此操作。"))
    f.withdrawn = True
    f.audit_as("withdraw", by=request.user)
    f.save()
    messages.success(request, _("已撤回材料“%(name)s”（记录仍保留在留痕中）。") % {"name": f.name})
    return redirect("study:session-detail", pk=f.session_id)
