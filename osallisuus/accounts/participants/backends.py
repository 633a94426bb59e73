"""Signing in with a one-time code or link, as a Django authentication backend.

Going through `django.contrib.auth.authenticate` puts every code and link through django-axes
like a password: wrong codes lock the address out from that client address for the same
cool-off as wrong passwords. A session started here never counts as a staff member's second
factor; the two-factor middleware still asks for it.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend
from django.http import HttpRequest

from osallisuus.accounts.models import User

from .services import parse_address, redeem_code, redeem_link


class SignInCodeBackend(BaseBackend):
    """`authenticate(request, username=<e-mail or phone>, code=...)` or `(request, link=...)`."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        code: str | None = None,
        link: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        user = None
        if code and username:
            address = parse_address(username)
            if address is not None:
                user = redeem_code(address=address, code=code)
        elif link:
            user = redeem_link(token=link)
        return user if user is not None and user.is_active else None

    def get_user(self, user_id: int) -> User | None:
        return User._default_manager.filter(pk=user_id, is_active=True).first()
