from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "osallisuus.participation"
    verbose_name = _("My participation")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the permission rules)
