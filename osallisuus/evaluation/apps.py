from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "osallisuus.evaluation"
    verbose_name = _("Evaluations")

    def ready(self) -> None:
        from osallisuus.trail.services import register_input_kind

        from . import permissions  # noqa: F401  (registers the permission rules)
        from .trail_kind import REPORT_KIND

        register_input_kind(REPORT_KIND)
