"""The public JSON API paths' shorter middleware stack (osallisuus/api_lane.py) answers as the
full stack does: the same security headers, the caller's language, 413, idempotency.

The test client builds its own handler, so these tests call the WSGI application itself.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from django.urls import resolve
from rest_framework.permissions import AllowAny

from osallisuus.api_lane import LANE_PATHS, LANE_SKIPS, lane_middleware, takes_lane, with_api_lane
from osallisuus.feedback.models import Feedback

pytestmark = pytest.mark.django_db

SECURITY_HEADERS = (
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
    "Content-Security-Policy",
    "Permissions-Policy",
    "Strict-Transport-Security",
    "Content-Language",
)


def call(application: Any, method: str, path: str, body: Any = None, **headers: str) -> Any:
    """(status, headers, body) of one request through a WSGI application, on the test's
    database connection (as the test client does, the connection is not closed after it)."""
    factory = RequestFactory()
    if method == "GET":
        environ = factory.get(path, **headers).environ
    else:
        environ = factory.post(
            path, json.dumps(body), content_type="application/json", **headers
        ).environ
    seen: dict[str, Any] = {}

    def start_response(status: str, response_headers: list[tuple[str, str]], *_: Any) -> None:
        seen["status"] = int(status.split()[0])
        seen["headers"] = dict(response_headers)

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        content = b"".join(application(environ, start_response))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return seen["status"], seen["headers"], content


@pytest.fixture
def stacks() -> tuple[Any, Any]:
    full = WSGIHandler()
    return full, with_api_lane(full)


def intake(key: str, **extra: Any) -> dict[str, Any]:
    return {
        "unit_code": "KST",
        "answers": [{"question": "encounter", "value": 4}],
        "text": "Hoitaja oli ystävällinen.",
        "idempotency_key": key,
        **extra,
    }


def test_every_lane_path_is_a_view_without_sessions_or_tokens():
    for path in LANE_PATHS:
        view = resolve(path).func.view_class  # type: ignore[attr-defined]
        assert view.authentication_classes == [], path
        assert all(issubclass(p, AllowAny) for p in view.permission_classes), path


def test_the_lane_leaves_out_only_what_an_anonymous_json_request_never_uses(settings):
    kept = lane_middleware()
    assert kept == [m for m in settings.MIDDLEWARE if m not in LANE_SKIPS]
    assert "django.middleware.security.SecurityMiddleware" in kept
    assert "csp.middleware.CSPMiddleware" in kept
    assert "django.middleware.locale.LocaleMiddleware" in kept
    assert "osallisuus.security.limit_request_size" in kept
    assert "django.contrib.sessions.middleware.SessionMiddleware" not in kept


def test_a_request_with_a_session_cookie_or_another_path_takes_the_full_stack(settings):
    environ = RequestFactory().post("/api/v1/feedback/").environ
    assert takes_lane(environ)
    environ["HTTP_COOKIE"] = f"{settings.SESSION_COOKIE_NAME}=abc"
    assert not takes_lane(environ)
    assert not takes_lane(RequestFactory().get("/api/v1/feedback/ABC123/").environ)
    assert not takes_lane(RequestFactory().get("/api/v1/units/KST/stories/").environ)


def test_an_intake_on_the_lane_is_stored_once_with_the_full_stacks_security_headers(unit, stacks):
    full, lane = stacks
    status_full, headers_full, _ = call(full, "POST", "/api/v1/feedback/", intake("a"))
    status, headers, body = call(lane, "POST", "/api/v1/feedback/", intake("b"))
    assert (status_full, status) == (201, 201)
    for name in SECURITY_HEADERS:
        assert headers.get(name) == headers_full.get(name), name
    assert "X-Frame-Options" in headers and "Content-Security-Policy" in headers
    assert "Set-Cookie" not in headers
    reply_code = json.loads(body)["reply_code"]
    again_status, _, again = call(lane, "POST", "/api/v1/feedback/", intake("b"))
    assert again_status == 200 and json.loads(again)["reply_code"] == reply_code
    assert Feedback.objects.filter(idempotency_key="b").count() == 1


def test_field_errors_on_the_lane_come_in_the_callers_language(unit, stacks):
    full, lane = stacks
    bad = intake("c", unit_code="", contact_email="not-an-address")
    answers = {
        language: call(stack, "POST", "/api/v1/feedback/", bad, HTTP_ACCEPT_LANGUAGE=language)
        for language in ("fi", "sv")
        for stack in (lane,)
    }
    full_sv = call(full, "POST", "/api/v1/feedback/", bad, HTTP_ACCEPT_LANGUAGE="sv")
    assert answers["sv"][0] == answers["fi"][0] == 400
    assert json.loads(answers["sv"][2]) == json.loads(full_sv[2])
    assert json.loads(answers["sv"][2]) != json.loads(answers["fi"][2])
    assert set(json.loads(answers["sv"][2])) == {"unit_code", "contact_email"}
    assert not Feedback.objects.exists()


def test_an_oversized_body_is_refused_with_413_on_the_lane(unit, stacks, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 200
    _full, lane = stacks
    status, _headers, body = call(
        lane, "POST", "/api/v1/feedback/", intake("d", text="x" * 400), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert status == 413 and "too large" in json.loads(body)["detail"]


def test_the_unit_list_on_the_lane_answers_304_to_a_repeated_request(unit, stacks):
    _full, lane = stacks
    status, headers, _body = call(lane, "GET", "/api/v1/units/")
    assert status == 200 and headers["ETag"]
    again, _headers, body = call(lane, "GET", "/api/v1/units/", HTTP_IF_NONE_MATCH=headers["ETag"])
    assert again == 304 and body == b""
