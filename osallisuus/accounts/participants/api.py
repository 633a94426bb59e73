"""POST /api/v1/accounts/signup/ and /api/v1/accounts/verify/: the way in for a mobile front end.

Sign-up sends a code (and, by e-mail, a link); the same call signs in an existing account, and
its answer is the same either way. Verify checks the code and starts a session. Bad input is
400 with field errors and stores nothing; too many codes for an address or from a client, or
too many wrong codes (the sign-in lock-out), is 429.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate, login
from django.contrib.auth.base_user import BaseUserManager
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from osallisuus.accounts.models import User
from osallisuus.accounts.services import normalise_phone
from osallisuus.security import client_address

from . import services

LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]


class AddressInSerializer(serializers.Serializer[Any]):
    """Exactly one of `email` and `phone`."""

    email = serializers.EmailField(required=False, max_length=254)
    phone = serializers.CharField(
        required=False,
        max_length=30,
        help_text="A mobile number; without a country code it is read as Finnish (040 123 4567).",
    )

    def validate_email(self, value: str) -> str:
        return BaseUserManager.normalize_email(value)

    def validate_phone(self, value: str) -> str:
        phone = normalise_phone(value)
        if phone is None:
            raise serializers.ValidationError(
                gettext_lazy("Type a mobile phone number, like 040 123 4567.")
            )
        return phone

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if bool(attrs.get("email")) == bool(attrs.get("phone")):
            raise serializers.ValidationError(
                gettext_lazy("Give either an e-mail address or a phone number.")
            )
        attrs["address"] = services.Address(
            email=attrs.get("email", ""), phone=attrs.get("phone", "")
        )
        return attrs


class SignUpInSerializer(AddressInSerializer):
    language = serializers.ChoiceField(choices=LANGUAGES, default="fi")
    first_name = serializers.CharField(required=False, max_length=150, default="")
    last_name = serializers.CharField(required=False, max_length=150, default="")
    consent = serializers.BooleanField(
        help_text="The person agreed that their address and name are stored (must be true)."
    )

    def validate_consent(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError(
                gettext_lazy("Agree to the storing of your details to sign up.")
            )
        return value


class CodeSentSerializer(serializers.Serializer[Any]):
    channel = serializers.ChoiceField(choices=["email", "sms"])
    expires_in_seconds = serializers.IntegerField()
    detail = serializers.CharField()


class VerifyInSerializer(AddressInSerializer):
    code = serializers.RegexField(r"^[0-9]{6}$", help_text="The six digits from the message.")


class AccountOutSerializer(serializers.ModelSerializer[User]):
    language = serializers.CharField(source="preferred_language")

    class Meta:
        model = User
        fields = ["id", "email", "phone", "first_name", "last_name", "language", "verified_at"]


def _field_errors(name: str, fields: list[str]) -> Any:
    """The 400 body: each field's messages, and `non_field_errors` for the whole request."""
    return inline_serializer(
        name=name,
        fields={
            field: serializers.ListField(child=serializers.CharField(), required=False)
            for field in [*fields, "non_field_errors"]
        },
    )


THROTTLED = OpenApiResponse(
    description="Too many codes for this address or from this client (sign-up), or too many "
    "wrong codes (verify); `retry_after_seconds` says when to try again."
)


class SignUp(APIView):
    """Send a sign-in code to an e-mail address or phone number, making the account if needed.

    The answer is the same whether or not the address already has an account.
    """

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(
        request=SignUpInSerializer,
        responses={
            201: CodeSentSerializer,
            400: OpenApiResponse(
                _field_errors(
                    "SignUpErrors",
                    ["email", "phone", "language", "first_name", "last_name", "consent"],
                ),
                description="Field errors; nothing was stored and nothing sent.",
            ),
            429: THROTTLED,
        },
    )
    def post(self, request: Request) -> Response:
        incoming = SignUpInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        address: services.Address = data["address"]
        try:
            services.sign_up(
                address=address,
                language=data["language"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                client=client_address(request._request),
            )
        except services.TooManyCodesError as error:
            # 429 with when to retry, as DRF's throttling answers; not the handler's 400.
            return Response(
                {"detail": str(error), "retry_after_seconds": error.retry_after_seconds},
                status=status.HTTP_429_TOO_MANY_REQUESTS,
            )
        body = {
            "channel": address.channel,
            "expires_in_seconds": int(services.code_lifetime(address).total_seconds()),
            "detail": _(
                "If the address can receive messages, we sent a code to it. Verify it to sign in."
            ),
        }
        return Response(body, status=status.HTTP_201_CREATED)


class Verify(APIView):
    """Check the code sent by sign-up; a right code verifies the account and signs it in
    (a session cookie). A staff account still gives its second factor before staff data."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(
        request=VerifyInSerializer,
        responses={
            200: AccountOutSerializer,
            400: OpenApiResponse(
                _field_errors("VerifyErrors", ["email", "phone", "code"]),
                description="Field errors, or a wrong, expired or used code (under `code`).",
            ),
            429: THROTTLED,
        },
    )
    def post(self, request: Request) -> Response:
        incoming = VerifyInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        user = authenticate(request._request, username=str(data["address"]), code=data["code"])
        if user is None:
            return Response(
                {"code": [_("The code is wrong, has expired or was already used.")]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        login(request._request, user)
        return Response(AccountOutSerializer(user).data)


urlpatterns = [
    path("accounts/signup/", SignUp.as_view(), name="account-signup"),
    path("accounts/verify/", Verify.as_view(), name="account-verify"),
]
