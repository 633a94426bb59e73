from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "osallisuus.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the permission rule)
