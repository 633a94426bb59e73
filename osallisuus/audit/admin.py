"""Admin screens: a read-only audit log, and a mixin that logs staff views of personal data."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from osallisuus.authorization import signed_in

from .models import AccessLog
from .services import record_access


class AuditedAdminMixin:
    """Log every admin view or change of an object that holds personal data."""

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        response: HttpResponse = super().change_view(request, object_id, form_url, extra_context)  # type: ignore[misc]
        obj = self.get_object(request, object_id)  # type: ignore[attr-defined]
        if obj is not None and response.status_code in (200, 302):
            action = AccessLog.Action.CHANGE if request.method == "POST" else AccessLog.Action.VIEW
            # The admin site lets only signed-in staff this far.
            record_access(actor=signed_in(request.user), obj=obj, action=action, path=request.path)
        return response


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin[AccessLog]):
    list_display = ["at", "actor", "action", "object_type", "object_id", "reason"]
    list_filter = ["action", "object_type"]
    search_fields = ["actor__username", "object_id"]
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
