"""Admin screens for accounts: administrators manage users and their scoped roles."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from osallisuus.audit.admin import AuditedAdminMixin

from .models import RoleAssignment, User


# Stacked, not tabular: a tabular row has no label on its inputs (axe: label).
class RoleAssignmentInline(admin.StackedInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["unit", "service"]


@admin.register(User)
class UserAdmin(AuditedAdminMixin, DjangoUserAdmin):
    inlines = [RoleAssignmentInline]
    list_display = ["username", "first_name", "last_name", "is_active"]
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (_("Language"), {"fields": ["preferred_language"]}),
    )


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "unit", "service"]
    list_filter = ["role"]
    autocomplete_fields = ["user", "unit", "service"]
    search_fields = ["user__username", "unit__name_fi", "service__name_fi"]
