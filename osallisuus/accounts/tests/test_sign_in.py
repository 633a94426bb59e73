"""Signing in: passwords, two factors for staff, rate limiting, and scope by role."""

import pytest
from django.contrib.auth.hashers import identify_hasher
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from osallisuus.accounts.selectors import units_in_scope
from osallisuus.accounts.tests.factories import PASSWORD, user_with_role

pytestmark = pytest.mark.django_db


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def test_passwords_are_stored_hashed(make_user):
    user = make_user("staff")
    assert PASSWORD not in user.password
    assert identify_hasher(user.password).algorithm in {"pbkdf2_sha256", "argon2", "scrypt"}


def test_staff_must_give_a_one_time_code_before_reaching_anything(client, make_user):
    user = make_user("coordinator")
    response = client.post("/tili/kirjaudu/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    blocked = client.get("/admin/")
    assert blocked.status_code == 302
    assert blocked["Location"].startswith("/tili/vahvistus/")
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/tili/vahvistus/?next=/admin/", {"token": current_code(device)})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_with_a_message(client, make_user):
    user = make_user("staff")
    client.post("/tili/kirjaudu/", {"username": user.username, "password": PASSWORD})
    device = TOTPDevice.objects.get(user=user)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = client.post("/tili/vahvistus/", {"token": wrong})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert client.get("/tili/").status_code == 200  # own account page is reachable
    assert client.get("/admin/").status_code == 302


def test_staff_without_a_device_set_one_up_with_a_qr_code(client, db, unit):
    user = user_with_role("resident")
    from osallisuus.accounts.services import assign_role

    assign_role(user=user, role="staff", unit=unit)
    client.post("/tili/kirjaudu/", {"username": user.username, "password": PASSWORD})
    page = client.get("/tili/vahvistus/").content.decode()
    assert "data:image/svg+xml" in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post("/tili/vahvistus/", {"token": current_code(device)})
    device.refresh_from_db()
    assert device.confirmed


def test_residents_and_experts_sign_in_with_a_password_only(client, db):
    user = user_with_role("expert")
    client.post("/tili/kirjaudu/", {"username": user.username, "password": PASSWORD})
    assert client.get("/tili/").status_code == 200


def test_repeated_wrong_passwords_lock_sign_in_with_429(client, make_user):
    user = make_user("staff")
    for _ in range(5):
        client.post("/tili/kirjaudu/", {"username": user.username, "password": "wrong"})
    client.cookies["django_language"] = "fi"
    response = client.post("/tili/kirjaudu/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "Liian monta" in response.content.decode()


def test_staff_see_only_their_own_units(make_user, unit, other_unit):
    staff = make_user("staff")
    assert list(units_in_scope(staff)) == [unit]
    coordinator = make_user("coordinator")
    assert set(units_in_scope(coordinator)) == {unit, other_unit}
    assert not units_in_scope(make_user("expert")).exists()


def test_sign_out_needs_post(client, make_user, login):
    login(make_user("staff"))
    assert client.get("/tili/ulos/").status_code == 405
    client.post("/tili/ulos/")
    assert client.get("/tili/").status_code == 302
