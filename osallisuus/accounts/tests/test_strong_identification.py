"""Strong identification of residents against a small real provider (oidc_provider.py).

The provider speaks the whole code flow over HTTP: discovery, authorize, token (with PKCE),
JWKS and user info. Nothing of ours is mocked; a bad answer is made by the provider itself
(another signing key, a wrong claim) or by the browser (a changed state).
"""

import hashlib
import hmac
import runpy
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings as django_settings
from django.contrib.auth import get_user
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory

from osallisuus.accounts.middleware import IDP_MFA_SESSION_KEY
from osallisuus.accounts.models import RoleAssignment, User
from osallisuus.accounts.strong_identification import is_strongly_identified
from osallisuus.accounts.strong_identification.session import SESSION_KEY
from osallisuus.accounts.tests.factories import UserFactory, sign_in, user_with_role
from osallisuus.accounts.tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, LocalProvider
from osallisuus.accounts.tests.test_oidc import load_settings as load_site_settings

pytestmark = pytest.mark.django_db

SETTINGS_FILE = Path(django_settings.BASE_DIR) / "osallisuus" / "settings.py"
# The test identity "Testilä Tessa" of the Suomi.fi test environment.
IDENTITY_CODE = "010280-952L"
CLAIM = "nationalIdentificationNumber"
HASH_KEY = "test-only-identity-hash-key-of-forty-chars!"
START, CALLBACK = "/tili/vahva/", "/tili/vahva/paluu/"
IN_ENGLISH = {"accept-language": "en"}


def resident_settings(provider: LocalProvider) -> dict[str, Any]:
    return {
        "RESIDENT_OIDC_ISSUER": provider.url,
        "RESIDENT_OIDC_CLIENT_ID": CLIENT_ID,
        "RESIDENT_OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "RESIDENT_OIDC_IDENTITY_CLAIM": CLAIM,
        "RESIDENT_IDENTITY_HASH_KEY": HASH_KEY,
        "RESIDENT_OIDC_ENABLED": True,
    }


@contextmanager
def resident_provider(settings: Any) -> Iterator[LocalProvider]:
    """A running provider that strong identification is configured to use; Tessa signs in."""
    with LocalProvider() as running:
        for name, value in resident_settings(running).items():
            setattr(settings, name, value)
        running.person = {"sub": "suomifi-subject-1"}
        running.id_token_claims = {CLAIM: IDENTITY_CODE, "given_name": "Tessa"}
        running.id_token_claims["family_name"] = "Testilä"
        yield running


@pytest.fixture
def provider(settings: Any) -> Iterator[LocalProvider]:
    with resident_provider(settings) as running:
        yield running


