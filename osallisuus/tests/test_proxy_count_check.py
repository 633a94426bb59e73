"""`manage.py check --deploy` warns while NUM_PROXIES is unset (osallisuus/security.py)."""

from io import StringIO
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command

from osallisuus import security

pytestmark = pytest.mark.django_db


@pytest.fixture
def num_proxies(settings: Any) -> Any:
    def set_to(value: int | None) -> None:
        settings.REST_FRAMEWORK = {**django_settings.REST_FRAMEWORK, "NUM_PROXIES": value}

    return set_to


@pytest.fixture(autouse=True)
def _no_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(security, "_forwarded_marked_at", 0.0)
    cache.delete(security.FORWARDED_WITHOUT_PROXY_COUNT)


def ids() -> set[str]:
    return {message.id for message in security.proxy_count_check()}


def test_a_forwarded_request_without_num_proxies_is_reported_by_the_deploy_check(
    client, num_proxies, settings
):
    num_proxies(None)
    settings.DEBUG = True  # the static warning is off; only what was seen counts
    assert ids() == set()
    client.get("/", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert ids() == {"osallisuus.W001"}
    out = StringIO()
    call_command("check", "--deploy", stdout=out, stderr=out, fail_level="CRITICAL")
    assert "osallisuus.W001" in out.getvalue()


def test_requests_without_the_header_leave_no_mark(client, num_proxies, settings):
    num_proxies(None)
    settings.DEBUG = True
    client.get("/")
    assert ids() == set()


def test_production_without_num_proxies_is_warned_even_before_any_request(num_proxies, settings):
    num_proxies(None)
    settings.DEBUG = False
    assert ids() == {"osallisuus.W002"}


def test_num_proxies_set_or_zero_silences_the_check(client, num_proxies, settings):
    settings.DEBUG = False
    for value in (1, 0):
        num_proxies(value)
        client.get("/", HTTP_X_FORWARDED_FOR="203.0.113.5")
        assert ids() == set()


def test_the_rate_limits_and_the_lock_out_share_one_address_rule(rf, num_proxies):
    from axes.helpers import get_client_ip_address

    from osallisuus.rate_limits import SharedCounterThrottle

    class Throttle(SharedCounterThrottle):
        rate = "1/minute"

    num_proxies(1)
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.5")
    assert get_client_ip_address(request) == "203.0.113.5"
    assert Throttle().get_ident(request) == "203.0.113.5"
