"""学习宣传 in the ledger: a decision's 应知应会 (its digest and its question bank, as generated and as
the office edited them), the study sessions units record, and their evidence files.

- ``Guide``: one per decision, the digest generated from its latest applied text (``generating``).
- ``Question``: the bank, one row per question key; what the generator wrote is kept beside what the
  office changed (an edit equal to the generated text is stored empty, so it keeps following the
  text); a rejected question is kept, never deleted, and a question the text no longer gives is
  marked so. ``questions visible_to`` a user: the office and auditors see every state, other roles
  the questions in use.
- ``StudySession``: a unit's session on a decision (date, form, attendance and who led it, material);
  a unit sees and records its own, the office sees all and may record for any unit; withdrawn with a
  reason, never deleted.
- ``SessionFile``: an evidence file of a session, checked and stored like a progress report's
  (``luoshi.ledger.uploads``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import Audited, Decision, Role, Unit, Versioned, unit_of
from luoshi.ledger.models.audit import NoDeleteQuerySet
from luoshi.web.display import day

from .bank import BLANK, LETTERS

MAX_ATTENDANCE = 100_000  # people at one session: more is a typing error


class Guide(Audited):
    """A decision's 应知应会: the digest of its latest applied text, and when the bank was generated."""

    audit_exclude = frozenset({"version", "data"})

    decision = models.OneToOneField(
        Decision, verbose_name=_("决定"), on_delete=models.PROTECT, related_name="study_guide"
    )
    data = models.JSONField(_("应知应会要点"), default=dict)
    revision = models.PositiveIntegerField(_("生成所据的导入版次"), default=0)
    questions = models.PositiveIntegerField(_("生成的试题数"), default=0)
    generated_at = models.DateTimeField(_("生成时间"), default=timezone.now)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("生成人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("应知应会")
        verbose_name_plural = _("应知应会")

    def __str__(self) -> str:
        return gettext("《%(decision)s》应知应会") % {"decision": self.decision.title.strip("《》")}


class QuestionKind(models.TextChoices):
    FILL = "fill", _("填空题")
    CHOICE = "choice", _("单项选择题")
    JUDGE = "judge", _("判断题")


class Topic(models.TextChoices):
    VALUE = "value", _("目标数值")
    YEAR = "year", _("目标年份")
    INDICATOR = "indicator", _("目标指标")
    PROGRAMME = "programme", _("工程行动")
    FORMULATION = "formulation", _("重要提法")


class QuestionState(models.TextChoices):
    ACTIVE = "active", _("在用")
    REJECTED = "rejected", _("已剔除")
    OBSOLETE = "obsolete", _("原文已无此题")


JUDGE_WORDS = {"T": _("正确"), "F": _("错误")}


class QuestionQuerySet(NoDeleteQuerySet):
    def visible_to(self, user: Any) -> QuestionQuerySet:
        """The office and auditors see every question; leaders and units the questions in use."""
        role = Role.of(user)
        if role in {Role.OFFICE, Role.AUDITOR}:
            return self
        if role is None:
            return self.none()
        return self.filter(state=QuestionState.ACTIVE)

    def active(self) -> QuestionQuerySet:
        return self.filter(state=QuestionState.ACTIVE)


class Question(Versioned, Audited):
    decision = models.ForeignKey(
        Decision, verbose_name=_("决定"), on_delete=models.PROTECT, related_name="study_questions"
    )
    key = models.CharField(_("试题编号"), max_length=300)
    kind = models.CharField(_("题型"), max_length=8, choices=QuestionKind.choices)
    topic = models.CharField(_("考点"), max_length=12, choices=Topic.choices)
    order = models.PositiveIntegerField(_("排序"), default=0)
    # as generated from the text
    stem = models.TextField(_("题干（生成）"))
    options = models.JSONField(_("选项（生成）"), default=list, blank=True)
    answer = models.CharField(_("答案（生成）"), max_length=300)
    # as the office changed them (empty: as generated)
    edited_stem = models.TextField(_("题干"), blank=True)
    edited_options = models.JSONField(_("选项"), default=list, blank=True)
    edited_answer = models.CharField(_("答案"), max_length=300, blank=True)
    # where it comes from
    sentence = models.TextField(_("原文"), blank=True)
    item = models.CharField(_("条目编号"), max_length=40, blank=True)
    section_label = models.CharField(_("所在章节"), max_length=300, blank=True)
    note = models.TextField(_("解析"), blank=True)
    state = models.CharField(
        _("状态"), max_length=10, choices=QuestionState.choices, default=QuestionState.ACTIVE, db_index=True
    )
    state_note = models.CharField(_("剔除说明"), max_length=300, blank=True)
    text_changed = models.BooleanField(
        _("原文已修改，待核对"),
        default=False,
        help_text=_("督查室改过此题后，修订稿又改变了生成的内容。"),
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("应知应会试题")
        verbose_name_plural = _("应知应会试题")
        ordering = ["decision_id", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["decision", "key"], name="study_question_key_unique")]
        indexes = [models.Index(fields=["decision", "state", "order"])]

    def __str__(self) -> str:
        text = self.shown_stem
        return text if len(text) <= 60 else text[:59] + "…"

    # -- what a person reads -------------------------------------------------------------------------
    @property
    def shown_stem(self) -> str:
        return self.edited_stem or self.stem

    @property
    def shown_options(self) -> list[str]:
        return list(self.edited_options or self.options or [])

    @property
    def shown_answer(self) -> str:
        return self.edited_answer or self.answer

    @property
    def edited(self) -> bool:
        return bool(self.edited_stem or self.edited_options or self.edited_answer)

    @property
    def lettered(self) -> list[tuple[str, str]]:
        return list(zip(LETTERS, self.shown_options, strict=False))

    def answer_display(self) -> str:
        """The answer in words: B．45%, 正确, or the words of a fill-in."""
        answer = self.shown_answer
        if self.kind == QuestionKind.CHOICE:
            options = dict(self.lettered)
            return f"{answer}．{options[answer]}" if answer in options else answer
        if self.kind == QuestionKind.JUDGE:
            return str(JUDGE_WORDS.get(answer, answer))
        return answer

    def as_dict(self) -> dict[str, Any]:
        """The question as the JSON twin and the API give it: what a person reads, and its source."""
        return {
            "id": self.pk,
            "key": self.key,
            "kind": self.kind,
            "topic": self.topic,
            "stem": self.shown_stem,
            "options": self.shown_options,
            "answer": self.shown_answer,
            "answer_display": self.answer_display(),
            "sentence": self.sentence,
            "section": self.section_label,
            "state": self.state,
            "edited": self.edited,
            "text_changed": self.text_changed,
        }

    # -- rules ---------------------------------------------------------------------------------------
    @staticmethod
    def can_edit(user: Any) -> bool:
        """Generate, edit, reject and restore: the office only."""
        return Role.of(user) == Role.OFFICE

    def _require(self, user: Any) -> None:
        if not self.can_edit(user):
            raise PermissionDenied(gettext("你没有权限进行此操作。"))

    def edit(self, *, stem: str, options: list[str], answer: str, by: Any, note: str = "") -> None:
        """The office's wording: the stem, a choice's four options and the answer. What equals the
        generated text is stored empty, so that it keeps following the text."""
        self._require(by)
        stem = stem.strip()
        options = [o.strip() for o in options]
        answer = answer.strip()
        if self.kind == QuestionKind.CHOICE:
            answer = answer.upper()
        clean_question(self.kind, stem, options, answer)
        self.edited_stem = "" if stem == self.stem else stem
        self.edited_options = [] if self.kind != QuestionKind.CHOICE or options == self.options else options
        self.edited_answer = "" if answer == self.answer else answer
        self.text_changed = False
        self.audit_as("reword", note, by=by)
        self.save()

    def reject(self, *, reason: str, by: Any) -> None:
        self._require(by)
        if self.state == QuestionState.REJECTED:
            raise ValidationError(gettext("此题已剔除。"))
        self.state = QuestionState.REJECTED
        self.state_note = reason.strip()[:300]
        self.audit_as("reject", self.state_note, by=by)
        self.save()

    def restore(self, *, by: Any) -> None:
        self._require(by)
        if self.state != QuestionState.REJECTED:
            raise ValidationError(gettext("只有已剔除的试题可以恢复。"))
        self.state = QuestionState.ACTIVE
        self.state_note = ""
        self.audit_as("restore", by=by)
        self.save()


def clean_question(kind: str, stem: str, options: list[str], answer: str) -> None:
    """Refuse a question a cadre could not answer: no stem, a fill-in without a blank, a choice
    without four different options or with an answer that is none of them, a true/false answer that
    is neither."""
    errors: dict[str, str] = {}
    if not stem:
        errors["stem"] = gettext("题干不能为空。")
    elif kind == QuestionKind.FILL and "__" not in stem:
        errors["stem"] = gettext("填空题的题干须含有空格（%(blank)s）。") % {"blank": BLANK}
    if kind == QuestionKind.CHOICE:
        if len(options) != len(LETTERS) or any(not o for o in options):
            errors["options"] = gettext("单项选择题须有A、B、C、D四个选项，且都不能为空。")
        elif len(set(options)) != len(options):
            errors["options"] = gettext("选项不能相同。")
        if answer not in LETTERS:
            errors["answer"] = gettext("答案须是A、B、C、D中的一个。")
    elif kind == QuestionKind.JUDGE:
        if answer not in JUDGE_WORDS:
            errors["answer"] = gettext("判断题的答案须是“正确”或“错误”。")
    elif not answer:
        errors["answer"] = gettext("答案不能为空。")
    if errors:
        raise ValidationError(errors)


# -- study sessions -----------------------------------------------------------------------------------------
class SessionForm(models.TextChoices):
    GROUP = "group", _("理论学习中心组学习")
    LECTURE = "lecture", _("专题宣讲")
    TRAINING = "training", _("专题培训")
    BRANCH = "branch", _("党支部学习")
    SEMINAR = "seminar", _("专题研讨")
    OTHER = "other", _("其他")


class SessionQuerySet(NoDeleteQuerySet):
    def visible_to(self, user: Any) -> SessionQuerySet:
        """The office, leaders and auditors see every session; a unit its own."""
        role = Role.of(user)
        if role in {Role.OFFICE, Role.LEADER, Role.AUDITOR}:
            return self
        unit = unit_of(user)
        if role in Role.unit_roles() and unit is not None:
            return self.filter(unit=unit)
        return self.none()

    def counted(self) -> SessionQuerySet:
        """The sessions the figures count: not withdrawn."""
        return self.filter(withdrawn=False)


def may_record(user: Any, unit: Unit | None) -> bool:
    """Record a session for ``unit``: its reporter or leader, or the office (for any unit)."""
    role = Role.of(user)
    if role == Role.OFFICE:
        return True
    mine = unit_of(user)
    return role in Role.unit_roles() and mine is not None and unit is not None and mine.pk == unit.pk


def units_for(user: Any) -> Any:
    """The units ``user`` may record a session for."""
    if Role.of(user) == Role.OFFICE:
        return Unit.objects.active()
    mine = unit_of(user)
    if mine is None or Role.of(user) not in Role.unit_roles():
        return Unit.objects.none()
    return Unit.objects.filter(pk=mine.pk)


class StudySession(Versioned, Audited):
    decision = models.ForeignKey(
        Decision, verbose_name=_("学习的决定"), on_delete=models.PROTECT, related_name="study_sessions"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("学习单位"), on_delete=models.PROTECT, related_name="study_sessions"
    )
    held_on = models.DateField(_("学习日期"), db_index=True)
    form = models.CharField(_("学习形式"), max_length=10, choices=SessionForm.choices)
    title = models.CharField(_("学习主题"), max_length=200)
    led_by = models.CharField(_("主持或主讲人"), max_length=100)
    attendance = models.PositiveIntegerField(
        _("参加人数"), validators=[MinValueValidator(1), MaxValueValidator(MAX_ATTENDANCE)]
    )
    material = models.TextField(_("学习材料"), blank=True)
    summary = models.TextField(_("学习情况"), blank=True)
    created_at = models.DateTimeField(_("登记时间"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    withdrawn = models.BooleanField(_("已撤回"), default=False)
    withdrawn_reason = models.CharField(_("撤回理由"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("演示数据"), default=False)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("学习记录")
        verbose_name_plural = _("学习记录")
        ordering = ["-held_on", "-id"]
        indexes = [
            models.Index(fields=["decision", "unit", "withdrawn"]),
            models.Index(fields=["unit", "held_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {day(self.held_on)} · {self.get_form_display()}"

    def clean(self) -> None:
        if self.held_on and self.held_on > timezone.localdate():
            raise ValidationError({"held_on": gettext("学习日期不能晚于今天。")})
        if self.unit_id and not Unit.objects.filter(pk=self.unit_id, active=True).exists():
            raise ValidationError({"unit": gettext("该单位已停用。")})

    def as_dict(self) -> dict[str, Any]:
        """The session as the JSON twin and the API give it (its files prefetched or read)."""
        return {
            "id": self.pk,
            "decision": self.decision_id,
            "unit": self.unit_id,
            "unit_name": self.unit.name,
            "held_on": self.held_on.isoformat(),
            "form": self.form,
            "form_display": self.get_form_display(),
            "title": self.title,
            "led_by": self.led_by,
            "attendance": self.attendance,
            "material": self.material,
            "summary": self.summary,
            "withdrawn": self.withdrawn,
            "withdrawn_reason": self.withdrawn_reason,
            "created_at": self.created_at.isoformat(),
            "files": [
                {"id": f.pk, "name": f.name, "size": f.size, "kind": f.kind}
                for f in self.files.all()
                if not f.withdrawn
            ],
        }

    def can_edit(self, user: Any) -> bool:
        """Change, add files, withdraw: the unit's reporter or leader, or the office; not once withdrawn."""
        return not self.withdrawn and may_record(user, self.unit)

    def withdraw(self, *, reason: str, by: Any) -> None:
        if not self.can_edit(by):
            raise PermissionDenied(gettext("你没有权限进行此操作。"))
        if not reason.strip():
            raise ValidationError(gettext("撤回学习记录须说明理由。"))
        self.withdrawn = True
        self.withdrawn_reason = reason.strip()[:300]
        self.audit_as("withdraw", self.withdrawn_reason, by=by)
        self.save()


def session_file_path(instance: SessionFile, filename: str) -> str:
    now = timezone.now()
    return f"study/{now:%Y/%m}/{instance.sha256[:16]}-{instance.session_id}.{instance.kind}"


class SessionFile(Audited):
    """A session's evidence (签到表, 会议记录, 照片 …): checked and stored as a report's evidence is."""

    session = models.ForeignKey(
        StudySession, verbose_name=_("学习记录"), on_delete=models.PROTECT, related_name="files"
    )
    file = models.FileField(_("文件"), upload_to=session_file_path, max_length=300)
    name = models.CharField(_("文件名"), max_length=200)
    kind = models.CharField(_("类型"), max_length=8)
    content_type = models.CharField(_("内容类型"), max_length=120)
    size = models.PositiveBigIntegerField(_("大小"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(_("上传时间"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    withdrawn = models.BooleanField(_("已撤回"), default=False)

    class Meta:
        verbose_name = _("学习佐证材料")
        verbose_name_plural = _("学习佐证材料")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def attach(cls, session: StudySession, upload: Any, *, by: Any) -> SessionFile:
        """Check the file (size, type by content, zip bombs) and store it with the session; the caller
        checks that the user may edit the session."""
        from luoshi.ledger.uploads import EVIDENCE_KINDS, accept, store

        a = accept(upload, EVIDENCE_KINDS)
        row = cls(
            session=session,
            name=a.name,
            kind=a.kind,
            content_type=a.content_type,
            size=a.size,
            sha256=a.sha256,
            uploaded_by=by if getattr(by, "pk", None) else None,
        )
        store(row, upload, a.name)
        return row
