"""The OpenID Connect conversation with the residents' identity provider, through Authlib.

Authorization code flow with state, nonce and PKCE (S256); the ID token's signature is checked
against the provider's published keys, and its issuer, audience, expiry and nonce against what
this client expects. mozilla-django-oidc serves the staff directory, but its settings, its
session state and `authenticate()` are shared by the whole site, so a second client of it
could not be kept apart from the staff one; Authlib's client is configured per instance.

The personal identity code is read from the claim named by RESIDENT_OIDC_IDENTITY_CLAIM: from
the ID token, or else from the user info of the same subject.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.django_client import OAuth
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from joserfc.errors import JoseError

logger = logging.getLogger(__name__)
CLIENT_NAME = "resident"
# Seconds a call to the provider may take, and the clock difference tolerated in its tokens.
TIMEOUT_SECONDS = 10
LEEWAY_SECONDS = 60
# Longer than any identity code or eIDAS identifier; anything longer is not one.
MAX_CODE_LENGTH = 256
# What a refused or broken answer raises: a protocol error, a bad token, the network.
PROVIDER_ERRORS: tuple[type[Exception], ...] = (
    AuthlibBaseError,
    JoseError,
    requests.RequestException,
    ValueError,
)


class IdentificationError(Exception):
    """The provider's answer was refused; `cancelled` when the person stopped it there."""

    def __init__(self, reason: str, *, cancelled: bool = False) -> None:
        super().__init__(reason)
        self.cancelled = cancelled


@dataclass(frozen=True)
class Identified:
    """Who the provider vouched for: the identity code and, if it told them, the names."""

    identity_code: str
    given_name: str = ""
    family_name: str = ""


def _client() -> Any:
    """A client built from the settings as they are now (tests change them)."""
    scopes = settings.RESIDENT_OIDC_SCOPES.split()
    if "openid" not in scopes:
        scopes.insert(0, "openid")
    return OAuth().register(
        name=CLIENT_NAME,
        client_id=settings.RESIDENT_OIDC_CLIENT_ID,
        client_secret=settings.RESIDENT_OIDC_CLIENT_SECRET,
        server_metadata_url=settings.RESIDENT_OIDC_ISSUER.rstrip("/")
        + "/.well-known/openid-configuration",
        client_kwargs={
            "scope": " ".join(scopes),
            "code_challenge_method": "S256",
            "default_timeout": TIMEOUT_SECONDS,
        },
    )


def _checked_metadata(client: Any) -> dict[str, Any]:
    """The discovery document, whose issuer must be the configured one (Discovery 1.0 §4.3)."""
    metadata: dict[str, Any] = client.load_server_metadata()
    if metadata.get("issuer") != settings.RESIDENT_OIDC_ISSUER:
        raise IdentificationError("the discovery document names another issuer")
    return metadata


def begin(request: HttpRequest, *, redirect_uri: str, language: str) -> HttpResponse:
    """Send the browser to the provider; state, nonce and PKCE verifier wait in the session."""
    client = _client()
    try:
        _checked_metadata(client)
    except PROVIDER_ERRORS as error:
        raise IdentificationError(f"discovery failed: {error}") from error
    extra = {"ui_locales": language}
    if settings.RESIDENT_OIDC_ACR_VALUES:
        extra["acr_values"] = " ".join(settings.RESIDENT_OIDC_ACR_VALUES)
    response: HttpResponse = client.authorize_redirect(request, redirect_uri, **extra)
    return response


def finish(request: HttpRequest) -> Identified:
    """Check the provider's answer at the callback and return whom it identified."""
    refusal = request.GET.get("error")
    if refusal:
        raise IdentificationError(f"the provider answered {refusal}", cancelled=True)
    client = _client()
    claims_options: dict[str, Any] = {
        "iss": {"essential": True, "value": settings.RESIDENT_OIDC_ISSUER},
        "aud": {"essential": True, "value": settings.RESIDENT_OIDC_CLIENT_ID},
        "exp": {"essential": True},
    }
    if settings.RESIDENT_OIDC_ACR_VALUES:
        claims_options["acr"] = {"essential": True, "values": settings.RESIDENT_OIDC_ACR_VALUES}
    try:
        _checked_metadata(client)
        token = client.authorize_access_token(
            request, claims_options=claims_options, leeway=LEEWAY_SECONDS
        )
        claims = dict(token.get("userinfo") or {})
        if not claims:
            raise IdentificationError("the token response had no ID token")
        code = claims.get(settings.RESIDENT_OIDC_IDENTITY_CLAIM)
        if code is None and client.load_server_metadata().get("userinfo_endpoint"):
            userinfo = dict(client.userinfo(token=token))
            if userinfo.get("sub") != claims.get("sub"):
                raise IdentificationError("the user info is about another subject")
            claims = {**userinfo, **claims}
            code = claims.get(settings.RESIDENT_OIDC_IDENTITY_CLAIM)
    except PROVIDER_ERRORS as error:
        raise IdentificationError(f"{type(error).__name__}: {error}") from error
    if not isinstance(code, str) or not code.strip() or len(code) > MAX_CODE_LENGTH:
        raise IdentificationError("no identity code in the claims")
    return Identified(
        identity_code=code.strip(),
        given_name=str(claims.get("given_name") or ""),
        family_name=str(claims.get("family_name") or ""),
    )
