from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CodevelopmentConfig(AppConfig):
    name = "osallisuus.codevelopment"
    verbose_name = _("Co-development")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the django-rules permissions)
