from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrailConfig(AppConfig):
    name = "osallisuus.trail"
    verbose_name = _("Accountability trail")

    def ready(self) -> None:
        from .matters import permissions  # noqa: F401 - registers the matters' rules
