"""Indicators in the database: measured series, the targets they measure, and the office's overrides.

- :class:`Indicator`: a series of one measured quantity (粮食总产量) kept in one unit, with the breaks
  the office marks (:class:`IndicatorBreak`) and a caveat on how it differs from what targets count.
- :class:`Observation`: one measured value as it was reported (value, unit, year or month, source,
  source URL, quote, note, who and when, origin). It is converted to its indicator's unit when read;
  a unit that cannot be converted is refused at entry with a message in the user's language.
- :class:`IndicatorAlias`: a target's indicator name measured by another series (粮食综合生产能力 is
  measured by 粮食总产量), optionally with a caveat of its own. Editable by the office.
- :class:`TargetIndicator`: the office's explicit choice of series for one target (and for a relational
  target's reference), when matching by name and alias is not right.
- :class:`ConfidenceOverride`: the office's level for a target with a recorded reason; the latest wins
  and an override with no level returns the target to its computed confidence.
- :class:`AssessmentMethod`: the office's choice of method (luoshi's or Open SDG's) and base year for a
  decision's targets, or for one target; a target's choice overrides its decision's.

Every model is audited like the ledger's (each save writes an audit entry) and nothing is
hard-deleted: observations, breaks and aliases are withdrawn or disabled. The maths is pure
(``maths.py``); ``assessing.py`` feeds it from these tables in bulk.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import Audited, Decision, Role, Target, Task
from luoshi.ledger.models.audit import NoDeleteQuerySet

from .maths import Break, Methodology, Point
from .units import UnitError, compatible, convert

COMPARATORS = (">=", ">", "≈", "<=", "<", "=")


def unit_message(error: UnitError) -> str:
    """A unit error in the active language (Chinese unless the user chose English)."""
    return error.message_en if (get_language() or "").startswith("en") else error.message_zh


def can_manage(user: Any) -> bool:
    """Entering and importing values, marking breaks, editing aliases and links, overriding
    confidence: the supervision office only (units file their values through their reports)."""
    return Role.of(user) == Role.OFFICE


def can_view(user: Any) -> bool:
    """Every role may read the assessments: a decision's outline is open to every role, and so are
    its targets' assessments. Someone signed in without a role sees nothing."""
    return Role.of(user) is not None


def targets_visible_to(user: Any) -> Any:
    """The targets whose assessments ``user`` may read (a queryset of the ledger's Target): those of
    the tasks the user may read, as on every other screen and in the API."""
    if not can_view(user):
        return Target.objects.none()
    return Target.objects.filter(task__in=Task.objects.visible_to(user).values("pk"))


def _require_office(by: Any) -> None:
    """Model methods check the actor when there is one; ``by=None`` is the system (CLI, demo)."""
    if by is not None and not can_manage(by):
        raise PermissionDenied(gettext("只有督查室可以维护指标数据。"))


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


class IndicatorQuerySet(NoDeleteQuerySet):
    def by_name(self) -> dict[str, Indicator]:
        return {i.name: i for i in self}


