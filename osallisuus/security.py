"""Request-level protections Django leaves to the project: body size limits, extra headers, and
the one rule for which address a request comes from.

Django refuses a body larger than DATA_UPLOAD_MAX_MEMORY_SIZE (form and JSON data) by raising
RequestDataTooBig, which it answers with a generic 400. A person (or a kiosk) needs to know the
request was too large, not that it was malformed, so `limit_request_size` answers 413 with a
translated page instead, and before a single byte of the body is read when the declared length
is already too large. Multipart uploads may be larger: UPLOAD_MAX_BYTES caps them as a whole.

`client_address` is what the rate limits, the API throttles and the log-in lock-out
(AXES_CLIENT_IP_CALLABLE) count against. Behind a proxy it is right only when NUM_PROXIES says
how many proxies there are; unset, every client behind the proxy shares one address and one
budget. A request cannot be seen from `manage.py check`, so a middleware leaves a mark in the
shared cache when X-Forwarded-For arrives while NUM_PROXIES is unset, and the deploy check
`proxy_count_check` reads it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.checks import CheckMessage, Tags, register
from django.core.checks import Warning as CheckWarning
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from rest_framework.exceptions import Throttled
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler, set_rollback

from osallisuus.errors import DomainError, api_body

Handler = Callable[[HttpRequest], HttpResponse]
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# Cache key of the mark "X-Forwarded-For arrived while NUM_PROXIES was unset" (its value: when).
FORWARDED_WITHOUT_PROXY_COUNT = "security:forwarded-without-num-proxies"
# The mark lasts a week; each process renews it at most once an hour, so the hot path stays
# free of cache writes.
FORWARDED_MARK_SECONDS = 7 * 24 * 3600
_FORWARDED_MARK_RENEW_SECONDS = 3600
_forwarded_marked_at = 0.0


def client_address(request: HttpRequest) -> str:
    """The address to count against: rate limits, API throttles and log-in lock-outs alike.

    Behind N proxies (NUM_PROXIES) the client is the Nth address from the end of
    X-Forwarded-For: the entries before it are whatever the client claimed. Without
    NUM_PROXIES the header is ignored, since anyone can send one and get a fresh budget.
    """
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies = api_settings.NUM_PROXIES
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    if not proxies or not forwarded:
        return remote
    addresses = forwarded.split(",")
    return addresses[-min(proxies, len(addresses))].strip() or remote


def note_forwarded_without_proxy_count(get_response: Handler) -> Handler:
    """Mark (for `check --deploy`) that a proxied request came while NUM_PROXIES is unset."""

    def middleware(request: HttpRequest) -> HttpResponse:
        global _forwarded_marked_at  # a per-process memo of the last write
        if api_settings.NUM_PROXIES is None and "HTTP_X_FORWARDED_FOR" in request.META:
            now = time.time()
            if now - _forwarded_marked_at >= _FORWARDED_MARK_RENEW_SECONDS:
                _forwarded_marked_at = now
                cache.set(FORWARDED_WITHOUT_PROXY_COUNT, now, timeout=FORWARDED_MARK_SECONDS)
        return get_response(request)

    return middleware


@register(Tags.security, deploy=True)
def proxy_count_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """`check --deploy`: NUM_PROXIES unset in production, worse when proxied requests were seen.

    NUM_PROXIES=0 declares that clients reach the app directly, and silences both.
    """
    if api_settings.NUM_PROXIES is not None:
        return []
    try:
        seen = cache.get(FORWARDED_WITHOUT_PROXY_COUNT)
    except Exception:  # no cache table yet: nothing can have been seen
        seen = None
    if seen is not None:
        return [
            CheckWarning(
                "Requests with X-Forwarded-For reached the app in the last week, but "
                "NUM_PROXIES is unset: every client behind the proxy shares the proxy's "
                "address, so the rate limits and the log-in lock-out count them all as one.",
                hint="Set NUM_PROXIES to the number of proxies in front of the app (1 behind "
                "one proxy).",
                id="osallisuus.W001",
            )
        ]
    if not settings.DEBUG:
        return [
            CheckWarning(
                "NUM_PROXIES is unset. Behind a proxy (the documented set-up) every client "
                "would share the proxy's address, so the rate limits and the log-in lock-out "
                "would count them all as one.",
                hint="Set NUM_PROXIES to the number of proxies in front of the app, or to 0 if "
                "clients reach the app directly.",
                id="osallisuus.W002",
            )
        ]
    return []


def body_limit(request: HttpRequest) -> int | None:
    """The most bytes this request's body may have (None: no limit)."""
    limit: int | None
    if request.content_type == "multipart/form-data":
        limit = getattr(settings, "UPLOAD_MAX_BYTES", None)
    else:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return limit


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
                    request.POST  # noqa: B018  reading it parses the body (see the comment above)
                except RequestDataTooBig:
                    return too_large(request)
                except MultiPartParserError:
                    # A malformed body: Django leaves POST empty; the view (or DRF's 415)
                    # answers as it would have without this middleware.
                    pass
        return get_response(request)

    return middleware


def signed_in_pages_not_cached(get_response: Handler) -> Handler:
    """What a signed-in person sees (feedback with contact details, profiles, claims) is kept
    in no browser or proxy cache: it must not outlive the session on a shared computer."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            add_never_cache_headers(response)
        return response

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
    """DRF's handler, with two additions.

    A service's refusal (`DomainError`) is a `400` with its messages by field, the body DRF
    gives a serializer's errors, so API views do not catch it. A throttled request is told in
    the caller's language when to retry: DRF's own 429 text is only partly translated into
    Finnish and Swedish.
    """
    if isinstance(exc, DomainError):
        set_rollback()  # as DRF does for the errors it handles
        return Response(api_body(exc), status=400)
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
