"""A tiny OpenID Connect provider for tests: a real HTTP server on 127.0.0.1 in a thread.

It signs ID tokens with its own RSA key (published at /jwks), and its /authorize endpoint
answers at once for whoever `person` is, so a test walks the whole code flow the way a
browser would: the app's start URL, the provider, the app's callback. It publishes its
discovery document, checks PKCE when the client used it, and takes the client's secret in
the form or by HTTP Basic. A test may sign with another key (`signing_key`) than the one
published, or override any ID token claim (`id_token_claims`), to see the client refuse.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "osallisuus-test"
CLIENT_SECRET = "test-client-secret"  # a test provider's
KEY_ID = "test-key"


class LocalProvider:
    """Who signs in (`person`, the user info) and what the ID token adds (`id_token_claims`)."""

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.signing_key = self.key
        self.person: dict[str, Any] = {}
        self.id_token_claims: dict[str, Any] = {}
        self._codes: dict[str, dict[str, Any]] = {}
        self._access_tokens: dict[str, dict[str, Any]] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LocalProvider:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def settings(self) -> dict[str, Any]:
        return {
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.url}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.url}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.url}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.url}/jwks",
            "OIDC_RP_SIGN_ALGO": "RS256",
        }

    def _id_token(self, nonce: str) -> str:
        now = int(time.time())
        claims = {
            "iss": self.url,
            "aud": CLIENT_ID,
            "sub": self.person["sub"],
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            **self.id_token_claims,
        }
        return jwt.encode(claims, self.signing_key, algorithm="RS256", headers={"kid": KEY_ID})

    def _discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "userinfo_endpoint": f"{self.url}/userinfo",
            "jwks_uri": f"{self.url}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
        }

    def _client_authenticated(self, headers: Any, form: dict[str, str]) -> bool:
        """The client's id and secret, in the form or as HTTP Basic."""
        basic = headers.get("Authorization", "")
        if basic.startswith("Basic "):
            client_id, _, secret = base64.b64decode(basic[6:]).decode().partition(":")
        else:
            client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        return client_id == CLIENT_ID and secret == CLIENT_SECRET

    @staticmethod
    def _pkce_holds(grant: dict[str, Any], form: dict[str, str]) -> bool:
        """Without a challenge at /authorize nothing to check; with one, the verifier must fit."""
        challenge = grant.get("code_challenge")
        if not challenge:
            return True
        digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == challenge

    def _jwks(self) -> dict[str, Any]:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": KEY_ID, "alg": "RS256", "use": "sig"}]}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _json(self, body: dict[str, Any], status: int = 200) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/authorize":
                    if query.get("client_id") != CLIENT_ID:
                        return self._json({"error": "unauthorized_client"}, 400)
                    code = secrets.token_urlsafe(16)
                    provider._codes[code] = {
                        "nonce": query.get("nonce", ""),
                        "code_challenge": query.get("code_challenge", ""),
                    }
                    target = (
                        query["redirect_uri"]
                        + "?"
                        + urlencode({"code": code, "state": query["state"]})
                    )
                    self.send_response(302)
                    self.send_header("Location", target)
                    self.end_headers()
                elif url.path == "/userinfo":
                    token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                    if token not in provider._access_tokens:
                        return self._json({"error": "invalid_token"}, 401)
                    self._json(provider._access_tokens[token])
                elif url.path == "/jwks":
                    self._json(provider._jwks())
                elif url.path == "/.well-known/openid-configuration":
                    self._json(provider._discovery())
                else:
                    self._json({"error": "not_found"}, 404)
                return None

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                grant = provider._codes.pop(form.get("code", ""), None)
                if (
                    urlsplit(self.path).path != "/token"
                    or grant is None
                    or not provider._client_authenticated(self.headers, form)
                    or not provider._pkce_holds(grant, form)
                ):
                    return self._json({"error": "invalid_grant"}, 400)
                access_token = secrets.token_urlsafe(16)
                provider._access_tokens[access_token] = dict(provider.person)
                self._json(
                    {
                        "access_token": access_token,
                        "token_type": "Bearer",
                        "id_token": provider._id_token(grant["nonce"]),
                    }
                )
                return None

        return Handler
