"""Admin screens: the route texts, the objection settings and the holiday calendar, county
content that coordinators keep (no legal time limit or authority is written in code)."""

from __future__ import annotations

from django.contrib import admin

from .models import Holiday, ObjectionPolicy, RouteText


@admin.register(RouteText)
class RouteTextAdmin(admin.ModelAdmin[RouteText]):
    list_display = ["route", "title_fi", "checked_on"]
    fieldsets = [
        (None, {"fields": ["route", "order"]}),
        (None, {"fields": ["title_fi", "body_fi"]}),
        (None, {"fields": ["title_sv", "body_sv"]}),
        (None, {"fields": ["title_en", "body_en"]}),
        (None, {"fields": ["source", "checked_on"]}),
    ]


@admin.register(ObjectionPolicy)
class ObjectionPolicyAdmin(admin.ModelAdmin[ObjectionPolicy]):
    list_display = ["__str__", "enabled", "answer_days", "strong_identification"]


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin[Holiday]):
    list_display = ["day", "name"]
    date_hierarchy = "day"
