from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "osallisuus.statements"
    verbose_name = _("Statements")

    def ready(self) -> None:
        from osallisuus.trail.services import register_input_kind

        from . import permissions  # noqa: F401  (registers the permission rules)
        from .trail_kind import STATEMENT_KIND_OBJECT

        register_input_kind(STATEMENT_KIND_OBJECT)
