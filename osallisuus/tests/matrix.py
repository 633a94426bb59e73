"""The authorization matrix: every URL × every role × GET and every write, and what must happen.

Each app declares its rows in `osallisuus/<app>/tests/matrix_rows.py`:

- ``ROWS``: URL name → `Row`. A row says which statuses each role gets on GET, and lists the
  writes the view accepts (`Write`: method, a valid body, the statuses, the roles whose write
  really changes data, and a snapshot of what it changes).
- ``build(world, unit)`` (optional): objects the rows need in one unit; called for the unit of
  the signed-in staff ("own") and for a unit of another service ("other").
- ``build_shared(world)`` (optional): objects that belong to no unit (an expert's assignment).

Objects in a unit are tried twice when the row says ``across_units``: the own unit's object
with the statuses written in the row, and the other unit's object, where staff and unit
managers (assigned to the own unit only) get 404 and change nothing.

Pages that belong to one person (an expert's own claims, a staff member's own request) are
tried as the owner (the role's user, who owns them) and as a non-owner of the same role
(``expert_other``, ``staff_other``).

After every refused write the whole database of our apps is as before; after every allowed
write the row's snapshot changed. No response to a role that does not handle the unit's
feedback contains a giver's e-mail address or phone number.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any

from django.apps import apps
from django.db import connection, transaction
from django.urls import reverse

from conftest import ROLES
from osallisuus.tests.html_checks import html_problems

ANON, RESIDENT, EXPERT, STAFF, MANAGER, COORD, DECIDER, ADMIN = ROLES
SIGNED_IN = [r for r in ROLES if r != ANON]
STAFF_ROLES = (STAFF, MANAGER, COORD, DECIDER, ADMIN)
# A second user of a role who does not own the expert's or the requester's things.
EXPERT_OTHER, STAFF_OTHER = "expert_other", "staff_other"
NON_OWNERS = {EXPERT_OTHER: EXPERT, STAFF_OTHER: STAFF}
# The complaints officer (#18) handles the objection register only: tried on the rows that
# name it (their `get`), so no other app's rows change; everywhere else it is an ordinary
# signed-in person without a staff role of a unit.
COMPLAINTS = "complaints_officer"
PRINCIPALS = [*ROLES, *NON_OWNERS, COMPLAINTS]
# Assigned to the own unit only: another unit's objects are out of their scope.
UNIT_SCOPED = {STAFF, STAFF_OTHER, MANAGER}
# Roles for whom the other unit is no different (county-wide handlers; anonymous users are
# sent to sign in before anything is looked up): tried on the own unit's objects only.
SAME_EVERYWHERE = {ANON, COORD, ADMIN}
# Who may read a giver's contact details: those handling the unit, and county-wide handlers.
CONTACT_READERS_OF_OWN_UNIT = {STAFF, STAFF_OTHER, MANAGER, COORD, ADMIN}
CONTACT_READERS_OF_EVERY_UNIT = {COORD, ADMIN}
# The givers' contact details in the fixture, per unit (searched for in every response body).
CONTACTS = {
    "own": ("giver-fixture@example.org", "+358401234567"),
    "other": ("giver-other-fixture@example.org", "+358409876543"),
}

Expect = dict[str, int]
Ctx = Any
Kwargs = Callable[[Ctx], dict[str, Any]]


def no_kwargs(ctx: Ctx) -> dict[str, Any]:
    return {}


def everyone(status: int) -> Expect:
    return dict.fromkeys(ROLES, status)


def signed_in_only() -> Expect:
    return {ANON: 302, **dict.fromkeys(SIGNED_IN, 200)}


def only(*allowed: str, others: int = 404, status: int = 200) -> Expect:
    """Anonymous users are sent to sign in; the allowed roles get `status`, the others `others`."""
    return {ANON: 302, **{r: (status if r in allowed else others) for r in SIGNED_IN}}


def post_only() -> Expect:
    """GET of a POST-only address: sign in first, then 405."""
    return {ANON: 302, **dict.fromkeys(SIGNED_IN, 405)}


def snapshot(label: str, *fields: str) -> Callable[[Ctx], Any]:
    """A write's `changes`: the primary keys (and `fields`) of every row of one model."""

    def state(ctx: Ctx) -> Any:
        return list(apps.get_model(label).objects.order_by("pk").values_list("pk", *fields))

    return state