class Indicator(Audited):
    """A measured quantity and the unit its values are assessed in."""

    name = models.CharField(_("指标名称"), max_length=200, unique=True)
    unit = models.CharField(
        _("计量单位"), max_length=30, help_text=_("各来源的数值读取时换算到此单位，例如 亿斤、万吨、万千瓦。")
    )
    description = models.TextField(_("说明"), blank=True)
    caveat_zh = models.CharField(
        _("口径说明"),
        max_length=300,
        blank=True,
        help_text=_("数据口径与目标的差异；每条评估说明都会列出。"),
    )
    caveat_en = models.CharField(_("口径说明（英文）"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("指标")
        verbose_name_plural = _("指标")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}（{self.unit}）"

    def clean(self) -> None:
        self.name = self.name.strip()
        self.unit = "".join(self.unit.split())
        if not self.name:
            raise ValidationError({"name": gettext("请填写指标名称。")})
        if not self.unit:
            raise ValidationError({"unit": gettext("请填写计量单位。")})
        if self.pk:
            for reported in (
                self.observations.filter(withdrawn=False).values_list("unit", flat=True).distinct()
            ):
                if not compatible(reported, self.unit):
                    try:
                        convert(1, reported, self.unit)
                    except UnitError as e:
                        raise ValidationError({"unit": unit_message(e)}) from None

    @classmethod
    def create(
        cls, *, name: str, unit: str, by: Any, description: str = "", caveat_zh: str = ""
    ) -> Indicator:
        _require_office(by)
        indicator = cls(name=name, unit=unit, description=description, caveat_zh=caveat_zh)
        indicator.full_clean()
        indicator.audit_as("create", by=by)
        indicator.save()
        return indicator

    def current_breaks(self) -> list[Break]:
        return [b.as_break() for b in self.breaks.filter(withdrawn=False)]


class IndicatorAlias(Audited):
    """A target's indicator name measured by a series of another name (粮食综合生产能力 → 粮食总产量)."""

    name = models.CharField(_("目标中的指标名称"), max_length=200, unique=True)
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("用以衡量的指标"), on_delete=models.PROTECT, related_name="aliases"
    )
    caveat_zh = models.CharField(
        _("口径说明"), max_length=300, blank=True, help_text=_("以该指标衡量此目标时的口径差异。")
    )
    caveat_en = models.CharField(_("口径说明（英文）"), max_length=300, blank=True)
    active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("指标别名")
        verbose_name_plural = _("指标别名")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} → {self.indicator.name}"

    def clean(self) -> None:
        self.name = self.name.strip()
        if not self.name:
            raise ValidationError({"name": gettext("请填写目标中的指标名称。")})
        if self.indicator_id and Indicator.objects.filter(name=self.name).exists():
            raise ValidationError(
                {"name": gettext("“%(name)s”本身就是一个指标，不需要别名。") % {"name": self.name}}
            )

    @classmethod
    def create(cls, *, name: str, indicator: Indicator, by: Any, caveat_zh: str = "") -> IndicatorAlias:
        _require_office(by)
        alias = cls(name=name, indicator=indicator, caveat_zh=caveat_zh)
        alias.full_clean()
        alias.audit_as("create", by=by)
        alias.save()
        return alias

    def toggle(self, *, by: Any) -> None:
        _require_office(by)
        self.active = not self.active
        self.audit_as("enable" if self.active else "disable", by=by)
        self.save()


