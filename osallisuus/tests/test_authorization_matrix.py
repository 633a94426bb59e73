"""Every URL of the project × every role: who gets 200, 302 (to sign-in), 403, 404 or 405.

The project-wide rows are here; each app adds its own in `osallisuus/<app>/tests/matrix_rows.py`
(ROWS, plus the admin models a coordinator may open). A new URL without a row anywhere fails
`test_every_url_has_a_row`. Admin screens come from the admin registry: one changelist per model.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import ROLES
from osallisuus.tests.matrix import (
    ADMIN,
    ANON,
    COORD,
    SIGNED_IN,
    Rows,
    everyone,
    only,
    signed_in_only,
)


def app_matrix_modules() -> list[Any]:
    modules = []
    for config in apps.get_app_configs():
        if config.name.startswith("osallisuus."):
            try:
                modules.append(importlib.import_module(f"{config.name}.tests.matrix_rows"))
            except ModuleNotFoundError:
                continue
    return modules


def outbox_message_kwargs(context: dict[str, Any]) -> dict[str, Any]:
    from osallisuus.notifications.services import send_email

    message = send_email(to="giver@example.org", subject="Vastaus", body="Kiitos palautteesta")
    return {"pk": message.pk}


# url name → (kwargs from the test context, expected status by role)
MATRIX: Rows = {
    "pages:home": (lambda c: {}, everyone(200)),
    "pages:accessibility": (lambda c: {}, everyone(200)),
    "pages:privacy": (lambda c: {}, everyone(200)),
    "pages:healthz": (lambda c: {}, everyone(200)),
    "organisation:units": (lambda c: {}, everyone(200)),
    "organisation:unit": (lambda c: {"code": c["unit"].code}, everyone(200)),
    "accounts:account": (lambda c: {}, signed_in_only()),
    "accounts:login": (lambda c: {}, {ANON: 200, **dict.fromkeys(SIGNED_IN, 302)}),
    "accounts:two_factor": (lambda c: {}, everyone(302)),
    "accounts:logout": (lambda c: {}, everyone(405)),
    "audit:log": (lambda c: {}, only(ADMIN)),
    "set_language": (lambda c: {}, everyone(302)),
    "api:schema": (lambda c: {}, everyone(200)),
    "api:docs": (lambda c: {}, everyone(200)),
    "api:unit-list": (lambda c: {}, everyone(200)),
    "api:unit-detail": (lambda c: {"code": c["unit"].code}, everyone(200)),
    "dev:outbox": (lambda c: {}, everyone(200)),
    "dev:outbox_message": (outbox_message_kwargs, everyone(200)),
    "admin_login": (lambda c: {}, everyone(302)),
}
# Registers coordinators maintain in the admin screens (everything else: administrators only).
COORDINATOR_ADMIN_APPS = {"organisation"}
COORDINATOR_ADMIN_MODELS = {"accounts.user", "accounts.roleassignment"}
for _module in app_matrix_modules():
    _clash = set(MATRIX) & set(_module.ROWS)
    assert not _clash, f"{_module.__name__} repeats rows {_clash}"
    MATRIX.update(_module.ROWS)
    COORDINATOR_ADMIN_APPS |= getattr(_module, "COORDINATOR_ADMIN_APPS", set())
    COORDINATOR_ADMIN_MODELS |= getattr(_module, "COORDINATOR_ADMIN_MODELS", set())


def admin_rows() -> dict[str, tuple[str, dict[str, int]]]:
    rows = {"admin:index": (reverse("admin:index"), only(COORD, ADMIN, others=302))}
    for model in admin.site._registry:
        opts = model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}_changelist"
        coordinator_may = (
            opts.app_label in COORDINATOR_ADMIN_APPS or opts.label_lower in COORDINATOR_ADMIN_MODELS
        )
        expected = only(ADMIN, others=302)
        expected[COORD] = 200 if coordinator_may else 403
        rows[name] = (reverse(name), expected)
    return rows


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


def test_every_url_has_a_row() -> None:
    missing = sorted(named_urls() - set(MATRIX))
    assert not missing, f"URLs without a row in the authorization matrix: {missing}"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_status_on_every_url(
    role: str, client_as: Callable[[str], Any], unit: Any
) -> None:
    client = client_as(role)
    context = {"unit": unit}
    failures = []
    checks = {name: (reverse(name, kwargs=kw(context)), exp) for name, (kw, exp) in MATRIX.items()}
    checks.update(admin_rows())
    for name, (url, expected) in checks.items():
        response = client.get(url)
        if response.status_code != expected[role]:
            failures.append(f"{name} {url}: got {response.status_code}, want {expected[role]}")
        if expected[role] == 302 and role == ANON and response.status_code == 302:
            if name.startswith(("accounts:account", "audit:")):
                assert "/tili/kirjaudu/" in response["Location"]
    assert not failures, "\n".join(failures)
