"""A shorter middleware stack for the public JSON API paths an anonymous caller uses most:
the feedback intake, the kiosk intake, the question set and the unit list.

Their views take no session and no token (`authentication_classes = []`, AllowAny; a test
checks it for every path here), so sessions, CSRF, authentication, two-factor, messages and
the log-in lock-out have nothing to do for them, yet each costs every request some work.
`with_api_lane` wraps the WSGI application: an exact path of LANE_PATHS from a request that
carries no session cookie is served by a second Django handler built from MIDDLEWARE without
LANE_SKIPS; everything else, and any request with a session cookie (a signed-in browser keeps
every rule it had: two-factor, never-cached pages), takes the full stack. The lane keeps the
rest of MIDDLEWARE in its order: security headers (HSTS, nosniff, referrer and opener
policies, CSP, permissions policy, frame options), the language of the request (translated
field errors), the 413 for an oversized body and CommonMiddleware. A middleware added to
MIDDLEWARE later joins the lane too unless it is named in LANE_SKIPS.

The test client does not pass through here; osallisuus/tests/test_api_lane.py calls the WSGI
application itself and compares the two stacks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler

LANE_PATHS = frozenset(
    {
        "/api/v1/feedback/",
        "/api/v1/feedback/kiosk/",
        "/api/v1/question-sets/",
        "/api/v1/units/",
    }
)
# What an anonymous JSON request to those paths never uses.
LANE_SKIPS = frozenset(
    {
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "osallisuus.security.signed_in_pages_not_cached",
        "django_otp.middleware.OTPMiddleware",
        "osallisuus.accounts.middleware.require_two_factor_for_staff",
        "django.contrib.messages.middleware.MessageMiddleware",
        "axes.middleware.AxesMiddleware",
    }
)

WSGIApplication = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def lane_middleware() -> list[str]:
    return [path for path in settings.MIDDLEWARE if path not in LANE_SKIPS]


class LaneHandler(WSGIHandler):
    """Django's own WSGI handler, its chain built from `lane_middleware()`."""

    def load_middleware(self, is_async: bool = False) -> None:
        full = settings.MIDDLEWARE
        # Django builds the chain from settings.MIDDLEWARE; the swap lasts only while it does
        # (once, when the process loads the application).
        settings.MIDDLEWARE = lane_middleware()
        try:
            super().load_middleware(is_async)
        finally:
            settings.MIDDLEWARE = full


def takes_lane(environ: dict[str, Any]) -> bool:
    if environ.get("PATH_INFO") not in LANE_PATHS:
        return False
    return f"{settings.SESSION_COOKIE_NAME}=" not in environ.get("HTTP_COOKIE", "")


def with_api_lane(application: WSGIApplication) -> WSGIApplication:
    """`application` for every request but those `takes_lane` picks."""
    lane = LaneHandler()

    def dispatch(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if takes_lane(environ):
            return lane(environ, start_response)
        return application(environ, start_response)

    return dispatch
