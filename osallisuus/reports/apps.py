from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "osallisuus.reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from osallisuus.feedback.signals import feedback_changed

        from . import permissions  # noqa: F401 (registers the rules)
        from .services import refresh_rollups_on_change

        feedback_changed.connect(refresh_rollups_on_change, dispatch_uid="reports-rollups")
