"""Security hardening, proven over every page: headers, cookies, CSRF, rate limits, size limits.

Pages come from the authorization matrix (every URL × role), so a page added later is covered
without touching this file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from osallisuus.tests.matrix import World, expected_get
from osallisuus.tests.test_authorization_matrix import all_rows

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


class PageParser(HTMLParser):
    """Collects what matters for security from a page: forms, inline scripts, handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self.inline_scripts = 0
        self.handler_attributes: list[str] = []
        self.style_attributes = 0
        self._in_form: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.handler_attributes += [name for name, _ in attrs if name.startswith("on")]
        self.style_attributes += "style" in values
        if (
            tag == "script"
            and not values.get("src")
            and (values.get("type") or "") not in ("application/json", "application/ld+json")
        ):
            self.inline_scripts += 1
        if tag == "form":
            self._in_form = {
                "method": (values.get("method") or "get").lower(),
                "action": values.get("action") or "",
                "csrf": False,
            }
            self.forms.append(self._in_form)
        if (
            tag == "input"
            and self._in_form is not None
            and values.get("name") == "csrfmiddlewaretoken"
            and values.get("value")
        ):
            self._in_form["csrf"] = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = None


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser


def pages_for(role: str, world: World) -> dict[str, str]:
    """Every URL of the matrix (and the admin changelists) that gives this role a page."""
    ctx = world.ctx("own", role)
    return {
        name: row.url(name, ctx)
        for name, row in all_rows().items()
        if expected_get(row, role, "own") == 200
    }


def html_pages(role: str, unit: Any) -> list[tuple[str, Any]]:
    world = World(unit)
    client = world.clients[role]
    pages = []
    for name, url in pages_for(role, world).items():
        response = client.get(url)
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            pages.append((name, response))
    assert pages, f"no HTML pages found for {role}"
    return pages


# --- Headers ----------------------------------------------------------------------------------


def header_problems(response: Any) -> list[str]:
    policy = response.get("Content-Security-Policy", "")
    script_src = next((d for d in policy.split(";") if d.strip().startswith("script-src")), "")
    checks = {
        "script-src 'self'": "'self'" in script_src,
        "no unsafe-inline scripts": "unsafe-inline" not in script_src,
        "no unsafe-eval": "unsafe-eval" not in policy,
        "frame-ancestors 'none'": "frame-ancestors 'none'" in policy,
        "object-src 'none'": "object-src 'none'" in policy,
        "nosniff": response.get("X-Content-Type-Options") == "nosniff",
        "Referrer-Policy": response.get("Referrer-Policy") == "same-origin",
        "X-Frame-Options": response.get("X-Frame-Options") == "DENY",
        "Permissions-Policy": "camera=()" in response.get("Permissions-Policy", ""),
        "Cross-Origin-Opener-Policy": response.get("Cross-Origin-Opener-Policy") == "same-origin",
    }
    return [check for check, ok in checks.items() if not ok]


def page_problems(name: str, response: Any) -> list[str]:
    """Headers, inline code and CSRF tokens of one page."""
    page = parse(response.content.decode())
    problems = [f"{name}: header {problem}" for problem in header_problems(response)]
    # Django's admin has its own templates; it is still under the same CSP header.
    if not name.startswith("admin:") and (
        page.inline_scripts or page.handler_attributes or page.style_attributes
    ):
        problems.append(
            f"{name}: {page.inline_scripts} inline scripts, handlers {page.handler_attributes}, "
            f"{page.style_attributes} style attributes"
        )
    problems += [
        f"{name}: form posting to {form['action'] or '(same page)'} has no CSRF token"
        for form in page.forms
        if form["method"] == "post" and not form["csrf"]
    ]
    return problems


