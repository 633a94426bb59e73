"""Shared test fixtures: units, one user per role, signing in with two factors, and a browser."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the test
# itself are still synchronous and safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
ROLES = [
    "anonymous",
    "resident",
    "expert",
    "staff",
    "unit_manager",
    "coordinator",
    "decision_maker",
    "administrator",
]


@pytest.fixture(autouse=True)
def _immediate_tasks(settings: Any) -> None:
    """Background tasks run at once in tests, so their effects can be asserted."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _fresh_intake_lookups() -> None:
    """Units and question sets an earlier test remembered belong to a database rolled back."""
    from osallisuus.public_cache import forget_all_in_this_process

    forget_all_in_this_process()


@pytest.fixture(autouse=True)
def _lexicon_tier_only(settings: Any) -> None:
    """Labels come from the fast lexicon tier only, so tests stay quick and exact; the semantic
    tier has its own tests (analysis/tests/test_semantic.py) that switch it on."""
    settings.ANALYSIS_SEMANTIC = False


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    """Uploaded files in tests go to a throwaway folder, never var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _shipped_data(request: pytest.FixtureRequest) -> None:
    """Transactional tests empty every table, also the question sets a migration ships; reload."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    import importlib

    from django.apps import apps

    request.getfixturevalue("transactional_db")
    migration = importlib.import_module("osallisuus.feedback.migrations.0002_default_question_sets")
    migration.load_sets(apps, None)


@pytest.fixture(autouse=True)
def _reset_axes(db: Any) -> None:
    from axes.utils import reset

    reset()


@pytest.fixture
def unit(db: Any) -> Any:
    from osallisuus.organisation.tests.factories import UnitFactory

    return UnitFactory(
        code="KST", name_fi="Keskustan terveysasema", name_sv="Centrums hälsostation"
    )


@pytest.fixture
def other_unit(db: Any) -> Any:
    from osallisuus.organisation.tests.factories import UnitFactory

    return UnitFactory(code="MTR", name_fi="Mäntyrannan terveysasema")


@pytest.fixture
def make_user(db: Any, unit: Any) -> Callable[[str], Any]:
    """Create a user with one role (staff and unit managers on `unit`) and a TOTP device."""
    from osallisuus.accounts.tests.factories import user_with_role

    def make(role: str) -> Any:
        return user_with_role(role, unit=unit)

    return make


@pytest.fixture
def login(client: Any) -> Callable[[Any], Any]:
    """Sign a user in with both factors done, on the default test client."""
    from osallisuus.accounts.tests.factories import sign_in

    def do_login(user: Any, c: Any = None) -> Any:
        target = c or client
        sign_in(target, user)
        return target

    return do_login


@pytest.fixture
def client_as(make_user: Callable[[str], Any]) -> Callable[[str], Any]:
    """A test client signed in as a new user with the given role ('anonymous': signed out)."""
    from django.test import Client

    from osallisuus.accounts.tests.factories import sign_in

    def make(role: str) -> Any:
        c = Client()
        if role != "anonymous":
            user = make_user(role)
            sign_in(c, user)
            c.user = user
        return c

    return make


# --- Browser tests -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(locale="fi-FI", base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def axe_violations() -> Callable[[Any], list[dict[str, Any]]]:
    """Run axe-core (bundled with axe-playwright-python) on the page; return its violations."""
    from axe_playwright_python.sync_playwright import Axe

    script = Axe().axe_script
    options = {"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
    contexts: list[Any] = []

    def run(page: Any) -> list[dict[str, Any]]:
        # axe is loaded into every later page of the context as it opens, and this page now,
        # rather than sent again for each check; only violations come back in full.
        if page.context not in contexts:
            page.context.add_init_script(script=script)
            contexts.append(page.context)
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.evaluate(script)
        violations = page.evaluate(
            "options => axe.run(document, options).then(results => results.violations)",
            {**options, "resultTypes": ["violations"]},
        )
        return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in violations]

    return run
