"""Staff sign-in through the directory, against a small real provider (oidc_provider.py)."""

import runpy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from django.conf import settings as django_settings
from django.contrib.auth import get_user
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from osallisuus.accounts.models import User
from osallisuus.accounts.tests.factories import UserFactory, user_with_role
from osallisuus.accounts.tests.oidc_provider import LocalProvider

pytestmark = [pytest.mark.django_db, pytest.mark.urls("osallisuus.accounts.tests.oidc_urls")]

SETTINGS_FILE = Path(django_settings.BASE_DIR) / "osallisuus" / "settings.py"
SIGN_IN_PAGE = "/tili/kirjaudu/"


@pytest.fixture
def provider(settings: Any) -> Iterator[LocalProvider]:
    with LocalProvider() as running:
        for name, value in running.settings().items():
            setattr(settings, name, value)
        settings.AUTHENTICATION_BACKENDS = [
            *django_settings.AUTHENTICATION_BACKENDS,
            "osallisuus.accounts.oidc.CountyOIDCBackend",
        ]
        running.person = {
            "sub": "9f1c-directory-id",
            "email": "tiina.tyontekija@county.example",
            "given_name": "Tiina",
            "family_name": "Työntekijä",
        }
        yield running


def sign_in_with_directory(client: Client) -> Any:
    """Start at the app, let the provider answer, come back to the callback: the code flow."""
    start = client.get("/oidc/authenticate/")
    assert start.status_code == 302
    at_provider = requests.get(start["Location"], allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302
    callback = at_provider.headers["Location"].removeprefix("http://testserver")
    return client.get(callback)


def signed_in_as(client: Client) -> Any:
    """The user of the client's session (AnonymousUser when none)."""
    return get_user(client)  # reads only `.session`, which the test client has


def test_the_first_sign_in_creates_an_account_bound_to_the_subject(client, provider):
    response = sign_in_with_directory(client)
    assert response.status_code == 302
    assert response["Location"] != SIGN_IN_PAGE
    user = User.objects.get(oidc_subject="9f1c-directory-id")
    assert (user.email, user.first_name) == ("tiina.tyontekija@county.example", "Tiina")
    assert signed_in_as(client) == user


def test_a_changed_email_at_the_provider_updates_the_same_account(provider):
    sign_in_with_directory(Client())
    user = User.objects.get(oidc_subject="9f1c-directory-id")
    provider.person["email"] = "tiina.uusi@county.example"
    client = Client()
    sign_in_with_directory(client)
    assert signed_in_as(client) == user
    user.refresh_from_db()
    assert user.email == "tiina.uusi@county.example"
    assert User.objects.count() == 1
    # Someone who later gets the old address is a new person, not this account.
    provider.person = {"sub": "other-person", "email": "tiina.tyontekija@county.example"}
    newcomer = Client()
    sign_in_with_directory(newcomer)
    assert signed_in_as(newcomer).oidc_subject == "other-person"
    assert signed_in_as(newcomer) != user


def test_an_account_with_the_same_email_is_not_taken_over_by_default(client, provider):
    existing = UserFactory(email="tiina.tyontekija@county.example")
    response = sign_in_with_directory(client)
    assert response["Location"] == SIGN_IN_PAGE
    assert not signed_in_as(client).is_authenticated
    existing.refresh_from_db()
    assert existing.oidc_subject == ""
    assert User.objects.count() == 1


def test_an_existing_account_is_linked_by_email_when_allowed_and_unambiguous(
    client, provider, settings
):
    settings.OIDC_LINK_EXISTING_BY_EMAIL = True
    existing = UserFactory(email="Tiina.Tyontekija@county.example")
    sign_in_with_directory(client)
    assert signed_in_as(client) == existing
    existing.refresh_from_db()
    assert existing.oidc_subject == "9f1c-directory-id"
    # Once linked, another subject with the same address is refused.
    provider.person["sub"] = "someone-else"
    other = Client()
    assert sign_in_with_directory(other)["Location"] == SIGN_IN_PAGE
    assert User.objects.count() == 1


def test_two_accounts_with_the_address_are_never_linked(client, provider, settings):
    settings.OIDC_LINK_EXISTING_BY_EMAIL = True
    UserFactory(email="tiina.tyontekija@county.example")
    UserFactory(email="tiina.tyontekija@county.example")
    assert sign_in_with_directory(client)["Location"] == SIGN_IN_PAGE
    assert not User.objects.exclude(oidc_subject="").exists()


def test_an_inactive_account_with_the_address_is_not_replaced_by_a_new_one(
    client, provider, settings
):
    settings.OIDC_LINK_EXISTING_BY_EMAIL = True
    UserFactory(email="tiina.tyontekija@county.example", is_active=False)
    assert sign_in_with_directory(client)["Location"] == SIGN_IN_PAGE
    assert User.objects.count() == 1


@pytest.fixture
def directory_staff(provider: LocalProvider, unit: Any) -> User:
    """A staff member whose account is already linked to the provider's person."""
    user = user_with_role("staff", unit=unit)
    user.oidc_subject = provider.person["sub"]
    user.save()
    return user


def needs_second_factor(client: Client) -> bool:
    response = client.get("/")
    return response.status_code == 302 and response["Location"].startswith("/tili/vahvistus/")


def test_the_directory_does_not_count_as_two_factor_by_default(client, provider, directory_staff):
    provider.id_token_claims = {"amr": ["pwd", "mfa"]}
    sign_in_with_directory(client)
    assert signed_in_as(client) == directory_staff
    assert needs_second_factor(client)


@pytest.mark.parametrize("claims", [{}, {"amr": ["pwd"]}, {"acr": "1"}], ids=str)
def test_when_trusted_a_missing_or_password_only_claim_still_asks_for_the_second_factor(
    client, provider, directory_staff, settings, claims
):
    settings.OIDC_TRUST_IDP_MFA = True
    provider.id_token_claims = claims
    sign_in_with_directory(client)
    assert signed_in_as(client) == directory_staff
    assert needs_second_factor(client)


def test_when_trusted_an_mfa_amr_counts_as_the_second_factor(
    client, provider, directory_staff, settings
):
    settings.OIDC_TRUST_IDP_MFA = True
    provider.id_token_claims = {"amr": ["pwd", "otp"]}
    sign_in_with_directory(client)
    assert signed_in_as(client) == directory_staff
    assert not needs_second_factor(client)


def test_when_trusted_only_a_configured_acr_counts(client, provider, directory_staff, settings):
    settings.OIDC_TRUST_IDP_MFA = True
    settings.OIDC_MFA_ACR_VALUES = ["http://eidas.europa.eu/LoA/substantial"]
    provider.id_token_claims = {"acr": "http://eidas.europa.eu/LoA/low"}
    sign_in_with_directory(client)
    assert needs_second_factor(client)
    provider.id_token_claims = {"acr": "http://eidas.europa.eu/LoA/substantial"}
    again = Client()
    sign_in_with_directory(again)
    assert not needs_second_factor(again)


CONNECTION = {
    "OIDC_RP_CLIENT_ID": "osallisuus",
    "OIDC_RP_CLIENT_SECRET": "secret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.county.example/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://login.county.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://login.county.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://login.county.example/jwks",
}


def load_settings(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> dict[str, Any]:
    for name in CONNECTION:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("DEBUG", "true")
    return runpy.run_path(str(SETTINGS_FILE))


@pytest.mark.parametrize("left_out", list(CONNECTION))
def test_a_half_configured_start_up_stops_with_the_missing_names(monkeypatch, left_out):
    env = {name: value for name, value in CONNECTION.items() if name != left_out}
    with pytest.raises(ImproperlyConfigured, match=left_out):
        load_settings(monkeypatch, env)


def test_a_fully_configured_or_unconfigured_start_up_goes_on(monkeypatch):
    configured = load_settings(monkeypatch, CONNECTION)
    assert configured["OIDC_ENABLED"]
    assert "osallisuus.accounts.oidc.CountyOIDCBackend" in configured["AUTHENTICATION_BACKENDS"]
    assert configured["OIDC_TRUST_IDP_MFA"] is False
    assert not load_settings(monkeypatch, {})["OIDC_ENABLED"]


def test_an_administrator_can_link_an_account_by_hand_in_the_admin(client, make_user, login):
    staff = make_user("staff")
    login(make_user("administrator"))
    page = client.get(f"/admin/accounts/user/{staff.pk}/change/").content.decode()
    assert 'name="oidc_subject"' in page