@dataclass(frozen=True)
class Write:
    """One state-changing request with a valid body.

    `expect`: status by role on the own unit's object; `writers`: the roles whose request
    really changes data (the snapshot `changes` must differ afterwards); everyone else must
    leave the database as it was. `changes=None`: the write touches nothing of our apps
    (signing out, the language cookie), for everyone.
    """

    expect: Expect
    writers: Iterable[str] = ()
    body: Callable[[Ctx], Any] = no_kwargs
    changes: Callable[[Ctx], Any] | None = None
    method: str = "post"
    json: bool = False
    label: str = ""
    # Statuses on the other unit's object, where they differ from the derived 404.
    other: Expect = field(default_factory=dict)
    # Statuses of the non-owner of the same role (default: as the role).
    non_owner: Expect = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def name(self) -> str:
        return f"{self.method.upper()}{' ' + self.label if self.label else ''}"


@dataclass(frozen=True)
class Row:
    """One URL: GET statuses by role, the writes it accepts, how to build its address."""

    get: Expect
    kwargs: Kwargs = no_kwargs
    writes: tuple[Write, ...] = ()
    query: Callable[[Ctx], str] | None = None
    # An object of a unit: also tried with the other unit's object.
    across_units: bool = False
    other: Expect = field(default_factory=dict)
    # Belongs to one person: also tried as a non-owner of the same role.
    non_owner: Expect | None = None
    # The view answers POST like GET and writes nothing (it has no method restriction).
    reads_post: bool = False
    # The response may carry contact details to anyone (the reply code's holder is the giver).
    contact_ok: bool = False
    path: str | None = None

    def targets(self, who: str) -> tuple[str, ...]:
        if self.across_units and who not in SAME_EVERYWHERE:
            return ("own", "other")
        return ("own",)

    def principals(self) -> list[str]:
        chosen = [*ROLES, *NON_OWNERS] if self.non_owner is not None else list(ROLES)
        return [*chosen, COMPLAINTS] if COMPLAINTS in self.get else chosen

    def url(self, name: str, ctx: Ctx) -> str:
        url = self.path or reverse(name, kwargs=self.kwargs(ctx))
        return f"{url}?{self.query(ctx)}" if self.query else url


def _expected(
    expect: Expect, over_other: Expect, over_owner: Expect | None, who: str, target: str
) -> int:
    base = NON_OWNERS.get(who, who)
    status = expect[base]
    if who in NON_OWNERS and over_owner and who in over_owner:
        status = over_owner[who]
    if target == "other":
        if who in over_other:
            return over_other[who]
        if who in UNIT_SCOPED and status != 405:
            return 404
    return status


def expected_get(row: Row, who: str, target: str) -> int:
    return _expected(row.get, row.other, row.non_owner, who, target)


def expected_write(write: Write, who: str, target: str) -> tuple[int, bool]:
    """The status, and whether this principal's write changes data."""
    status = _expected(write.expect, write.other, write.non_owner, who, target)
    writers = set(write.writers)
    base = NON_OWNERS.get(who, who)
    if who in NON_OWNERS:
        writes = who in writers or (base in writers and who not in write.non_owner)
    else:
        writes = who in writers
    if target == "other" and who in UNIT_SCOPED:
        writes = False  # nobody writes across units
    if target == "other" and write.other.get(who) == 404:
        writes = False  # refused on the other unit's object by the row itself
    return status, writes and write.changes is not None


# --- The world: two units in two services, a user per principal, the apps' objects ----------


