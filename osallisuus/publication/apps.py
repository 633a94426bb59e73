from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationConfig(AppConfig):
    name = "osallisuus.publication"
    verbose_name = _("publication")

    def ready(self) -> None:
        from . import (
            permissions,  # noqa: F401  (registers the permission rules)
            story_cache,  # noqa: F401  (story changes renew the stories API's answers)
        )
