"""Request-level protections Django leaves to the project: body size limits and extra headers.

Django refuses a body larger than DATA_UPLOAD_MAX_MEMORY_SIZE (form and JSON data) by raising
RequestDataTooBig, which it answers with a generic 400. A person (or a kiosk) needs to know the
request was too large, not that it was malformed, so `limit_request_size` answers 413 with a
translated page instead, and before a single byte of the body is read when the declared length
is already too large. Multipart uploads may be larger: UPLOAD_MAX_BYTES caps them as a whole.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.translation import gettext as _
from rest_framework.exceptions import Throttled
from rest_framework.response import Response
from rest_framework.views import exception_handler

Handler = Callable[[HttpRequest], HttpResponse]
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def body_limit(request: HttpRequest) -> int | None:
    """The most bytes this request's body may have (None: no limit)."""
    if request.content_type == "multipart/form-data":
        return getattr(settings, "UPLOAD_MAX_BYTES", None)
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def too_large(request: HttpRequest) -> HttpResponse:
    """413 in the language of the request: JSON for the API, a page for people."""
    message = _("The request is too large. Shorten the text or send a smaller file.")
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=413)
    return render(request, "request_too_large.html", {"message": message}, status=413)


def limit_request_size(get_response: Handler) -> Handler:
    """Answer 413 to bodies over the limit (after LocaleMiddleware: the page is translated)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.method in BODY_METHODS:
            limit = body_limit(request)
            try:
                declared = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                declared = 0
            if limit is not None and declared > limit:
                return too_large(request)
            if request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
                try:
                    # Parse now, where the size error can still be answered with 413; the parsed
                    # data is cached on the request for the CSRF check and the view.
                    request.POST  # noqa: B018
                except RequestDataTooBig:
                    return too_large(request)
                except MultiPartParserError:
                    # A malformed body: Django leaves POST empty; the view (or DRF's 415)
                    # answers as it would have without this middleware.
                    pass
        return get_response(request)

    return middleware


def permissions_policy(get_response: Handler) -> Handler:
    """Turn off browser features no page uses (camera, microphone, location, payment...)."""
    policy = getattr(settings, "PERMISSIONS_POLICY", "")

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response

    return middleware


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, with a throttled request told in the caller's language when to retry.

    DRF's own 429 text is only partly translated into Finnish and Swedish.
    """
    response = exception_handler(exc, context)
    if isinstance(exc, Throttled) and response is not None:
        response.data = {
            "detail": _(
                "Too many attempts were made from your connection in a short time. "
                "Wait a minute and try again."
            ),
            "retry_after_seconds": int(getattr(exc, "wait", None) or 60),
        }
    return response
