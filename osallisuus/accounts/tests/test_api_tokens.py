"""API tokens: made after two-factor only, named, expiring, hashed, revocable, audit-logged."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from osallisuus.accounts.models import ApiToken
from osallisuus.accounts.services import hash_api_key
from osallisuus.accounts.tests.factories import PASSWORD, api_key_for
from osallisuus.audit.models import AccessLog

pytestmark = pytest.mark.django_db

TOKENS = "/tili/tunnukset/"
API = "/api/v1/experts/me/"  # any endpoint that needs a signed-in caller


def api_status(secret: str) -> int:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return api.get(API).status_code


def make_on_page(client: Any, name: str = "Raportointi", days: int = 90) -> tuple[Any, str]:
    response = client.post(TOKENS, {"name": name, "days": days})
    assert response.status_code == 200
    secret = response.context["new_secret"]
    assert secret
    return response, secret


def test_a_staff_member_makes_a_token_that_opens_the_api_and_is_shown_once(
    client, make_user, login
):
    user = make_user("coordinator")
    login(user)
    response, secret = make_on_page(client)
    assert secret in response.content.decode()
    assert response["Cache-Control"].startswith("max-age=0")
    token = ApiToken.objects.get(user=user)
    assert token.name == "Raportointi"
    assert token.key_hash == hash_api_key(secret) and secret not in token.key_hash
    assert timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)
    assert secret not in client.get(TOKENS).content.decode()
    assert api_status(secret) != 401


def test_an_expired_token_gets_401(make_user):
    user = make_user("staff")
    secret = api_key_for(user)
    assert api_status(secret) != 401
    now = timezone.now()
    ApiToken.objects.filter(user=user).update(
        created_at=now - timedelta(days=90), expires_at=now - timedelta(seconds=1)
    )
    assert api_status(secret) == 401


def test_a_revoked_token_gets_401(client, make_user, login):
    user = make_user("staff")
    login(user)
    _response, secret = make_on_page(client)
    assert api_status(secret) != 401
    token = ApiToken.objects.get(user=user)
    response = client.post(f"{TOKENS}{token.pk}/peru/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == user
    assert api_status(secret) == 401


def test_an_unknown_token_gets_401_with_the_scheme_named(make_user):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = api.get(API)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_token_of_a_deactivated_user_gets_401(make_user):
    user = make_user("staff")
    secret = api_key_for(user)
    user.is_active = False
    user.save()
    assert api_status(secret) == 401


def test_staff_without_the_second_factor_are_sent_to_it_and_cannot_make_a_token(client, make_user):
    user = make_user("staff")
    client.post("/tili/kirjaudu/", {"username": user.username, "password": PASSWORD})
    for response in (client.get(TOKENS), client.post(TOKENS, {"name": "x", "days": 90})):
        assert response.status_code == 302
        assert response["Location"] == "/tili/vahvistus/?next=%2Ftili%2Ftunnukset%2F"
    assert not ApiToken.objects.exists()


def test_the_service_refuses_a_token_without_the_second_factor(make_user):
    from osallisuus.accounts.services import create_api_token
    from osallisuus.authorization import NotPermitted

    with pytest.raises(NotPermitted):
        create_api_token(owner=make_user("staff"), name="x", days=90, two_factor_done=False)


def test_residents_and_experts_cannot_have_tokens(client_as):
    for role in ("resident", "expert"):
        assert client_as(role).get(TOKENS).status_code == 404


def test_the_owner_sees_only_their_own_tokens(client, make_user, login):
    api_key_for(make_user("staff"))
    ApiToken.objects.update(name="Toisen tunnus")
    login(make_user("staff"))
    make_on_page(client, name="Oma tunnus")
    page = client.get(TOKENS).content.decode()
    assert "Oma tunnus" in page
    assert "Toisen tunnus" not in page


def test_another_user_cannot_revoke_someone_elses_token(client, make_user, login):
    owner = make_user("staff")
    secret = api_key_for(owner)
    token = ApiToken.objects.get(user=owner)
    login(make_user("coordinator"))
    assert client.post(f"{TOKENS}{token.pk}/peru/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    assert api_status(secret) != 401


def test_the_lifetime_is_bounded_and_errors_show_beside_the_field_and_in_the_summary(
    client, make_user, login
):
    login(make_user("staff"))
    client.cookies["django_language"] = "en"
    for days in (0, 366):
        page = client.post(TOKENS, {"name": "Liian pitkä", "days": days}).content.decode()
        assert 'id="id_days_error"' in page
        assert 'class="error-summary"' in page
        assert 'href="#id_days"' in page
    page = client.post(TOKENS, {"name": "", "days": 90}).content.decode()
    assert 'id="id_name_error"' in page
    assert not ApiToken.objects.exists()


def test_the_last_use_is_recorded(make_user):
    user = make_user("staff")
    secret = api_key_for(user)
    assert ApiToken.objects.get(user=user).last_used_at is None
    before = timezone.now()
    api_status(secret)
    last_used = ApiToken.objects.get(user=user).last_used_at
    assert last_used is not None and last_used >= before


def test_making_and_revoking_are_audit_logged(client, make_user, login):
    user = make_user("staff")
    login(user)
    make_on_page(client)
    token = ApiToken.objects.get(user=user)
    client.post(f"{TOKENS}{token.pk}/peru/")
    entries = AccessLog.objects.filter(object_type="accounts.apitoken", object_id=str(token.pk))
    assert sorted(entries.values_list("reason", flat=True)) == [
        "API token created",
        "API token revoked",
    ]
    assert {entry.actor for entry in entries} == {user}


def test_an_administrator_revokes_anyones_token_in_the_admin(client, make_user, login):
    owner = make_user("staff")
    secret = api_key_for(owner)
    token = ApiToken.objects.get(user=owner)
    admin = make_user("administrator")
    login(admin)
    assert "test" in client.get("/admin/accounts/apitoken/").content.decode()
    response = client.post(
        "/admin/accounts/apitoken/",
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    assert response.status_code == 302
    assert api_status(secret) == 401
    assert AccessLog.objects.filter(
        actor=admin, object_type="accounts.apitoken", reason="API token revoked"
    ).exists()


def test_the_schema_names_the_token_scheme(client):
    schema = client.get("/api/v1/schema/").json()
    scheme = schema["components"]["securitySchemes"]["tokenAuth"]
    assert scheme == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": scheme["description"],
    }
    assert {"tokenAuth": []} in schema["paths"][API]["get"]["security"]


def test_the_service_refuses_a_lifetime_out_of_bounds_naming_the_days_field(make_user):
    from osallisuus.accounts.services import create_api_token
    from osallisuus.errors import DomainError

    with pytest.raises(DomainError) as refused:
        create_api_token(owner=make_user("staff"), name="x", days=366, two_factor_done=True)
    assert refused.value.field == "days"
    assert not ApiToken.objects.exists()