class World:
    """Everything the rows address, built once; every request is rolled back afterwards."""

    def __init__(self, unit: Any) -> None:
        from django.test import Client

        from osallisuus.accounts.tests.factories import sign_in, user_with_role
        from osallisuus.organisation.tests.factories import ServiceFactory, UnitFactory

        other_service = ServiceFactory(name_fi="Suun terveydenhuolto", name_sv="Munhälsovård")
        self.units = {
            "own": unit,
            "other": UnitFactory(
                code="MTR", name_fi="Mäntyrannan hammashoitola", service=other_service
            ),
        }
        assert self.units["own"].service_id != other_service.pk
        self.users: dict[str, Any] = {ANON: None}
        self.clients: dict[str, Client] = {ANON: Client()}
        for who in PRINCIPALS[1:]:
            user = user_with_role(NON_OWNERS.get(who, who), unit=unit)
            client = Client()
            sign_in(client, user)
            self.users[who] = user
            self.clients[who] = client
        self.objects: dict[str, dict[str, Any]] = {"own": {}, "other": {}}
        self.shared: dict[str, Any] = {}
        for module in app_matrix_modules():
            if hasattr(module, "build"):
                for target, unit_ in self.units.items():
                    self.objects[target].update(module.build(self, unit_, target=target))
            if hasattr(module, "build_shared"):
                self.shared.update(module.build_shared(self))

    def ctx(self, target: str, who: str) -> Ctx:
        return _Ctx(self, target, who)


class _Ctx:
    """What a row's callables see: the target unit's objects, the shared ones, the actor."""

    def __init__(self, world: World, target: str, who: str) -> None:
        self.world = world
        self.target = target
        self.who = who
        self.unit = world.units[target]
        self.user = world.users[who]
        self.users = world.users

    def __getattr__(self, name: str) -> Any:
        objects = self.world.objects[self.target]
        if name in objects:
            return objects[name]
        if name in self.world.shared:
            return self.world.shared[name]
        raise AttributeError(name)


def app_matrix_modules() -> list[Any]:
    modules = []
    for config in apps.get_app_configs():
        if config.name.startswith("osallisuus."):
            try:
                modules.append(importlib.import_module(f"{config.name}.tests.matrix_rows"))
            except ModuleNotFoundError:
                continue
    return modules


# --- Running it --------------------------------------------------------------------------------


ACCESS_LOG_TABLE = "audit_accesslog"


def our_tables() -> list[str]:
    return sorted(
        model._meta.db_table
        for model in apps.get_models()
        if model._meta.app_config.name.startswith("osallisuus.") and model._meta.managed
    )


def fingerprint(tables: list[str]) -> dict[str, str]:
    """A digest of every row of every table of our apps (small in the matrix's world)."""
    digests = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608  names are quoted identifiers; values go as parameters
            rows = sorted(repr(row) for row in cursor.fetchall())
            digests[table] = hashlib.blake2b("\n".join(rows).encode(), digest_size=8).hexdigest()
    return digests


def write_count() -> int | None:
    """SQLite counts the rows every statement of the connection wrote: a cheap first look."""
    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT total_changes()")
        return int(cursor.fetchone()[0])


