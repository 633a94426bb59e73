from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvitationsConfig(AppConfig):
    name = "osallisuus.invitations"
    verbose_name = _("Invitations")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the django-rules permissions)
