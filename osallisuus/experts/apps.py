from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "osallisuus.experts"
    verbose_name = _("Experts by experience")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the permission rules)