# One walk per role (a walk costs seconds) checks everything a page must carry.
@pytest.mark.parametrize("role", ["anonymous", "staff", "unit_manager", "administrator"])
def test_every_page_has_a_strict_csp_standard_headers_no_inline_code_and_csrf_on_its_forms(
    role, unit
):
    pages = html_pages(role, unit)
    problems = [problem for name, response in pages for problem in page_problems(name, response)]
    posting_forms = sum(
        form["method"] == "post"
        for _name, response in pages
        for form in parse(response.content.decode()).forms
    )
    assert posting_forms > 0
    assert not problems, "\n".join(problems)


def production_settings(**extra: str) -> dict[str, Any]:
    """The settings a production process ends up with (DEBUG off, real env vars)."""
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "false",
        "SECRET_KEY": "x" * 20 + "production-secret-key-for-the-check-0123456789",
        "ALLOWED_HOSTS": "osallisuus.example.fi",
        "DATABASE_URL": "sqlite:////tmp/osallisuus-security-check.sqlite3",
        "DJANGO_SETTINGS_MODULE": "osallisuus.settings",
        **extra,
    }
    names = [
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_SAMESITE",
        "LANGUAGE_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_SSL_REDIRECT",
        "SECURE_PROXY_SSL_HEADER",
        "DEBUG",
        "DEV_TOOLS",
        "SHOW_DEMO_OTP",
        "DATA_UPLOAD_MAX_MEMORY_SIZE",
    ]
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))"
    )
    result = subprocess.run(  # noqa: S603  a fixed argument list, no shell
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_production_cookies_are_secure_http_only_and_same_site_and_hsts_is_on():
    values = production_settings()
    assert values["DEBUG"] is False and values["DEV_TOOLS"] is False
    assert values["SHOW_DEMO_OTP"] is False
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["LANGUAGE_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"]
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax" and values["CSRF_COOKIE_SAMESITE"] == "Lax"
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert values["SECURE_SSL_REDIRECT"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_a_production_response_sends_hsts_and_a_secure_session_cookie(client, settings, unit):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    response = client.get(reverse("accounts:login"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response.cookies["csrftoken"]["secure"]
    assert response.cookies["csrftoken"]["samesite"] == "Lax"


# --- CSRF -------------------------------------------------------------------------------------


def test_a_post_without_the_csrf_token_is_refused_on_a_sample_of_forms(make_user, unit):
    from osallisuus.accounts.tests.factories import sign_in
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    feedback = submit_feedback(FeedbackInput(unit=unit, text="Hyvä palvelu"))[0]
    anonymous = Client(enforce_csrf_checks=True)
    staff = Client(enforce_csrf_checks=True)
    sign_in(staff, make_user("staff"))
    attempts = {
        "feedback form": (anonymous, "/palaute/KST/", {"q_encounter": "5", "q_comment": "Hei"}),
        "sign-in": (anonymous, reverse("accounts:login"), {"username": "a", "password": "b"}),
        "language": (anonymous, reverse("set_language"), {"language": "sv"}),
        "staff reply": (
            staff,
            reverse("feedback:reply", kwargs={"pk": feedback.pk}),
            {"text": "Kiitos"},
        ),
        "staff note": (
            staff,
            reverse("feedback:note", kwargs={"pk": feedback.pk}),
            {"text": "Sisäinen"},
        ),
        "sign-out": (staff, reverse("accounts:logout"), {}),
    }
    statuses = {name: c.post(url, data).status_code for name, (c, url, data) in attempts.items()}
    assert statuses == dict.fromkeys(attempts, 403)
    assert not feedback.replies.exists()


# --- Rate limits ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "message"),
    [("fi", "Liian monta pyyntöä"), ("sv", "För många förfrågningar"), ("en", "Too many requests")],
)
def test_anonymous_feedback_posting_is_rate_limited_with_a_translated_429(
    client, unit, language, message
):
    client.cookies["django_language"] = language
    statuses = [
        client.post("/palaute/KST/", {"idempotency_key": f"k{n}", "q_comment": "Hei"}).status_code
        for n in range(22)
    ]
    assert statuses[:20] == [302] * 20
    assert statuses[-1] == 429
    response = client.post("/palaute/KST/", {"idempotency_key": "last", "q_comment": "Hei"})
    assert response.status_code == 429
    assert message in response.content.decode()
    assert f'lang="{language}"' in response.content.decode()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fi", "Liian monta kirjautumisyritystä"),
        ("sv", "För många inloggningsförsök"),
        ("en", "Too many sign-in attempts"),
    ],
)
def test_repeated_wrong_passwords_lock_the_sign_in_with_a_translated_429(
    client, make_user, language, message
):
    user = make_user("staff")
    client.cookies["django_language"] = language
    url = reverse("accounts:login")
    statuses = [
        client.post(url, {"username": user.username, "password": "wrong"}).status_code
        for _ in range(6)
    ]
    assert statuses[-1] == 429
    from osallisuus.accounts.tests.factories import PASSWORD

    response = client.post(url, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429, "the right password does not open a locked sign-in"
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fi", "Yhteydestäsi on tehty liian monta yritystä"),
        ("sv", "För många försök"),
        ("en", "Too many attempts were made"),
    ],
)
def test_api_intake_is_throttled_with_a_translated_429(
    client, unit, monkeypatch, language, message
):
    from osallisuus.feedback.intake.api import IntakeThrottle

    monkeypatch.setattr(IntakeThrottle, "THROTTLE_RATES", {"feedback_intake": "3/minute"})
    statuses = [
        client.post(
            "/api/v1/feedback/",
            {"unit_code": "KST", "text": "Hei"},
            content_type="application/json",
            headers={"accept-language": language},
        ).status_code
        for _ in range(4)
    ]
    assert statuses == [201, 201, 201, 429]
    response = client.post(
        "/api/v1/feedback/",
        {"unit_code": "KST", "text": "Hei"},
        content_type="application/json",
        headers={"accept-language": language},
    )
    assert response.status_code == 429
    assert message in response.json()["detail"]
    assert response.json()["retry_after_seconds"] > 0
    assert int(response["Retry-After"]) > 0


