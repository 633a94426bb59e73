"""No page scrolls sideways on a 320 px phone, in Finnish or Swedish (#21 item 2).

Every URL of the authorization matrix (osallisuus/tests/matrix.py and every app's
tests/matrix_rows.py) is loaded, as a principal the matrix lets see it with 200, in one browser
tab at 320 px. A page fails when the document is wider than the viewport; the failure names each
page and language with the element that reaches furthest out, so it can be fixed. Responses
that are not HTML (a PDF, a spreadsheet, JSON) are not pages and are counted separately.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest

from osallisuus.tests.matrix import ANON, Row, World, expected_get

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 320, "height": 640}
LANGUAGES = ["fi", "sv"]
# Signed-in principals first (anonymous only for pages a signed-in person is sent away from);
# among them, the one with the most to see first, so fewer sessions are switched.
PREFERENCE = [
    "administrator",
    "coordinator",
    "staff",
    "unit_manager",
    "decision_maker",
    "expert",
    "resident",
    "complaints_officer",
    "expert_other",
    "staff_other",
    ANON,
]

# The element reaching furthest to the right, outermost first: the one to fix. Elements inside
# a box that scrolls or clips sideways do not widen the page and are left out.
WIDEST = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x !== 'visible') return true;
    }
    return false;
  };
  const describe = el => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 5; e = e.parentElement) {
      let part = e.tagName.toLowerCase();
      if (e.id) { parts.unshift(part + '#' + e.id); break; }
      const classes = [...e.classList].slice(0, 2);
      if (classes.length) part += '.' + classes.join('.');
      parts.unshift(part);
    }
    return parts.join(' > ');
  };
  let best = null, right = width, what = '';
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right > right + 0.5 && box.width > 0 && !clipped(el)) {
      best = el; right = box.right; what = '';
    }
  }
  // A word that does not wrap sticks out of its box without widening the box itself.
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.right > right + 0.5 && !clipped(node.parentElement)) {
      best = node.parentElement; right = box.right;
      what = ' text "' + node.textContent.trim().slice(0, 40) + '"';
    }
  }
  return best ? describe(best) + what + ' (' + Math.round(right) + ' px)' : '?';
}"""


def viewer(row: Row) -> str | None:
    """The principal who may GET the row's page (200 on the own unit's object), if any."""
    for who in PREFERENCE:
        if who in row.principals() and expected_get(row, who, "own") == 200:
            return who
    return None


def pages_by_principal(world: World, rows: dict[str, Row]) -> dict[str, list[tuple[str, str]]]:
    chosen: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, row in rows.items():
        who = viewer(row)
        if who is not None:
            chosen[who].append((name, row.url(name, world.ctx("own", who))))
    return chosen


@pytest.fixture
def phone(browser: Any, live_server: Any) -> Iterator[Any]:
    """One tab at 320 px. The kiosk's service worker is kept out: requests it answered would
    pass by the check of the content type."""
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, service_workers="block")
    context.set_default_timeout(30_000)  # the machine is shared; a page may wait for the CPU
    yield context.new_page()
    context.close()


@pytest.fixture
def world(unit: Any, settings: Any) -> World:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return World(unit)


def test_no_page_of_the_matrix_scrolls_sideways_at_320_px(
    phone: Any, live_server: Any, world: World
) -> None:
    from osallisuus.tests.test_authorization_matrix import all_rows

    rows = all_rows()
    plan = pages_by_principal(world, rows)
    assert set(plan) <= set(PREFERENCE)
    not_pages: dict[str, str] = {}
    html_type: dict[str, bool] = {}

    def only_html(route: Any) -> None:
        """Documents that are not HTML are answered with an empty page (no download starts)."""
        response = route.fetch(max_redirects=0, timeout=30_000)
        kind = response.headers.get("content-type", "")
        html_type[route.request.url] = kind.startswith("text/html")
        if html_type[route.request.url]:
            route.fulfill(response=response)
        else:
            route.fulfill(status=200, content_type="text/html", body="<html></html>")

    phone.route(
        lambda url: True,
        lambda route: (
            only_html(route) if route.request.resource_type == "document" else route.continue_()
        ),
    )
    loaded, failures, wrong_status, wrong_language = 0, [], [], []
    for who, pages in plan.items():
        for language in LANGUAGES:
            phone.context.clear_cookies()
            cookies = [{"name": "django_language", "value": language, "url": live_server.url}]
            if who != ANON:
                session = world.clients[who].cookies["sessionid"].value
                cookies.append({"name": "sessionid", "value": session, "url": live_server.url})
            phone.context.add_cookies(cookies)
            for name, url in pages:
                response = phone.goto(url)
                if not html_type.get(response.url, True):
                    not_pages[name] = url
                    continue
                if response.status != 200 or response.request.redirected_from is not None:
                    wrong_status.append(f"{url} [{language}] as {who}: {response.status}")
                    continue
                loaded += 1
                # The API's documentation page (drf-spectacular's) declares no language.
                lang = phone.evaluate("document.documentElement.lang")
                if lang and lang != language:
                    wrong_language.append(f"{url} [{language}] as {who}: lang={lang!r}")
                wide = phone.evaluate("document.documentElement.scrollWidth")
                if wide > PHONE["width"]:
                    widest = phone.evaluate(WIDEST)
                    failures.append(f"{name} {url} [{language}] as {who}: {wide} px; {widest}")
    print(f"{loaded} pages at 320 px; not pages: {sorted(not_pages)}")  # noqa: T201  the test's report of what it checked
    assert not wrong_status, "\n".join(wrong_status)
    assert loaded > 100
    assert not failures, f"{len(failures)} pages wider than 320 px:\n" + "\n".join(failures)
    assert not wrong_language, "not shown in the language asked for:\n" + "\n".join(wrong_language)


def test_the_check_names_what_widens_the_page_and_leaves_out_what_scrolls_in_its_box(
    page: Any,
) -> None:
    """The failure message points at the element to fix: the outermost one reaching furthest,
    or the word that sticks out of its box; a table scrolling in its own box is no fault."""
    page.set_viewport_size(PHONE)
    scrolls = '<div style="overflow-x: auto"><table><tr><td>{}</td></tr></table></div>'
    wide = '<table class="wide"><tr><td>{}</td></tr></table>'
    word = '<p class="narrow" style="width: 10rem">{}</p>'
    long = "x" * 120
    page.set_content(f'<body style="margin: 0"><main id="main">{scrolls.format(long * 3)}</main>')
    assert page.evaluate("document.documentElement.scrollWidth") == PHONE["width"]
    page.set_content(f'<body style="margin: 0"><main id="main">{wide.format(long)}</main>')
    assert page.evaluate(WIDEST).startswith("main#main > table.wide (")
    page.set_content(f'<body style="margin: 0"><main id="main">{word.format(long * 2)}</main>')
    assert page.evaluate(WIDEST).startswith('main#main > p.narrow text "xxx')
