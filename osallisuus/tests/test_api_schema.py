"""The OpenAPI schema lists the error answers clients must handle, with their JSON body."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_schema_documents_sign_in_not_found_and_throttle_answers(client):
    schema = client.get("/api/v1/schema/").json()
    paths = schema["paths"]
    expert_me = paths["/api/v1/experts/me/"]["get"]["responses"]
    assert {"401", "403", "404"} <= set(expert_me)
    assert "404" in paths["/api/v1/units/{code}/"]["get"]["responses"]
    assert "429" in paths["/api/v1/feedback/"]["post"]["responses"]
    assert "401" not in paths["/api/v1/feedback/"]["post"]["responses"]  # anyone may send
    body = expert_me["404"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/ErrorDetail"}
    assert schema["components"]["schemas"]["ErrorDetail"]["required"] == ["detail"]


def _request_body(schema, path):
    ref = schema["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
    return schema["components"]["schemas"][ref["$ref"].rsplit("/", 1)[1]]


@pytest.mark.parametrize(
    ("path", "field", "max_length"),
    [
        ("/api/v1/feedback/", "unit_code", 12),
        ("/api/v1/feedback/kiosk/", "unit_code", 12),
        ("/api/v1/feedback/kiosk/", "idempotency_key", 100),
        ("/api/v1/feedback/sms/", "message_id", 90),
        ("/api/v1/feedback/sms/", "text", 1600),
    ],
)
def test_a_required_text_the_api_refuses_blank_is_non_blank_in_the_schema(
    client, unit, settings, path, field, max_length
):
    body = _request_body(client.get("/api/v1/schema/").json(), path)
    assert field in body["required"]
    assert body["properties"][field]["minLength"] == 1
    assert body["properties"][field]["maxLength"] == max_length
    assert body["properties"][field]["pattern"] == r"\S"
    # …and the API refuses what the schema forbids: empty, only spaces, one character too long.
    settings.SMS_WEBHOOK_TOKEN = "secret"
    valid = {
        "/api/v1/feedback/": {"unit_code": "KST", "text": "Hyvä"},
        "/api/v1/feedback/kiosk/": {"unit_code": "KST", "idempotency_key": "k-1"},
        "/api/v1/feedback/sms/": {"message_id": "m-1", "sender": "+358401234567", "text": "KST 5"},
    }[path]
    for bad in ("", "   ", "x" * (max_length + 1)):
        response = client.post(
            path,
            {**valid, field: bad},
            content_type="application/json",
            headers={"X-Webhook-Token": "secret"},
        )
        assert response.status_code == 400, (bad, response.content)
        assert field in response.json()


def test_the_question_set_lookup_documents_a_non_blank_unit_code(client):
    [parameter] = client.get("/api/v1/schema/").json()["paths"]["/api/v1/question-sets/"]["get"][
        "parameters"
    ]
    assert parameter["schema"]["minLength"] == 1
    assert parameter["schema"]["maxLength"] == 12
