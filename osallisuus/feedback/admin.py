"""Admin screens for feedback: reply templates, maintained by coordinators and administrators."""

from __future__ import annotations

from django.contrib import admin

from .models import ReplyTemplate


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "unit", "service", "active"]
    list_filter = ["active", "service"]
    search_fields = ["title", "text_fi", "text_sv", "text_en"]
    autocomplete_fields = ["unit", "service"]
    fieldsets = [
        (None, {"fields": ["title", "active"]}),
        (None, {"fields": ["text_fi", "text_sv", "text_en"]}),
        (None, {"fields": ["unit", "service"]}),
    ]