def go_to_provider(client: Client, start: str = START) -> str:
    """Start at the app and let the provider answer; return the callback address it gave."""
    response = client.get(start)
    assert response.status_code == 302
    at_provider = requests.get(response["Location"], allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302
    return at_provider.headers["Location"].removeprefix("http://testserver")


def identify(client: Client, start: str = START) -> Any:
    return client.get(go_to_provider(client, start))


def keyed_hash(code: str) -> str:
    return hmac.new(HASH_KEY.encode(), code.encode(), hashlib.sha256).hexdigest()


def strongly_identified(client: Client) -> bool:
    request = RequestFactory().get("/")
    request.session = client.session
    request.user = get_user(client)
    return is_strongly_identified(request)


def test_the_first_sign_in_makes_one_account_that_holds_only_a_keyed_hash(client, provider):
    response = identify(client)
    assert response.status_code == 302
    assert response["Location"] == "/tili/alku/"
    user = User.objects.get()
    assert get_user(client) == user
    assert user.strong_identity_hash == keyed_hash(IDENTITY_CODE)
    assert (user.first_name, user.last_name) == ("Tessa", "Testilä")
    assert user.verified_at is not None
    assert not user.has_usable_password()
    stored = [str(value) for value in User.objects.values().get().values()]
    assert not any(IDENTITY_CODE in value for value in stored)
    assert strongly_identified(client)


def test_a_second_sign_in_with_the_same_code_reaches_the_same_account(provider):
    identify(Client())
    first = User.objects.get()
    provider.person["sub"] = "a-new-subject-at-the-provider"
    again = Client()
    identify(again)
    assert get_user(again) == first
    assert User.objects.count() == 1


def test_another_code_is_another_person(provider):
    identify(Client())
    provider.id_token_claims = {CLAIM: "010469-999W"}
    other = Client()
    identify(other)
    assert User.objects.count() == 2
    assert get_user(other).strong_identity_hash == keyed_hash("010469-999W")


def test_the_code_may_come_in_the_user_info_of_the_same_subject(client, provider):
    provider.id_token_claims = {}
    provider.person[CLAIM] = IDENTITY_CODE
    identify(client)
    assert get_user(client).strong_identity_hash == keyed_hash(IDENTITY_CODE)


def test_user_info_about_another_subject_is_refused(client, provider):
    provider.id_token_claims = {"sub": "the-token-subject"}
    provider.person = {"sub": "someone-else", CLAIM: IDENTITY_CODE}
    response = identify(client)
    assert response.status_code == 400
    assert not User.objects.exists()


def test_the_request_to_the_provider_carries_state_nonce_and_pkce(client, provider, settings):
    settings.LANGUAGE_CODE = "sv"
    query = parse_qs(urlsplit(client.get(START)["Location"]).query)
    assert query["client_id"] == [CLIENT_ID]
    assert query["code_challenge_method"] == ["S256"]
    assert all(query[name][0] for name in ("state", "nonce", "code_challenge"))
    assert query["redirect_uri"] == ["http://testserver/tili/vahva/paluu/"]
    assert "openid" in query["scope"][0].split()


def refused(client: Client, response: Any) -> bool:
    return (
        response.status_code == 400
        and not get_user(client).is_authenticated
        and not User.objects.exists()
    )


def test_a_changed_state_is_refused(client, provider):
    callback = go_to_provider(client)
    url = urlsplit(callback)
    query = {key: value[0] for key, value in parse_qs(url.query).items()}
    query["state"] = "forged-" + query["state"]
    response = client.get(f"{url.path}?{urlencode(query)}", headers=IN_ENGLISH)
    assert refused(client, response)
    assert "could not be confirmed" in response.context["message"]


def test_an_answer_cannot_be_used_twice(client, provider):
    callback = go_to_provider(client)
    assert client.get(callback).status_code == 302
    client.logout()
    assert client.get(callback).status_code == 400
    assert not get_user(client).is_authenticated


def test_an_answer_from_another_browser_is_refused(provider):
    callback = go_to_provider(Client())
    stranger = Client()
    assert refused(stranger, stranger.get(callback))


@pytest.mark.parametrize(
    "claims",
    [
        {"nonce": "a-nonce-we-never-sent"},
        {"iss": "https://impostor.example"},
        {"aud": "another-client", "azp": CLIENT_ID},
        {"exp": int(time.time()) - 3600},
    ],
    ids=["nonce", "issuer", "audience", "expired"],
)
def test_an_id_token_with_a_wrong_claim_is_refused(client, provider, claims):
    provider.id_token_claims = {CLAIM: IDENTITY_CODE, **claims}
    assert refused(client, identify(client))


def test_an_id_token_signed_with_another_key_is_refused(client, provider):
    provider.signing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    assert refused(client, identify(client))


def test_an_answer_without_the_identity_code_is_refused(client, provider):
    provider.id_token_claims = {}
    assert refused(client, identify(client))


def test_a_cancelled_identification_says_so(client, provider):
    go_to_provider(client)
    response = client.get(CALLBACK + "?error=access_denied&state=whatever", headers=IN_ENGLISH)
    assert response.status_code == 400
    assert "cancelled" in response.context["message"]


def test_the_provider_being_down_gives_a_clear_page(client, provider, settings):
    settings.RESIDENT_OIDC_ISSUER = "http://127.0.0.1:9"
    response = client.get(START, headers=IN_ENGLISH)
    assert response.status_code == 400
    assert "cannot be reached" in response.context["message"]


def test_required_levels_of_assurance_are_asked_for_and_checked(client, provider, settings):
    substantial = "http://ftn.ficora.fi/2017/loa2"
    settings.RESIDENT_OIDC_ACR_VALUES = [substantial]
    query = parse_qs(urlsplit(client.get(START)["Location"]).query)
    assert query["acr_values"] == [substantial]
    assert refused(client, identify(client))  # the token names no level
    provider.id_token_claims = {CLAIM: IDENTITY_CODE, "acr": substantial}
    assert identify(client).status_code == 302


def test_the_person_returns_to_a_page_of_this_site_only(client, provider):
    assert identify(client, START + "?next=/palaute/seuraa/")["Location"] == "/palaute/seuraa/"
    other = Client()
    assert identify(other, START + "?next=https://evil.example/")["Location"] == "/tili/alku/"


def test_a_resident_gets_no_staff_role_and_a_staff_page_answers_404(client, provider):
    identify(client)
    assert not RoleAssignment.objects.exists()
    assert client.get("/palaute/saapuneet/").status_code == 404
    assert client.get("/raportit/").status_code in (403, 404)


def test_a_strong_sign_in_is_not_the_second_factor_of_a_staff_account(client, provider, unit):
    staff = user_with_role("staff", unit=unit)
    staff.strong_identity_hash = keyed_hash(IDENTITY_CODE)
    staff.save()
    identify(client)
    assert get_user(client) == staff
    assert strongly_identified(client)
    assert IDP_MFA_SESSION_KEY not in client.session
    response = client.get("/palaute/saapuneet/")
    assert response.status_code == 302
    assert response["Location"].startswith("/tili/vahvistus/")


def test_a_closed_account_is_not_signed_in(client, provider):
    UserFactory(is_active=False, strong_identity_hash=keyed_hash(IDENTITY_CODE))
    response = identify(client)
    assert response.status_code == 400
    assert not get_user(client).is_authenticated
    assert User.objects.count() == 1


def test_signing_in_strongly_replaces_whoever_was_signed_in(client, provider):
    someone = UserFactory()
    sign_in(client, someone)
    identify(client)
    assert get_user(client) != someone
    assert get_user(client).strong_identity_hash == keyed_hash(IDENTITY_CODE)


def test_a_password_sign_in_is_not_strong(client, make_user, login):
    login(make_user("resident"))
    assert not strongly_identified(client)


def test_an_old_strong_identification_can_be_asked_to_be_fresh(client, provider):
    identify(client)
    session = client.session
    session[SESSION_KEY] = int(time.time()) - 3600
    session.save()
    request = RequestFactory().get("/")
    request.session, request.user = client.session, get_user(client)
    assert is_strongly_identified(request)
    assert not is_strongly_identified(request, within_seconds=900)


@pytest.mark.parametrize("path", [START, CALLBACK])
def test_the_addresses_are_404_while_not_configured(client, settings, path):
    settings.RESIDENT_OIDC_ENABLED = False
    assert client.get(path).status_code == 404


CONNECTION = {
    "RESIDENT_OIDC_ISSUER": "https://tunnistus.county.example/realms/residents",
    "RESIDENT_OIDC_CLIENT_ID": "osallisuus",
    "RESIDENT_OIDC_CLIENT_SECRET": "secret",
    "RESIDENT_OIDC_IDENTITY_CLAIM": CLAIM,
    "RESIDENT_IDENTITY_HASH_KEY": HASH_KEY,
}


def load_settings(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> dict[str, Any]:
    """settings.py as it reads this environment (DEBUG on, the staff directory off)."""
    for name in CONNECTION:
        monkeypatch.delenv(name, raising=False)
    return load_site_settings(monkeypatch, env)


@pytest.mark.parametrize("left_out", list(CONNECTION))
def test_a_half_configured_start_up_stops_naming_the_missing_variable(monkeypatch, left_out):
    env = {name: value for name, value in CONNECTION.items() if name != left_out}
    with pytest.raises(ImproperlyConfigured, match=left_out):
        load_settings(monkeypatch, env)


def test_a_short_hash_key_stops_the_start_up(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="RESIDENT_IDENTITY_HASH_KEY"):
        load_settings(monkeypatch, {**CONNECTION, "RESIDENT_IDENTITY_HASH_KEY": "short"})


def test_without_debug_the_issuer_must_be_https(monkeypatch):
    env = {**CONNECTION, "RESIDENT_OIDC_ISSUER": "http://tunnistus.county.example"}
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("DEBUG", "false")
    with pytest.raises(ImproperlyConfigured, match="https"):
        runpy.run_path(str(SETTINGS_FILE))


def test_a_fully_configured_or_unconfigured_start_up_goes_on(monkeypatch):
    assert load_settings(monkeypatch, CONNECTION)["RESIDENT_OIDC_ENABLED"]
    assert not load_settings(monkeypatch, {})["RESIDENT_OIDC_ENABLED"]


def test_the_sign_in_page_offers_strong_identification_only_when_configured(client, settings):
    settings.RESIDENT_OIDC_ENABLED = False
    assert "/tili/vahva/" not in client.get("/tili/kirjaudu/").content.decode()
    settings.RESIDENT_OIDC_ENABLED = True
    body = client.get("/tili/kirjaudu/?next=/oma/").content.decode()
    assert 'href="/tili/vahva/?next=/oma/"' in body
