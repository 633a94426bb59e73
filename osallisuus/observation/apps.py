from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObservationConfig(AppConfig):
    name = "osallisuus.observation"
    verbose_name = _("Observation visits")

    def ready(self) -> None:
        from osallisuus.trail.services import register_input_kind

        from . import permissions  # noqa: F401  (registers the permission rules)
        from .trail_kind import FINDING_KIND

        register_input_kind(FINDING_KIND)
