from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressConfig(AppConfig):
    name = "luoshi.progress"
    label = "progress"
    verbose_name = _("进展报送")
    default_auto_field = "django.db.models.BigAutoField"
