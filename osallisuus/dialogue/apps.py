from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "osallisuus.dialogue"
    verbose_name = _("Dialogue")

    def ready(self) -> None:
        from osallisuus.trail.services import register_input_kind

        from . import permissions  # noqa: F401  (registers the permission rules)
        from .trail_kind import PANEL_INITIATIVE_KIND, PANEL_QUESTION_KIND

        register_input_kind(PANEL_QUESTION_KIND)
        register_input_kind(PANEL_INITIATIVE_KIND)
