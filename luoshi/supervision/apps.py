from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# the label of the site navigation's link to these screens (the link is in luoshi/web's base template)
NAV_LABEL = _("督查")


class SupervisionConfig(AppConfig):
    name = "luoshi.supervision"
    label = "supervision"
    verbose_name = _("督查督办")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .searching import register

        register()
