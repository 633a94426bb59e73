from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "osallisuus.training"
    verbose_name = _("Training courses")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the permission rules)
