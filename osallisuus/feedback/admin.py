"""Admin screens for feedback: reply templates, maintained by coordinators and administrators, and
the question sets' form settings (which comes first), kept by administrators."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from .models import QuestionSet, ReplyTemplate


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin[ReplyTemplate]):
    list_display = ["title", "unit", "service", "active"]
    list_filter = ["active", "service"]
    search_fields = ["title", "text_fi", "text_sv", "text_en"]
    autocomplete_fields = ["unit", "service"]
    fieldsets = [
        (None, {"fields": ["title", "active"]}),
        (None, {"fields": ["text_fi", "text_sv", "text_en"]}),
        (None, {"fields": ["unit", "service"]}),
    ]


@admin.register(QuestionSet)
class QuestionSetAdmin(admin.ModelAdmin[QuestionSet]):
    """The form settings of a question set; its questions are versioned data, not edited here."""

    list_display = ["name_fi", "key", "version", "active", "is_default", "comment_first"]
    list_filter = ["active", "comment_first"]
    fields = ["key", "version", "name_fi", "name_sv", "name_en", "active", "comment_first"]
    readonly_fields = ["key", "version", "name_fi", "name_sv", "name_en", "active"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
