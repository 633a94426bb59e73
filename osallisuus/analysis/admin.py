"""Admin screen for label corrections: administrators read them; nobody edits the history."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import LabelCorrection


@admin.register(LabelCorrection)
class LabelCorrectionAdmin(admin.ModelAdmin[LabelCorrection]):
    list_display = ["at", "feedback", "by", "sentiment_before", "sentiment_after", "urgent_after"]
    list_filter = ["sentiment_after", "urgent_after", "lang"]
    date_hierarchy = "at"
    list_select_related = ["feedback", "by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
