from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CodevelopmentConfig(AppConfig):
    name = "osallisuus.codevelopment"
    verbose_name = _("Co-development")

    def ready(self) -> None:
        from osallisuus.trail.services import register_input_kind

        from . import permissions  # noqa: F401  (registers the django-rules permissions)
        from .trail_kind import PROJECT_OUTCOME_KIND, WORKSHOP_NOTE_KIND

        register_input_kind(WORKSHOP_NOTE_KIND)
        register_input_kind(PROJECT_OUTCOME_KIND)
