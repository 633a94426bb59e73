"""Administrators run the platform's own machinery (groups, devices, lock-outs, tasks).

They are not superusers: capability data such as lived experience stays behind its own rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .selectors import roles_of

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

PLATFORM_APPS = frozenset({"auth", "otp_totp", "otp_static", "axes", "django_tasks_database"})


class PlatformAdministratorBackend:
    """Grants administrators every permission on the platform apps listed above."""

    def authenticate(self, request: Any, **credentials: Any) -> None:
        return None

    def has_perm(self, user: User, perm: str, obj: Any = None) -> bool:
        app_label = perm.split(".", 1)[0]
        return app_label in PLATFORM_APPS and "administrator" in roles_of(user)

    def has_module_perms(self, user: User, app_label: str) -> bool:
        return app_label in PLATFORM_APPS and "administrator" in roles_of(user)
