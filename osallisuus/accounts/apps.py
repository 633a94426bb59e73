from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "osallisuus.accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the permission rules)
