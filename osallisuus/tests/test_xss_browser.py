"""XSS and injection: hostile text goes into every text field, then every page showing it opens.

Givers write through the web form and the API; staff through the reply, status and note forms.
Each page that shows the text is then opened in Chromium with listeners that fail the test if a
dialog opens, a script of ours did not write runs, or the browser reports a CSP violation (which
would mean the markup got through escaping and only the policy stopped it).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAYLOADS = [
    "<script>alert('xss-script')</script>",
    '"><img src=x onerror="alert(1)">',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    '<a href="javascript:alert(1)">linkki</a> javascript:alert(1)',
    '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
    "<body onload=alert(1)><div onmouseover='alert(1)'>x</div>",
    "{{ request.user.password }} {% debug %} ${7*7} #{7*7}",
    "'; DROP TABLE feedback_feedback; -- \" OR '1'='1",
    "<style>*{background:url(//evil.example/x)}</style>",
]
ONE_TEXT = " | ".join(PAYLOADS)

# Runs before any page script: records what must never happen.
WATCH = """
window.__xss = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__xss.push('csp:' + e.violatedDirective + ' ' + e.blockedURI));
window.alert = window.confirm = window.prompt = (m) => { window.__xss.push('dialog:' + m); };
"""


@pytest.fixture
def watched_page(browser: Any, live_server: Any) -> Any:
    context = browser.new_context(base_url=live_server.url, locale="fi-FI")
    context.set_default_timeout(10_000)
    context.add_init_script(WATCH)
    page = context.new_page()
    events: list[str] = []
    page.on("dialog", lambda dialog: (events.append(f"dialog:{dialog.message}"), dialog.dismiss()))
    page.on(
        "request",
        lambda request: (
            events.append(f"request:{request.url}")
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:")
            else None
        ),
    )
    page.events = events
    yield page
    context.close()


def hostile_feedback(unit: Any, staff: Client) -> Any:
    """Hostile text in every text field givers and staff write, through the real forms and API."""
    from osallisuus.feedback.models import Feedback

    giver = Client()
    form = giver.post(
        "/palaute/KST/",
        {"idempotency_key": "xss-form", "q_encounter": "4", "q_comment": ONE_TEXT},
    )
    assert form.status_code == 302
    api = giver.post(
        "/api/v1/feedback/",
        {"unit_code": "KST", "text": ONE_TEXT, "idempotency_key": "xss-api"},
        content_type="application/json",
    )
    assert api.status_code == 201
    hostile_contact = giver.post(
        "/api/v1/feedback/",
        {
            "unit_code": "KST",
            "text": "x",
            "contact_email": PAYLOADS[1],
            "contact_phone": PAYLOADS[0],
        },
        content_type="application/json",
    )
    assert hostile_contact.status_code == 400, "contact fields accept only addresses and numbers"
    feedback = Feedback.objects.get(idempotency_key="xss-form")
    url = f"/palaute/saapuneet/{feedback.pk}/"
    for step, data in (
        ("vastaa", {"text": ONE_TEXT}),
        ("muistiinpano", {"text": ONE_TEXT}),
        ("tila", {"status": "action_planned", "public_text": ONE_TEXT}),
    ):
        response = staff.post(f"{url}{step}/", data)
        assert response.status_code == 302, step
    feedback.refresh_from_db()
    assert feedback.text == ONE_TEXT, "text is stored as written, quotes and all"
    return feedback


def assert_nothing_ran(page: Any, path: str) -> None:
    page.goto(path)
    page.wait_for_load_state("load")
    seen = page.evaluate("window.__xss") + page.events
    assert seen == [], f"{path}: {seen}"
    injected = page.locator(
        "main script, main img[src='x'], main svg[onload], main iframe, main [onerror], "
        "main [onload], main [onmouseover], main a[href^='javascript:'], main style"
    )
    assert injected.count() == 0, f"{path}: hostile markup became elements"


def test_hostile_text_in_every_field_shows_as_text_and_never_runs(
    watched_page, live_server, unit, make_user
):
    from osallisuus.accounts.tests.factories import sign_in

    staff = Client()
    sign_in(staff, make_user("unit_manager"))
    feedback = hostile_feedback(unit, staff)
    page = watched_page

    # The giver's status page shows the staff reply and the public step text.
    assert_nothing_ran(page, f"/palaute/seuraa/{feedback.reply_code}/")
    assert page.get_by_text("<script>alert('xss-script')</script>").count() >= 1

    page.context.add_cookies(
        [{"name": "sessionid", "value": staff.cookies["sessionid"].value, "url": live_server.url}]
    )
    for path in (
        "/palaute/saapuneet/",
        f"/palaute/saapuneet/{feedback.pk}/",
        "/palaute/saapuneet/?status=action_planned",
    ):
        assert_nothing_ran(page, path)
    page.goto(f"/palaute/saapuneet/{feedback.pk}/")
    assert page.get_by_text("{{ request.user.password }}", exact=False).count() >= 1
    assert page.get_by_text("DROP TABLE feedback_feedback", exact=False).count() >= 1
