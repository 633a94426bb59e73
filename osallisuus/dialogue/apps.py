from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "osallisuus.dialogue"
    verbose_name = _("Dialogue")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the permission rules)
