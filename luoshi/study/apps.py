"""学习宣传: 应知应会 from a decision (its digest and question bank), units' study sessions, coverage."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudyConfig(AppConfig):
    name = "luoshi.study"
    label = "study"
    verbose_name = _("学习宣传")
    default_auto_field = "django.db.models.BigAutoField"
