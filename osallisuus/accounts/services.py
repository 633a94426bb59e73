"""Writes on accounts: granting roles and setting up two-factor devices."""

from __future__ import annotations

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from osallisuus.organisation.models import Service, Unit

from .models import Role, RoleAssignment, User

# Roles that maintain registers in the admin screens.
ADMIN_SCREEN_ROLES = frozenset({Role.COORDINATOR, Role.ADMINISTRATOR})


@transaction.atomic
def assign_role(
    *, user: User, role: str, unit: Unit | None = None, service: Service | None = None
) -> RoleAssignment:
    """Give a user a role; coordinators and administrators also get the admin screens."""
    assignment, _created = RoleAssignment.objects.get_or_create(
        user=user, role=role, unit=unit, service=service
    )
    if role in ADMIN_SCREEN_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    if hasattr(user, "_osallisuus_roles"):
        del user._osallisuus_roles
    return assignment


def confirmed_totp_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_totp_device(user: User) -> TOTPDevice:
    """The unconfirmed device being set up, created on the first visit to the set-up page."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def confirm_totp_device(device: TOTPDevice) -> None:
    device.confirmed = True
    device.save(update_fields=["confirmed"])
