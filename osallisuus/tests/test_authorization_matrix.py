"""Every URL of production × every role × GET and every write (see osallisuus/tests/matrix.py).

The project-wide rows are here; each app adds its own in `osallisuus/<app>/tests/matrix_rows.py`.
A new URL without a row, or one that takes POST without a write in its row, fails
`test_every_url_has_a_row`. Admin screens come from the admin registry: one changelist per model.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib import admin
from django.test import override_settings
from django.urls import URLPattern, URLResolver, clear_url_caches, get_resolver, resolve, reverse

from osallisuus.tests.matrix import (
    ADMIN,
    ANON,
    COORD,
    EXPERT,
    MANAGER,
    RESIDENT,
    SIGNED_IN,
    STAFF,
    Row,
    World,
    Write,
    app_matrix_modules,
    everyone,
    fingerprint,
    only,
    our_tables,
    rolled_back,
    run_matrix,
    send,
    signed_in_only,
)


def _resident_login(ctx: Any) -> dict[str, str]:
    from osallisuus.accounts.tests.factories import PASSWORD

    return {"username": ctx.users[RESIDENT].username, "password": PASSWORD}


def _last_logins(ctx: Any) -> Any:
    from osallisuus.accounts.models import User

    return list(User.objects.order_by("pk").values_list("last_login", flat=True))


PROJECT_ROWS: dict[str, Row] = {
    "pages:home": Row(everyone(200), reads_post=True),
    "pages:accessibility": Row(everyone(200), reads_post=True),
    "pages:privacy": Row(everyone(200), reads_post=True),
    "pages:healthz": Row(everyone(200), reads_post=True),
    "organisation:units": Row(everyone(200), reads_post=True),
    "organisation:unit": Row(
        everyone(200), kwargs=lambda c: {"code": c.unit.code}, reads_post=True
    ),
    "accounts:account": Row(signed_in_only(), reads_post=True),
    # Sent on to one's work (or to sign in): nothing is shown or stored here.
    "accounts:start": Row(everyone(302), reads_post=True),
    "accounts:login": Row(
        {ANON: 200, **dict.fromkeys(SIGNED_IN, 302)},
        writes=(
            # Signing in records the time; the signed-in are sent on without signing in again.
            Write(
                {ANON: 302, **dict.fromkeys(SIGNED_IN, 302)},
                writers=[ANON],
                body=_resident_login,
                changes=_last_logins,
            ),
        ),
    ),
    # Everyone in the matrix has done the second step (or needs none): sent on, nothing stored.
    "accounts:two_factor": Row(
        everyone(302),
        writes=(
            Write({ANON: 302, **dict.fromkeys(SIGNED_IN, 302)}, body=lambda c: {"token": "123456"}),
        ),
    ),
    # Signing out ends the session only (not data of ours).
    "accounts:logout": Row(everyone(405), writes=(Write(everyone(302)),)),
    "audit:log": Row(only(ADMIN), reads_post=True),
    # The language cookie, nothing stored.
    "set_language": Row(
        everyone(302), writes=(Write(everyone(302), body=lambda c: {"language": "sv"}),)
    ),
    "api:schema": Row(everyone(200)),
    "api:docs": Row(everyone(200)),
    "api:unit-list": Row(everyone(200)),
    "api:unit-detail": Row(everyone(200), kwargs=lambda c: {"code": c.unit.code}),
    "admin_login": Row(everyone(302), reads_post=True),
}
# Registers coordinators maintain in the admin screens (everything else: administrators only).
COORDINATOR_ADMIN_APPS = {"organisation"}
COORDINATOR_ADMIN_MODELS = {"accounts.user", "accounts.roleassignment"}


def all_rows() -> dict[str, Row]:
    rows = dict(PROJECT_ROWS)
    apps_, models = set(COORDINATOR_ADMIN_APPS), set(COORDINATOR_ADMIN_MODELS)
    for module in app_matrix_modules():
        clash = set(rows) & set(module.ROWS)
        assert not clash, f"{module.__name__} repeats rows {clash}"
        rows.update(module.ROWS)
        apps_ |= getattr(module, "COORDINATOR_ADMIN_APPS", set())
        models |= getattr(module, "COORDINATOR_ADMIN_MODELS", set())
    rows.update(admin_rows(apps_, models))
    return rows


def admin_rows(coordinator_apps: set[str], coordinator_models: set[str]) -> dict[str, Row]:
    """One changelist per registered model (the admin's writes have their own tests)."""
    rows = {"admin:index": Row(only(COORD, ADMIN, others=302), path=reverse("admin:index"))}
    for model in admin.site._registry:
        opts = model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}_changelist"
        coordinator_may = (
            opts.app_label in coordinator_apps or opts.label_lower in coordinator_models
        )
        expected = only(ADMIN, others=302)
        expected[COORD] = 200 if coordinator_may else 403
        rows[name] = Row(expected, path=reverse(name))
    return rows


