from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressConfig(AppConfig):
    name = "luoshi.progress"
    label = "progress"
    verbose_name = _("进展报送")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from luoshi.ledger.models.units import unit_merging

        from .models import move_reports_on_merge

        unit_merging.connect(move_reports_on_merge, dispatch_uid="progress.move_reports_on_merge")