class IndicatorBreak(Audited):
    """From ``year`` on the series is measured on a new base; assessments use only the values from the
    latest break on, and say so."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("指标"), on_delete=models.PROTECT, related_name="breaks"
    )
    year = models.PositiveSmallIntegerField(
        _("断点年份"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    reason_zh = models.CharField(_("原因"), max_length=200, default="统计口径调整")
    reason_en = models.CharField(_("原因（英文）"), max_length=200, blank=True)
    withdrawn = models.BooleanField(_("已撤销"), default=False)
    created_at = models.DateTimeField(_("标记时间"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("数据断点")
        verbose_name_plural = _("数据断点")
        ordering = ["indicator_id", "year", "id"]

    def __str__(self) -> str:
        return f"{self.indicator.name} {self.year}年 {self.reason_zh}"

    def as_break(self) -> Break:
        return Break(
            self.year, self.reason_zh or "统计口径调整", self.reason_en or "a change of measurement base"
        )

    @classmethod
    def mark(
        cls, indicator: Indicator, year: int, reason_zh: str, *, by: Any, reason_en: str = ""
    ) -> IndicatorBreak:
        _require_office(by)
        if not reason_zh.strip():
            raise ValidationError({"reason_zh": gettext("请说明断点的原因，例如“新一轮调查基数”。")})
        brk = cls(
            indicator=indicator,
            year=year,
            reason_zh=reason_zh.strip(),
            reason_en=reason_en.strip(),
            created_by=_actor(by),
        )
        brk.full_clean()
        brk.audit_as("mark", reason_zh.strip(), by=by)
        brk.save()
        return brk

    def withdraw(self, *, by: Any) -> None:
        _require_office(by)
        self.withdrawn = True
        self.audit_as("withdraw", by=by)
        self.save()


class Origin(models.TextChoices):
    MANUAL = "manual", _("手工录入")
    REPORT = "report", _("进展报告")
    IMPORT = "import", _("文件导入")
    BUNDLED = "bundled", _("内置数据")


class ObservationQuerySet(NoDeleteQuerySet):
    def current(self) -> ObservationQuerySet:
        """The values in force (withdrawn ones are kept, but no longer count)."""
        return self.filter(withdrawn=False)


class Observation(Audited):
    """One measured value of an indicator, as the source reported it."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("指标"), on_delete=models.PROTECT, related_name="observations"
    )
    year = models.PositiveSmallIntegerField(
        _("年份"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    month = models.PositiveSmallIntegerField(
        _("月份"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("年中的时点数（如截至5月底的装机）填写月份；全年数留空。"),
    )
    value = models.FloatField(_("数值"))
    unit = models.CharField(_("单位"), max_length=30, help_text=_("按来源填写；与指标单位不同时自动换算。"))
    original_value = models.CharField(_("原始数值"), max_length=60, blank=True)
    original_unit = models.CharField(_("原始单位"), max_length=60, blank=True)
    as_of = models.CharField(_("时点"), max_length=20, blank=True)
    source = models.CharField(_("来源"), max_length=200, blank=True)
    source_url = models.CharField(_("来源链接"), max_length=500, blank=True)
    quote = models.TextField(_("原文摘录"), blank=True)
    note = models.TextField(_("备注"), blank=True)
    origin = models.CharField(_("数据来源方式"), max_length=10, choices=Origin.choices, default=Origin.MANUAL)
    recorded_at = models.DateTimeField(_("录入时间"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    withdrawn = models.BooleanField(_("已撤回"), default=False)
    withdrawn_reason = models.CharField(_("撤回原因"), max_length=300, blank=True)

    objects = ObservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("指标数据")
        verbose_name_plural = _("指标数据")
        ordering = ["indicator_id", "year", "month", "recorded_at", "id"]
        indexes = [models.Index(fields=["indicator", "withdrawn", "year"])]

    def __str__(self) -> str:
        when = f"{self.year}年{self.month}月" if self.month else f"{self.year}年"
        return f"{self.indicator.name} {when} {self.value:g}{self.unit}"

    def clean(self) -> None:
        self.unit = "".join(self.unit.split())
        if not self.unit:
            raise ValidationError({"unit": gettext("请填写单位。")})
        if self.indicator_id:
            try:
                convert(1.0, self.unit, self.indicator.unit)
            except UnitError as e:
                raise ValidationError({"unit": unit_message(e)}) from None
        if self.value is not None and self.value != self.value:  # NaN
            raise ValidationError({"value": gettext("数值无效。")})

    def value_in(self, unit: str) -> float:
        return convert(self.value, self.unit, unit)

    def point(self, unit: str) -> Point:
        return Point(
            self.year,
            self.value_in(unit),
            self.month,
            self.as_of or None,
            self.source_url or None,
            self.quote or None,
            self.note or None,
        )

    @classmethod
    def record(cls, indicator: Indicator, *, by: Any, origin: str = "manual", **fields: Any) -> Observation:
        """Enter one value (the office); refused with a clear message when its unit cannot be
        converted to the indicator's."""
        _require_office(by)
        obs = cls(indicator=indicator, origin=origin, recorded_by=_actor(by), **fields)
        obs.full_clean()
        obs.audit_as("create" if origin == "manual" else origin, by=by)
        obs.save()
        return obs

    def withdraw(self, reason: str, *, by: Any) -> None:
        _require_office(by)
        if not reason.strip():
            raise ValidationError(gettext("撤回数据须说明原因。"))
        if self.withdrawn:
            return
        self.withdrawn = True
        self.withdrawn_reason = reason.strip()[:300]
        self.audit_as("withdraw", reason.strip(), by=by)
        self.save()


class TargetIndicator(Audited):
    """The office's choice of series for one target; without it a target is matched by name, then alias."""

    target = models.OneToOneField(
        Target, verbose_name=_("目标"), on_delete=models.PROTECT, related_name="indicator_link"
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("衡量指标"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("留空：按名称和别名自动匹配。"),
    )
    reference = models.ForeignKey(
        Indicator,
        verbose_name=_("参照指标"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("关系目标的另一方（例如火电装机规模）；留空：按名称自动匹配。"),
    )
    note = models.CharField(_("说明"), max_length=300, blank=True)
    set_at = models.DateTimeField(_("指定时间"), default=timezone.now)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("目标与指标的对应")
        verbose_name_plural = _("目标与指标的对应")

    def __str__(self) -> str:
        names = [x.name for x in (self.indicator, self.reference) if x is not None]
        return f"{self.target} → {' / '.join(names) or gettext('（自动匹配）')}"

    def audit_task(self) -> Any:
        return self.target.task

    @classmethod
    def link(
        cls,
        target: Any,
        indicator: Indicator | None,
        reference: Indicator | None = None,
        *,
        by: Any,
        note: str = "",
    ) -> TargetIndicator:
        """Choose the series that measure ``target`` (None: match automatically again)."""
        _require_office(by)
        if indicator is not None and target.kind == "numeric" and target.unit:
            try:
                convert(1.0, indicator.unit, target.unit)
            except UnitError as e:
                raise ValidationError({"indicator": unit_message(e)}) from None
        if target.kind == "relational" and indicator is not None and reference is not None:
            try:
                convert(1.0, reference.unit, indicator.unit)
            except UnitError as e:
                raise ValidationError({"reference": unit_message(e)}) from None
        if target.kind != "relational":
            reference = None
        with transaction.atomic():
            link = cls.objects.select_for_update().filter(target=target).first() or cls(target=target)
            link.indicator = indicator
            link.reference = reference
            link.note = note.strip()[:300]
            link.set_at = timezone.now()
            link.set_by = _actor(by)
            link.audit_as("link", note.strip(), by=by)
            link.save()
        return link


class Level(models.TextChoices):
    """Delivery confidence as the office may set it (the computed one may also be grey: unknown)."""

    GREEN = "green", _("绿：有把握按期实现")
    AMBER_GREEN = "amber_green", _("黄绿：较有把握，需关注")
    AMBER_RED = "amber_red", _("黄红：风险较大，需采取措施")
    RED = "red", _("红：难以按期实现")


class OverrideQuerySet(NoDeleteQuerySet):
    def in_force(self, target_ids: Any) -> dict[int, ConfidenceOverride]:
        """The override in force for each target (the latest; one with no level ends the override)."""
        latest: dict[int, ConfidenceOverride] = {}
        for o in self.filter(target_id__in=target_ids).select_related("by").order_by("at", "id"):
            latest[o.target_id] = o
        return {pk: o for pk, o in latest.items() if o.level}


class ConfidenceOverride(Audited):
    """The office's delivery confidence for a target, with its reason. The latest record wins."""

    target = models.ForeignKey(
        Target, verbose_name=_("目标"), on_delete=models.PROTECT, related_name="confidence_overrides"
    )
    level = models.CharField(
        _("调整为"),
        max_length=12,
        choices=Level.choices,
        blank=True,
        help_text=_("留空：恢复为系统计算的等级。"),
    )
    reason = models.TextField(_("理由"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("调整人"), null=True, blank=True, on_delete=models.PROTECT
    )
    at = models.DateTimeField(_("调整时间"), default=timezone.now)

    objects = OverrideQuerySet.as_manager()

    class Meta:
        verbose_name = _("信心等级调整")
        verbose_name_plural = _("信心等级调整")
        ordering = ["target_id", "-at", "-id"]

    def __str__(self) -> str:
        return f"{self.target} · {self.get_level_display() if self.level else gettext('恢复系统计算')}"

    def audit_task(self) -> Any:
        return self.target.task

    @property
    def by_name(self) -> str:
        if self.by is None:
            return gettext("系统")
        return str(self.by.get_full_name() or self.by.get_username())

    @classmethod
    def record(cls, target: Any, level: str, reason: str, *, by: Any) -> ConfidenceOverride:
        """Set (or with ``level=""`` clear) the office's confidence for ``target``; a reason is required."""
        _require_office(by)
        if level and level not in Level.values:
            raise ValidationError({"level": gettext("无效的信心等级。")})
        if not reason.strip():
            raise ValidationError({"reason": gettext("调整信心等级须说明理由。")})
        override = cls(target=target, level=level, reason=reason.strip(), by=_actor(by))
        override.audit_as("override" if level else "clear_override", reason.strip(), by=by)
        override.save()
        return override


class Method(models.TextChoices):
    """How a target's progress is measured (docs/indicators.md sets the two side by side)."""

    LUOSHI = "luoshi", _("落实方法（所需增速从最新值起算）")
    OPEN_SDG = "open_sdg", _("Open SDG方法（所需增速从基年起算）")


class AssessmentMethodQuerySet(NoDeleteQuerySet):
    def for_targets(self, targets: list[Any]) -> dict[str, dict[int, AssessmentMethod]]:
        """The choices that apply to ``targets``: their own and their decisions', in one query."""
        ids = [t.pk for t in targets]
        decisions = {t.decision_id for t in targets}
        out: dict[str, dict[int, AssessmentMethod]] = {"target": {}, "decision": {}}
        for m in self.filter(models.Q(target_id__in=ids) | models.Q(decision_id__in=decisions)):
            if m.target_id is not None:
                out["target"][m.target_id] = m
            elif m.decision_id is not None:
                out["decision"][m.decision_id] = m
        return out


class AssessmentMethod(Audited):
    """The office's choice of assessment method and base year, for a decision's targets or for one
    target. An empty field inherits: a target's from its decision, a decision's from luoshi's method
    and each series' first year."""

    decision = models.OneToOneField(
        Decision,
        verbose_name=_("决定"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assessment_method",
    )
    target = models.OneToOneField(
        Target,
        verbose_name=_("目标"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assessment_method",
    )
    methodology = models.CharField(
        _("评估方法"),
        max_length=10,
        choices=Method.choices,
        blank=True,
        help_text=_("留空：沿用上一级的设置（目标沿用决定的，决定默认为落实方法）。"),
    )
    base_year = models.PositiveSmallIntegerField(
        _("基年"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_(
            "此前的数据不参与计算；该年没有数据时从其后第一个有数据的年份算起。留空：沿用上一级，默认为数据的第一年。"
        ),
    )
    note = models.CharField(_("说明"), max_length=300, blank=True)
    set_at = models.DateTimeField(_("设置时间"), default=timezone.now)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = AssessmentMethodQuerySet.as_manager()

    class Meta:
        verbose_name = _("评估方法")
        verbose_name_plural = _("评估方法")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision__isnull=False, target__isnull=True)
                | models.Q(decision__isnull=True, target__isnull=False),
                name="assessment_method_of_one",
            )
        ]

    def __str__(self) -> str:
        owner = self.target if self.target_id else self.decision
        how = self.get_methodology_display() if self.methodology else gettext("沿用上一级的方法")
        if self.base_year:
            how = gettext("%(method)s，基年%(year)s年") % {"method": how, "year": self.base_year}
        return f"{owner} · {how}"

    def audit_task(self) -> Any:
        return self.target.task if self.target_id else None

    @classmethod
    def choose(
        cls,
        *,
        by: Any,
        decision: Any = None,
        target: Any = None,
        methodology: str = "",
        base_year: int | None = None,
        note: str = "",
    ) -> AssessmentMethod:
        """Set the method and base year of ``decision`` or of ``target`` (empty values inherit)."""
        _require_office(by)
        if (decision is None) == (target is None):
            raise ValueError("choose the method of a decision or of a target")
        methodology = (methodology or "").strip()
        if methodology and methodology not in Method.values:
            raise ValidationError({"methodology": gettext("无效的评估方法。")})
        if base_year is not None and not 1900 <= int(base_year) <= 2100:
            raise ValidationError({"base_year": gettext("基年应在1900年到2100年之间。")})
        with transaction.atomic():
            owner = {"decision": decision} if decision is not None else {"target": target}
            choice = cls.objects.select_for_update().filter(**owner).first() or cls(**owner)
            choice.methodology = methodology
            choice.base_year = int(base_year) if base_year is not None else None
            choice.note = note.strip()[:300]
            choice.set_at = timezone.now()
            choice.set_by = _actor(by)
            choice.full_clean(validate_unique=False)
            choice.audit_as("choose_method", note.strip(), by=by)
            choice.save()
        return choice


def effective_method(
    own: AssessmentMethod | None, decision: AssessmentMethod | None
) -> tuple[Methodology, int | None, str]:
    """(methodology, base year, where the methodology comes from: ``target``, ``decision`` or
    ``default``) for a target with its own choice and its decision's."""
    methodology: Methodology = "luoshi"
    source = "default"
    for where, m in (("decision", decision), ("target", own)):
        if m is not None and m.methodology:
            methodology = "open_sdg" if m.methodology == Method.OPEN_SDG else "luoshi"
            source = where
    base_year = next((m.base_year for m in (own, decision) if m is not None and m.base_year), None)
    return methodology, base_year, source
