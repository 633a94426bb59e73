"""Admin screens for coordinators: the experience-area vocabulary, the fee tables and the
courses that assignment types require."""

from __future__ import annotations

from django.contrib import admin

from .models import ExperienceArea, FeeTable, TypeRequirement


@admin.register(ExperienceArea)
class ExperienceAreaAdmin(admin.ModelAdmin[ExperienceArea]):
    list_display = ["name_fi", "name_sv", "name_en", "active"]
    list_filter = ["active"]
    search_fields = ["name_fi", "name_sv", "name_en"]


@admin.register(FeeTable)
class FeeTableAdmin(admin.ModelAdmin[FeeTable]):
    list_display = [
        "role",
        "valid_from",
        "valid_to",
        "hourly_fee",
        "half_day_fee",
        "day_fee",
        "km_rate",
        "expense_allowance",
    ]
    list_filter = ["role"]


@admin.register(TypeRequirement)
class TypeRequirementAdmin(admin.ModelAdmin[TypeRequirement]):
    list_display = ["assignment_type", "course"]
