from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrailConfig(AppConfig):
    name = "osallisuus.trail"
    verbose_name = _("Accountability trail")

    def ready(self) -> None:
        from .actions import permissions as _actions  # noqa: F401  (registers their rules)
        from .briefings import permissions as _briefings  # noqa: F401  (registers their rules)
        from .matters import permissions as _matters  # noqa: F401  (registers their rules)
