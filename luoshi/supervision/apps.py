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
        from django.db.models.signals import post_save

        from luoshi.ledger.models import AuditEntry
        from luoshi.ledger.models.units import unit_merging

        from .freshness import audit_saved
        from .models.config import move_on_merge
        from .searching import register

        register()
        # lights follow the record: recomputed once a change to a task is committed (freshness.py)
        post_save.connect(audit_saved, sender=AuditEntry, dispatch_uid="luoshi-lights-follow-the-record")
        unit_merging.connect(move_on_merge, dispatch_uid="supervision.move_on_merge")
