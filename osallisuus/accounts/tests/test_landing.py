"""After signing in with no page to return to, each person lands on their work (#21 point 6)."""

import pytest

from osallisuus.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "landing"),
    [
        ("staff", "/palaute/saapuneet/"),
        ("unit_manager", "/palaute/saapuneet/"),
        ("administrator", "/palaute/saapuneet/"),
        ("coordinator", "/raportit/"),
        ("decision_maker", "/raportit/"),
        ("expert", "/kokemusasiantuntijat/omat/"),
        ("resident", "/oma/"),
    ],
)
def test_each_role_lands_on_its_work(client_as, role, landing):
    response = client_as(role).get("/tili/alku/")
    assert response.status_code == 302
    assert response["Location"] == landing


def test_a_password_sign_in_without_next_goes_through_the_landing(client, make_user):
    user = make_user("resident")
    response = client.post("/tili/kirjaudu/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/tili/alku/"
    assert client.get("/tili/alku/")["Location"] == "/oma/"
