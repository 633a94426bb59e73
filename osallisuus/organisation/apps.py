from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "osallisuus.organisation"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        # The register's public answers are forgotten on any save, whoever saves.
        from . import selectors  # noqa: F401  imported for its side effect
