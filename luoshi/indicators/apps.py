"""The Django half of ``luoshi.indicators``: series stored in the database, assessed by the pure maths."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "luoshi.indicators"
    label = "indicators"
    verbose_name = _("指标监测")
    default_auto_field = "django.db.models.BigAutoField"
