from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    """No models: an app so that its words have their own catalogue and its API plugs in (/figures)."""

    name = "luoshi.figures"
    label = "figures"
    verbose_name = _("统计口径")
