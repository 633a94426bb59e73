"""Users and their roles. A resident needs no account; roles give staff their scope."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from osallisuus.organisation.models import Service, Unit


class Role(models.TextChoices):
    EXPERT = "expert", _("expert by experience / developer client")
    STAFF = "staff", _("staff member")
    UNIT_MANAGER = "unit_manager", _("unit manager")
    COORDINATOR = "coordinator", _("participation coordinator")
    DECISION_MAKER = "decision_maker", _("decision maker")
    ADMINISTRATOR = "administrator", _("administrator")


# Roles that see other people's data: they must sign in with two factors.
STAFF_ROLES = frozenset(
    {Role.STAFF, Role.UNIT_MANAGER, Role.COORDINATOR, Role.DECISION_MAKER, Role.ADMINISTRATOR}
)
# Roles whose scope is a set of units (directly, or every unit of a service).
UNIT_SCOPED_ROLES = frozenset({Role.STAFF, Role.UNIT_MANAGER})


class User(AbstractUser):
    """An account. Residents and clients may have one, but most participation needs none."""

    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
        default="fi",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class RoleAssignment(models.Model):
    """One role of a user; staff and unit managers are scoped to a unit or a whole service."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, null=True, blank=True, related_name="role_assignments"
    )
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="role_assignments"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "unit", "service"], name="unique_role_assignment"
            ),
            models.CheckConstraint(
                condition=Q(unit__isnull=True) | Q(service__isnull=True),
                name="role_scope_is_unit_or_service",
            ),
        ]

    def __str__(self) -> str:
        scope = self.unit or self.service
        return f"{self.get_role_display()} ({scope})" if scope else self.get_role_display()
