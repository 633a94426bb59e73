"""The API's token sign-in (`Authorization: Token <secret>`) and its OpenAPI security scheme.

Tokens are the accounts app's own (models.ApiToken): named, expiring, revocable, kept only as a
hash. A token that is unknown, expired or revoked is refused with 401, never treated as
anonymous, so a script learns at once that its key no longer works.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from .selectors import usable_api_token
from .services import hash_api_key, note_api_token_use

KEYWORD = "Token"
KEYWORD_AND_SECRET = 2  # the header is "Token <secret>"


class ApiTokenAuthentication(BaseAuthentication):
    """Signs a request in with one of the caller's API tokens."""

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.lower().encode():
            return None
        if len(parts) != KEYWORD_AND_SECRET:
            raise AuthenticationFailed(_("Give the token after the word Token, with no spaces."))
        try:
            secret = parts[1].decode("ascii")
        except UnicodeError as error:
            raise AuthenticationFailed(_("The token is unknown, expired or revoked.")) from error
        token = usable_api_token(hash_api_key(secret))
        if token is None:
            raise AuthenticationFailed(_("The token is unknown, expired or revoked."))
        note_api_token_use(token)
        return token.user, token

    def authenticate_header(self, request: Request) -> str | None:
        """401 with WWW-Authenticate for a refused token; no header asked, DRF's 403 stays."""
        parts = get_authorization_header(request).split()
        if parts and parts[0].lower() == KEYWORD.lower().encode():
            return KEYWORD
        return None


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """Documents the token in the OpenAPI schema (drf-spectacular finds it by its target)."""

    target_class = "osallisuus.accounts.api_auth.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": (
                "`Token <secret>`: a token its owner made on /tili/tunnukset/ after two-factor "
                "sign-in. Tokens expire (90 days unless chosen otherwise, 365 at most) and can "
                "be revoked; an unknown, expired or revoked token gets 401."
            ),
        }