def changed_tables(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return [table for table in before if before[table] != after[table]]


@contextmanager
def rolled_back(client: Any) -> Iterator[None]:
    """Run a request in a savepoint that is undone, and keep the client's cookies (sign-out)."""
    cookies = SimpleCookie()
    cookies.update(client.cookies)
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
    client.cookies = cookies


def send(
    client: Any,
    method: str,
    url: str,
    body: Any = None,
    *,
    as_json: bool = False,
    headers: dict[str, str] | None = None,
) -> Any:
    kwargs: dict[str, Any] = {"headers": headers or {}}
    if as_json:
        kwargs["content_type"] = "application/json"
    if method == "get":
        return client.get(url, **kwargs)
    return getattr(client, method)(url, body if body is not None else {}, **kwargs)


def body_of(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def forbidden_contacts(who: str) -> list[str]:
    if who in CONTACT_READERS_OF_EVERY_UNIT:
        return []
    if who in CONTACT_READERS_OF_OWN_UNIT:
        return list(CONTACTS["other"])
    return [*CONTACTS["own"], *CONTACTS["other"]]


@dataclass
class Report:
    checks: int = 0
    failures: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        self.failures.append(message)


def run_matrix(
    world: World, rows: dict[str, Row], principals: Iterable[str] = PRINCIPALS
) -> Report:
    """Send every request of `rows` as every principal; return what differed from the rows."""
    report = Report()
    tables = our_tables()
    baseline = fingerprint(tables)
    for who in principals:
        client = world.clients[who]
        hidden = [s.encode() for s in forbidden_contacts(who)]
        for name, row in rows.items():
            if who not in row.principals():
                continue
            for target in row.targets(who):
                ctx = world.ctx(target, who)
                url = row.url(name, ctx)
                where = f"{name} [{target}] as {who}"
                _check_get(report, client, url, row, who, target, where, hidden)
                for write in row.writes:
                    _check_write(
                        report, client, url, row, write, ctx, tables, baseline, where, hidden
                    )
    after = fingerprint(tables)
    if after != baseline:
        report.fail(f"the matrix itself left changes in {changed_tables(baseline, after)}")
    return report


def _check_get(
    report: Report,
    client: Any,
    url: str,
    row: Row,
    who: str,
    target: str,
    where: str,
    hidden: list[bytes],
) -> None:
    want = expected_get(row, who, target)
    report.checks += 1
    with rolled_back(client):
        try:
            response = send(client, "get", url)
        except Exception as error:
            report.fail(f"GET {where} {url}: raised {error!r}")
            return
        if response.status_code != want:
            report.fail(f"GET {where} {url}: got {response.status_code}, want {want}")
        if not row.contact_ok:
            _check_contacts(report, response, hidden, f"GET {where}")
        _check_html(report, response, f"GET {where}")


def _check_write(
    report: Report,
    client: Any,
    url: str,
    row: Row,
    write: Write,
    ctx: Ctx,
    tables: list[str],
    baseline: dict[str, str],
    where: str,
    hidden: list[bytes],
) -> None:
    want, changes = expected_write(write, ctx.who, ctx.target)
    report.checks += 1
    label = f"{write.name()} {where} {url}"
    with rolled_back(client):
        before = write.changes(ctx) if changes and write.changes else None
        written = write_count()
        try:
            body = write.body(ctx)
            response = send(
                client, write.method, url, body, as_json=write.json, headers=write.headers
            )
        except Exception as error:
            report.fail(f"{label}: raised {error!r}")
            return
        if response.status_code != want:
            report.fail(f"{label}: got {response.status_code}, want {want}")
        if not row.contact_ok:
            _check_contacts(report, response, hidden, label)
        _check_html(report, response, label)
        if changes and write.changes:
            if write.changes(ctx) == before:
                report.fail(f"{label}: an allowed write changed nothing")
        elif written is None or write_count() != written:
            moved = changed_tables(baseline, fingerprint(tables))
            if response.status_code == 200:
                # The page shown again with the refusal: showing it is logged, by design.
                moved = [table for table in moved if table != ACCESS_LOG_TABLE]
            if moved:
                report.fail(f"{label}: a refused write changed {moved}")


def _check_html(report: Report, response: Any, label: str) -> None:
    """A page that is shown must not point screen readers at nothing (see html_checks)."""
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return
    for problem in html_problems(body_of(response).decode()):
        report.fail(f"{label}: {problem}")


def _check_contacts(report: Report, response: Any, hidden: list[bytes], label: str) -> None:
    if not hidden:
        return
    content = body_of(response)
    seen = [s.decode() for s in hidden if s in content]
    if seen:
        report.fail(f"{label}: the response shows a giver's contact details {seen}")