@pytest.fixture
def production_urls() -> Iterator[None]:
    """The URL set of production: DEBUG off, so no development tools (the outbox)."""
    import osallisuus.urls

    try:
        with override_settings(DEBUG=False, DEV_TOOLS=False):
            importlib.reload(osallisuus.urls)
            clear_url_caches()
            yield
    finally:
        importlib.reload(osallisuus.urls)
        clear_url_caches()


@pytest.fixture
def world(production_urls: None, unit: Any, settings: Any) -> World:
    # The matrix signs in a dozen users; a fast hasher keeps their passwords cheap to set.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return World(unit)


def named_urls(resolver: URLResolver | None = None, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            if entry.namespace == "admin":
                continue
            names |= named_urls(entry, namespace)
        elif isinstance(entry, URLPattern):
            if entry.name:
                names.add(f"{prefix}{entry.name}")
            elif not prefix.startswith("admin"):
                names.add(f"{prefix}<unnamed {entry.pattern}>")
    return names


def rest_methods(url: str) -> set[str] | None:
    """The writing methods of an API view (DRF checks permissions before methods, so its
    views are asked directly), or None for a Django view."""
    view = getattr(resolve(url.split("?")[0]).func, "cls", None)
    if view is None:
        return None
    return {m.lower() for m in view()._allowed_methods()} - {"get", "head", "options"}


def method_problems(world: World, rows: dict[str, Row]) -> list[str]:
    """Rows whose declared writes differ from the methods the view takes.

    A Django view is asked as an administrator with an empty POST: a view that does not
    answer 405 takes POST, so its row needs a POST write (or `reads_post` when the view
    answers POST like GET, which must then leave the database as it was).
    """
    client = world.clients[ADMIN]
    tables = our_tables()
    baseline = fingerprint(tables)
    problems = []
    for name, row in rows.items():
        if name.startswith("admin:"):
            continue
        url = row.url(name, world.ctx("own", ADMIN))
        declared = {write.method for write in row.writes}
        rest = rest_methods(url)
        if rest is not None:
            if rest != declared:
                problems.append(
                    f"{name}: the API view takes {sorted(rest)}, "
                    f"its row declares {sorted(declared)}"
                )
            continue
        with rolled_back(client):
            response = send(client, "post", url)
            takes = response.status_code != 405
            changed = fingerprint(tables) != baseline
        if takes and "post" not in declared and not row.reads_post:
            problems.append(
                f"{name}: takes POST ({response.status_code}) but its row has no POST write"
            )
        if not takes and ("post" in declared or row.reads_post):
            problems.append(f"{name}: its row declares POST, the view answers 405")
        if row.reads_post and changed:
            problems.append(f"{name}: a POST to a read-only page changed the database")
    return problems


@pytest.mark.django_db
def test_every_url_has_a_row_and_every_method_it_takes_a_write(world: World) -> None:
    rows = all_rows()
    urls = named_urls()
    assert "dev:outbox" not in urls, "the matrix must run against the production URL set"
    missing = sorted(urls - set(rows) - {n for n in rows if n.startswith("admin:")})
    assert not missing, f"URLs without a row in the authorization matrix: {missing}"
    stale = sorted(n for n in rows if not n.startswith("admin:") and n not in urls)
    assert not stale, f"rows for URLs that production does not have: {stale}"
    problems = method_problems(world, rows)
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_every_role_gets_what_its_job_needs_on_every_url_and_write(world: World) -> None:
    started, cpu = time.monotonic(), time.process_time()
    report = run_matrix(world, all_rows())
    print(  # noqa: T201 - the matrix's size and cost, for whoever watches it grow
        f"{report.checks} checks in {time.monotonic() - started:.1f} s "
        f"({time.process_time() - cpu:.1f} s of CPU)"
    )
    assert report.checks > 1000
    assert not report.failures, f"{len(report.failures)} failures:\n" + "\n".join(report.failures)


# --- The matrix catches drift --------------------------------------------------------------


@pytest.mark.django_db
def test_the_matrix_fails_when_staff_see_every_unit(world: World, monkeypatch: Any) -> None:
    """A broken scope (staff of one unit see all units) shows up as cross-unit failures."""
    from osallisuus.accounts import selectors
    from osallisuus.organisation.models import Unit

    rows = {
        name: all_rows()[name]
        for name in ("feedback:detail", "feedback:note", "codevelopment:project_edit")
    }
    assert not run_matrix(world, rows, principals=[STAFF, MANAGER]).failures
    monkeypatch.setattr(selectors, "units_in_scope", lambda user: Unit.objects.all())
    failures = run_matrix(world, rows, principals=[STAFF, MANAGER]).failures
    assert any(
        "feedback:detail [other] as staff" in f and "got 200, want 404" in f for f in failures
    )
    assert any("[other]" in f and "contact details" in f for f in failures)
    assert any("POST" in f and "[other]" in f for f in failures)


@pytest.mark.django_db
def test_the_matrix_fails_when_a_refused_write_changes_the_database(
    world: World, monkeypatch: Any
) -> None:
    """A view that writes before it checks (a note added, then 403) is a failure."""
    from django.http import Http404

    from osallisuus.feedback import views
    from osallisuus.feedback.models import Feedback, InternalNote

    rows = {"feedback:note": all_rows()["feedback:note"]}

    def leaky_access(*, user: Any, pk: int, path: str = "") -> Any:
        InternalNote.objects.create(feedback=Feedback.objects.get(pk=pk), by=user, text="vuoto")
        raise Http404

    # The page's own permission check is skipped; the fetch writes, then refuses.
    monkeypatch.setattr("osallisuus.authorization.require", lambda *args, **kwargs: None)
    monkeypatch.setattr(views, "access_feedback", leaky_access)
    failures = run_matrix(world, rows, principals=[RESIDENT]).failures
    assert any(
        "POST feedback:note [own] as resident" in f
        and "a refused write changed ['feedback_internalnote']" in f
        for f in failures
    ), failures


@pytest.mark.django_db
def test_a_url_that_takes_post_without_a_write_in_its_row_is_reported(world: World) -> None:
    rows = all_rows()
    rows["feedback:give"] = Row(everyone(200), kwargs=rows["feedback:give"].kwargs)
    rows["experts:home"] = Row(everyone(200), kwargs=rows["experts:home"].kwargs)
    assert method_problems(world, rows) == [
        "feedback:give: takes POST (200) but its row has no POST write",
        "experts:home: takes POST (200) but its row has no POST write",
    ]


@pytest.mark.django_db
def test_the_matrix_fails_when_an_allowed_write_does_nothing(
    world: World, monkeypatch: Any
) -> None:
    from osallisuus.feedback import views

    rows = {"feedback:note": all_rows()["feedback:note"]}
    monkeypatch.setattr(views, "add_note", lambda **kwargs: None)
    failures = run_matrix(world, rows, principals=[STAFF]).failures
    assert any("an allowed write changed nothing" in f for f in failures), failures


@pytest.mark.django_db
def test_the_matrix_fails_when_a_role_sees_contact_details(world: World, monkeypatch: Any) -> None:
    rows = {"feedback:detail": all_rows()["feedback:detail"]}
    from osallisuus.accounts import selectors
    from osallisuus.organisation.models import Unit

    real = selectors.units_handled_by
    monkeypatch.setattr(
        selectors,
        "units_handled_by",
        lambda user: Unit.objects.all() if user.username.startswith("expert") else real(user),
    )
    monkeypatch.setattr("osallisuus.authorization.require", lambda *args, **kwargs: None)
    failures = run_matrix(world, rows, principals=[EXPERT]).failures
    assert any("contact details ['giver-fixture@example.org'" in f for f in failures), failures