# --- Request size -----------------------------------------------------------------------------


def test_a_too_large_form_post_gets_a_413_page_in_the_givers_language(client, unit, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client.cookies["django_language"] = "sv"
    response = client.post("/palaute/KST/", {"idempotency_key": "big", "q_comment": "x" * 20_000})
    assert response.status_code == 413
    assert 'lang="sv"' in response.content.decode()
    assert "<h1>" in response.content.decode()
    from osallisuus.feedback.models import Feedback

    assert not Feedback.objects.exists()


def test_a_too_large_api_body_gets_a_413_json_answer(client, unit, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post(
        "/api/v1/feedback/",
        {"unit_code": "KST", "q_comment": "x" * 20_000},
        content_type="application/json",
    )
    assert response.status_code == 413
    assert response.json()["detail"]


def test_a_multipart_body_with_too_much_field_data_gets_413(client, unit, settings):
    """Declared length within the upload limit, but the text fields alone are too large."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    settings.UPLOAD_MAX_BYTES = 1_000_000
    response = client.post("/palaute/KST/", {"idempotency_key": "m", "q_comment": "y" * 20_000})
    assert response.status_code == 413


def test_a_multipart_upload_over_the_upload_limit_gets_413(client, unit, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.UPLOAD_MAX_BYTES = 50_000
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * 60_000)
    response = client.post("/palaute/KST/", {"idempotency_key": "f", "file": upload})
    assert response.status_code == 413


def test_a_normal_feedback_post_is_not_affected_by_the_size_limit(client, unit):
    response = client.post("/palaute/KST/", {"idempotency_key": "ok", "q_comment": "Hyvä"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_pages_for_signed_in_people_are_never_cached_and_public_pages_may_be(client_as, unit):
    staff = client_as("staff")
    for url in ("/palaute/saapuneet/", "/raportit/", "/tili/"):
        cache_control = staff.get(url).headers.get("Cache-Control", "")
        assert "no-store" in cache_control and "private" in cache_control, url
    assert "no-store" not in client_as("anonymous").get("/").headers.get("Cache-Control", "")
