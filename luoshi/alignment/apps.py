"""对标对表 in the ledger: a subordinate plan aligned with a decision, the office's corrections kept,
and a confirmed alignment turned into sub-tasks (docs/alignment.md). The matching itself is the pure
``luoshi.alignment.matching``."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlignmentConfig(AppConfig):
    name = "luoshi.alignment"
    label = "alignment"
    verbose_name = _("对标对表")
    default_auto_field = "django.db.models.BigAutoField"
