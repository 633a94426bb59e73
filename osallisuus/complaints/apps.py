from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "osallisuus.complaints"
    verbose_name = _("Objections and complaints")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the django-rules permissions)
