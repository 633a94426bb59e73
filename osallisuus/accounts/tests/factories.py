"""Users with roles, and signing a test client in with both factors."""

from __future__ import annotations

from typing import Any

import factory
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from osallisuus.accounts.models import User
from osallisuus.accounts.services import assign_role, create_api_token

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Testi"
    last_name = factory.Sequence(lambda n: f"Käyttäjä{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805  factory_boy's classmethod hook signature
        if create:
            obj.save()


def user_with_role(role: str, *, unit: Any = None) -> User:
    """A user with one role; staff roles get a confirmed authenticator device."""
    user = UserFactory(username=f"{role}-{User.objects.count()}")
    if role in ("staff", "unit_manager"):
        assign_role(user=user, role=role, unit=unit)
    elif role not in ("resident", "anonymous"):
        assign_role(user=user, role=role)
    if role not in ("resident", "expert", "anonymous"):
        TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


def sign_in(client: Any, user: User) -> None:
    """Sign in as after password and one-time code (the two-factor step is done)."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


def sign_in_browser(page: Any, live_server: Any, user: User, *, language: str = "fi") -> None:
    """Give a browser tab the session of a user signed in with both factors, in a language."""
    from django.test import Client

    client = Client()
    sign_in(client, user)
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            },
            {"name": "django_language", "value": language, "url": live_server.url},
        ]
    )


def api_key_for(user: User, *, days: int = 90) -> str:
    """The secret of a new API token of the user, as made after the two-factor step."""
    _token, secret = create_api_token(owner=user, name="test", days=days, two_factor_done=True)
    return secret
