"""The objection API: `POST /api/v1/objections/` (when the county takes objections here) and
`GET /api/v1/objections/status/<code>/`, which answers like the feedback status endpoint."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from osallisuus.feedback.intake.adapters import unit_by_code
from osallisuus.rate_limits import SharedCounterThrottle

from .models import Concern
from .selectors import complaint_by_code, objections_enabled
from .services import NEEDED, ObjectionInput, submit_objection


class ObjectionThrottle(SharedCounterThrottle):
    scope = "feedback_intake"


class StatusThrottle(SharedCounterThrottle):
    scope = "reply_code_lookup"


def _needed(name: str) -> dict[str, Any]:
    return {"required": NEEDED[name], "blank": NEEDED[name], "null": NEEDED[name]}


class ObjectionInSerializer(serializers.Serializer[Any]):
    unit_code = serializers.CharField(max_length=12, error_messages=_needed("unit"))
    concern = serializers.ChoiceField(choices=Concern.choices, error_messages=_needed("concern"))
    name = serializers.CharField(max_length=200, error_messages=_needed("name"))
    address = serializers.CharField(max_length=1000, error_messages=_needed("address"))
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    text = serializers.CharField(max_length=10000, error_messages=_needed("text"))
    language = serializers.ChoiceField(choices=settings.LANGUAGES, default="fi")
    idempotency_key = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )

    def validate_unit_code(self, value: str) -> Any:
        unit = unit_by_code(value)
        if unit is None:
            raise serializers.ValidationError(NEEDED["unit"])
        return unit


class ObjectionCreatedSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    code = serializers.CharField()
    acknowledge_by = serializers.DateField(help_text="The date the written answer is due.")


class ObjectionIntake(APIView):
    """Send a formal objection (muistutus). It is kept in the objection register, never with
    feedback. The same idempotency_key again returns 200 with the first record."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    throttle_classes = [ObjectionThrottle]

    @extend_schema(
        request=ObjectionInSerializer,
        responses={
            201: ObjectionCreatedSerializer,
            200: ObjectionCreatedSerializer,
            400: OpenApiResponse(description="Field errors; nothing was stored."),
            404: OpenApiResponse(description="The county takes no objections here."),
        },
    )
    def post(self, request: Request) -> Response:
        if not objections_enabled():
            raise NotFound
        incoming = ObjectionInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        complaint, created = submit_objection(
            ObjectionInput(
                unit=data["unit_code"],
                concern=data["concern"],
                name=data["name"],
                address=data["address"],
                email=data["email"],
                text=data["text"],
                language=data["language"],
                source="api",
                idempotency_key=data["idempotency_key"],
            )
        )
        body = {
            "id": complaint.pk,
            "code": complaint.code,
            "acknowledge_by": complaint.acknowledge_by,
        }
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class ObjectionStatusSerializer(serializers.Serializer[Any]):
    status = serializers.CharField()
    received_at = serializers.DateTimeField()
    acknowledge_by = serializers.DateField()
    answer = serializers.CharField(allow_null=True)
    answered_on = serializers.DateField(allow_null=True)


class ObjectionStatus(APIView):
    """Where an objection is, as its sender sees it by its code (no name or address)."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    throttle_classes = [StatusThrottle]

    @extend_schema(responses={200: ObjectionStatusSerializer, 404: OpenApiResponse()})
    def get(self, request: Request, code: str) -> Response:
        complaint = complaint_by_code(code.upper())
        if complaint is None:
            raise NotFound
        answered = bool(complaint.answered_on)
        return Response(
            {
                "status": complaint.status,
                "received_at": complaint.received_at,
                "acknowledge_by": complaint.acknowledge_by,
                "answer": complaint.answer_text if answered else None,
                "answered_on": complaint.answered_on,
            }
        )


urlpatterns = [
    path("objections/", ObjectionIntake.as_view(), name="objection-intake"),
    path("objections/status/<str:code>/", ObjectionStatus.as_view(), name="objection-status"),
]
