"""The answer to a locked-out sign-in (django-axes' AXES_LOCKOUT_CALLABLE).

Wrong passwords and wrong one-time codes lock alike; the API's callers get JSON they can show,
people get the page, both 429 and in the request's language.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    status = settings.AXES_HTTP_RESPONSE_CODE
    if request.path.startswith("/api/"):
        minutes = max(1, round(float(settings.AXES_COOLOFF_TIME) * 60))
        return JsonResponse(
            {
                "detail": _(
                    "Too many wrong codes or passwords. Signing in is blocked for a while; "
                    "try again later."
                ),
                "retry_after_seconds": minutes * 60,
            },
            status=status,
        )
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=status)
