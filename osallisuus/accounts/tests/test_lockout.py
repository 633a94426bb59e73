"""Log-in lock-out behind a proxy: one username from one address, as the rate limits count it."""

from typing import Any

import pytest
from django.conf import settings as django_settings

from osallisuus.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"  # the proxy is the peer of every request


@pytest.fixture
def behind_one_proxy(settings: Any) -> None:
    settings.REST_FRAMEWORK = {**django_settings.REST_FRAMEWORK, "NUM_PROXIES": 1}


def sign_in(client: Any, username: str, password: str, address: str) -> Any:
    return client.post(
        "/tili/kirjaudu/",
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"198.51.100.99, {address}",  # the first entry is the client's claim
    )


def fail_five_times(client: Any, username: str, address: str) -> None:
    statuses = [sign_in(client, username, "wrong-password", address).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks


def test_five_wrong_passwords_lock_that_username_from_that_address(
    client, make_user, behind_one_proxy
):
    user = make_user("staff")
    fail_five_times(client, user.username, "203.0.113.5")
    assert sign_in(client, user.username, PASSWORD, "203.0.113.5").status_code == 429


def test_the_same_username_still_signs_in_from_another_address(client, make_user, behind_one_proxy):
    user = make_user("staff")
    fail_five_times(client, user.username, "203.0.113.5")
    response = sign_in(client, user.username, PASSWORD, "203.0.113.6")
    assert response.status_code == 302
    assert response["Location"] != "/tili/kirjaudu/"


def test_another_username_still_signs_in_from_the_locked_address(
    client, make_user, behind_one_proxy
):
    victim, colleague = make_user("staff"), make_user("staff")
    fail_five_times(client, victim.username, "203.0.113.5")
    assert sign_in(client, colleague.username, PASSWORD, "203.0.113.5").status_code == 302


def test_a_claimed_forwarded_address_does_not_escape_the_lock(client, make_user, behind_one_proxy):
    user = make_user("staff")
    fail_five_times(client, user.username, "203.0.113.5")
    # The client writes a fresh address of its own in front; the proxy appends the real one.
    response = client.post(
        "/tili/kirjaudu/",
        {"username": user.username, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.5",
    )
    assert response.status_code == 429
