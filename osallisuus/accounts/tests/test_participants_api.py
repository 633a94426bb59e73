"""POST /api/v1/accounts/signup/ and /verify/: answers as the OpenAPI schema says they are."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import jsonschema
import pytest

from osallisuus.accounts.models import SignInCode, User
from osallisuus.accounts.services import create_participant
from osallisuus.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db

SIGNUP, VERIFY = "/api/v1/accounts/signup/", "/api/v1/accounts/verify/"


@pytest.fixture(scope="module")
def api_schema() -> dict[str, Any]:
    """The schema as /api/v1/schema/ serves it (made once: it takes seconds)."""
    from drf_spectacular.generators import SchemaGenerator

    return json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True)))


def _openapi_to_jsonschema(node: Any) -> Any:
    """OpenAPI 3.0's `nullable` in JSON Schema's words, so jsonschema can check a body."""
    if isinstance(node, dict):
        node = {k: _openapi_to_jsonschema(v) for k, v in node.items()}
        if node.pop("nullable", False) and "type" in node:
            node["type"] = [node["type"], "null"]
        return node
    if isinstance(node, list):
        return [_openapi_to_jsonschema(v) for v in node]
    return node


def assert_documented(api_schema: dict[str, Any], path: str, response: Any) -> None:
    """The status is in the schema for this operation and the body matches its schema."""
    responses = api_schema["paths"][path]["post"]["responses"]
    assert str(response.status_code) in responses, (response.status_code, sorted(responses))
    body_schema = responses[str(response.status_code)]["content"]["application/json"]["schema"]
    document = _openapi_to_jsonschema(copy.deepcopy(api_schema))
    validator = jsonschema.Draft7Validator(
        {**_openapi_to_jsonschema(body_schema), "components": document["components"]},
        format_checker=jsonschema.FormatChecker(),
    )
    validator.validate(response.json())


def post(client: Any, path: str, body: dict[str, Any]) -> Any:
    return client.post(path, body, content_type="application/json")


def code_sent_to(recipient: str) -> str:
    body = OutboxMessage.objects.filter(recipient=recipient).latest("pk").body
    return re.search(r"\b(\d{6})\b", body).group(1)


def test_sign_up_by_phone_then_verify_signs_in(client, api_schema):
    response = post(client, SIGNUP, {"phone": "040 765 4321", "language": "en", "consent": True})
    assert response.status_code == 201
    assert response.json()["channel"] == "sms"
    assert_documented(api_schema, SIGNUP, response)
    user = User.objects.get(phone="+358407654321")
    assert (user.preferred_language, user.verified_at) == ("en", None)

    code = code_sent_to("+358407654321")
    response = post(client, VERIFY, {"phone": "+358407654321", "code": code})
    assert response.status_code == 200
    assert_documented(api_schema, VERIFY, response)
    assert response.json()["id"] == user.pk
    assert response.json()["verified_at"] is not None
    assert client.get("/tili/").wsgi_request.user == user  # the session is signed in


def test_sign_up_by_email_then_verify_with_the_code_from_the_email(client, api_schema):
    response = post(client, SIGNUP, {"email": "api@example.org", "consent": True})
    assert response.status_code == 201
    assert response.json()["channel"] == "email"
    response = post(
        client, VERIFY, {"email": "api@example.org", "code": code_sent_to("api@example.org")}
    )
    assert response.status_code == 200
    assert response.json()["email"] == "api@example.org"


def test_signing_up_an_address_that_has_an_account_answers_the_same(client):
    create_participant(email="jo@example.org", verified=True)
    new = post(client, SIGNUP, {"email": "uusi@example.org", "consent": True})
    old = post(client, SIGNUP, {"email": "jo@example.org", "consent": True})
    assert (old.status_code, old.json()) == (new.status_code, new.json())
    assert User.objects.filter(email="jo@example.org").count() == 1


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"consent": True}, {"non_field_errors"}),
        ({"email": "a@example.org", "phone": "0401234567", "consent": True}, {"non_field_errors"}),
        ({"email": "not an address", "consent": True}, {"email"}),
        ({"phone": "12", "consent": True}, {"phone"}),
        ({"email": "a@example.org", "consent": False}, {"consent"}),
        ({"email": "a@example.org"}, {"consent"}),
        ({"email": "a@example.org", "consent": True, "language": "de"}, {"language"}),
    ],
)
def test_bad_sign_up_input_is_400_with_field_errors_and_nothing_stored(
    client, api_schema, body, fields
):
    response = post(client, SIGNUP, body)
    assert response.status_code == 400
    assert set(response.json()) == fields
    assert_documented(api_schema, SIGNUP, response)
    assert not User.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_wrong_code_is_400_under_code(client, api_schema):
    post(client, SIGNUP, {"phone": "0407654321", "consent": True})
    right = code_sent_to("+358407654321")
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = post(client, VERIFY, {"phone": "0407654321", "code": wrong})
    assert response.status_code == 400
    assert set(response.json()) == {"code"}
    assert_documented(api_schema, VERIFY, response)
    assert User.objects.get().verified_at is None


def test_bad_verify_input_is_400_with_field_errors(client, api_schema):
    response = post(client, VERIFY, {"phone": "0407654321", "code": "12ab"})
    assert response.status_code == 400
    assert set(response.json()) == {"code"}
    assert_documented(api_schema, VERIFY, response)


def test_the_sixth_code_to_one_number_is_429_in_the_callers_language(client, api_schema):
    body = {"phone": "0407654321", "consent": True}
    statuses = [post(client, SIGNUP, body).status_code for _ in range(5)]
    assert statuses == [201] * 5
    response = client.post(
        SIGNUP, body, content_type="application/json", headers={"Accept-Language": "sv"}
    )
    assert response.status_code == 429
    assert response.json()["detail"].startswith("För många koder")
    assert response.json()["retry_after_seconds"] == 3600
    assert_documented(api_schema, SIGNUP, response)
    assert SignInCode.objects.count() == 5


def test_wrong_codes_lock_out_the_number_with_429_in_json(client, api_schema):
    post(client, SIGNUP, {"phone": "0407654321", "consent": True})
    right = code_sent_to("+358407654321")
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    statuses = [
        post(client, VERIFY, {"phone": "0407654321", "code": wrong}).status_code for _ in range(5)
    ]
    assert statuses == [400, 400, 400, 400, 429]
    response = post(client, VERIFY, {"phone": "0407654321", "code": right})
    assert response.status_code == 429
    assert_documented(api_schema, VERIFY, response)


def test_the_schema_describes_both_operations_without_sign_in(api_schema):
    for path in (SIGNUP, VERIFY):
        operation = api_schema["paths"][path]["post"]
        assert {"200", "201"} & set(operation["responses"])
        assert {"400", "429"} <= set(operation["responses"])
        assert "401" not in operation["responses"]
    components = api_schema["components"]["schemas"]
    assert set(components["SignUpInRequest"]["required"]) == {"consent"}
    assert set(components["VerifyInRequest"]["required"]) == {"code"}
    assert {"email", "phone", "consent", "non_field_errors"} <= set(
        components["SignUpErrors"]["properties"]
    )
