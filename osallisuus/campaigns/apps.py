from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "osallisuus.campaigns"
    verbose_name = _("Survey campaigns")

    def ready(self) -> None:
        from osallisuus.trail.services import register_input_kind

        from . import permissions  # noqa: F401  (registers the permission rules)
        from .trail_kind import CAMPAIGN_KIND

        register_input_kind(CAMPAIGN_KIND)
