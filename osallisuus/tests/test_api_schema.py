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
