from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# the label of the site navigation's link to the dashboard (the link is in luoshi/web's base template)
NAV_LABEL = _("驾驶舱")


class DashboardConfig(AppConfig):
    name = "luoshi.dashboard"
    label = "dashboard"
    verbose_name = _("领导驾驶舱")
    default_auto_field = "django.db.models.BigAutoField"
