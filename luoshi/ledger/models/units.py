"""The catalogue of organisations (单位): departments, party organs, leagues and cities, banners and counties."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from .audit import Audited, NoDeleteQuerySet


class UnitKind(models.TextChoices):
    DEPARTMENT = "department", _("政府部门")
    PARTY_ORGAN = "party_organ", _("党委机关")
    LEAGUE_CITY = "league_city", _("盟市")
    BANNER_COUNTY = "banner_county", _("旗县（市、区）")
    OTHER = "other", _("其他单位")


class UnitQuerySet(NoDeleteQuerySet):
    def active(self) -> UnitQuerySet:
        return self.filter(active=True)

    def leagues(self) -> UnitQuerySet:
        return self.filter(kind=UnitKind.LEAGUE_CITY, active=True)

    def within(self, league: Unit) -> UnitQuerySet:
        """Units that belong to ``league`` (its banners, counties and departments), not the league itself."""
        return self.filter(league=league, active=True).exclude(pk=league.pk)

    def by_division(self) -> dict[str, Unit]:
        return {u.division_code: u for u in self.active().exclude(division_code="")}


class Unit(Audited):
    code = models.CharField(_("单位代码"), max_length=40, unique=True)
    name = models.CharField(_("单位名称"), max_length=120)
    short = models.CharField(_("简称"), max_length=40, blank=True)
    kind = models.CharField(_("类别"), max_length=20, choices=UnitKind.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    league = models.ForeignKey(
        "self",
        verbose_name=_("所属盟市"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("盟市本身及其所属旗县、部门都指向该盟市；自治区直属单位为空。"),
    )
    division_code = models.CharField(_("行政区划代码"), max_length=12, blank=True, db_index=True)
    order = models.PositiveIntegerField(_("排序"), default=0)
    active = models.BooleanField(_("在用"), default=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("单位")
        verbose_name_plural = _("单位")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short or self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.league_id = self.compute_league_id()
        super().save(*args, **kwargs)
        if self.kind == UnitKind.LEAGUE_CITY and self.league_id != self.pk:
            # A league or city is its own league: known only once it has a primary key (derived, not audited).
            type(self)._base_manager.filter(pk=self.pk).update(league_id=self.pk)
            self.league_id = self.pk
            self._audit_loaded["league_id"] = self.pk

    def compute_league_id(self) -> int | None:
        if self.kind == UnitKind.LEAGUE_CITY:
            return self.pk  # None on first save: fixed just below
        if self.parent_id is None:
            return None
        parent = self.parent
        return parent.pk if parent.kind == UnitKind.LEAGUE_CITY else parent.league_id

    @property
    def is_league(self) -> bool:
        return self.kind == UnitKind.LEAGUE_CITY
