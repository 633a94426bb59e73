"""Property-based fuzzing of the whole API against its own OpenAPI schema (schemathesis).

Every operation in /api/v1/schema/ gets a bounded, derandomised set of generated requests through
the WSGI app, signed in as an administrator by token (so the staff endpoints are reached too).
No response may be a server error, and every response must match the schema: status code,
content type and body. Bounded so that CI runs it in well under two minutes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import checks

MAX_EXAMPLES = 25
# What the contract promises. Not included: schemathesis's checks that every request the schema
# allows is accepted and every request it forbids is rejected (ST201/ST202): the schema cannot
# say "the unit code must exist", and a lenient ?page_size= is not a fault.
# Every status an operation can answer is in the schema (osallisuus/api_schema.py adds the
# generic 401/403/404/429 answers), so the status check is the strict one.


CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]

pytestmark = pytest.mark.django_db


def _load_schema() -> Any:
    """The schema exactly as /api/v1/schema/ serves it, bound to the WSGI app."""
    from django.core.wsgi import get_wsgi_application
    from drf_spectacular.generators import SchemaGenerator

    document = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(json.dumps(document, default=str)))
    loaded.app = get_wsgi_application()
    return loaded


schema = _load_schema()


@pytest.fixture(autouse=True)
def _no_throttling(settings: Any, unit: Any, other_unit: Any) -> Iterator[None]:
    """Throttles off (their 429 is tested elsewhere); the app sees real units.

    The full WSGI handler closes "old" connections at each request's start and end, which on
    PostgreSQL would close the test's own transaction; Django's test client does the same
    disconnection for the same reason.
    """
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.ALLOWED_HOSTS = ["*"]
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def admin_token(make_user: Any) -> str:
    from osallisuus.accounts.tests.factories import api_key_for

    return api_key_for(make_user("administrator"))


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_generated_request_gets_a_server_error_or_a_response_outside_the_schema(
    case: Any, admin_token: str
) -> None:
    case.call_and_validate(headers={"Authorization": f"Token {admin_token}"}, checks=CHECKS)
