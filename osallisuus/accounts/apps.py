from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "osallisuus.accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from osallisuus import security  # noqa: F401  (registers the NUM_PROXIES deploy check)

        from . import permissions  # noqa: F401  (registers the permission rules)
