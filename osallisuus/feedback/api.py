"""API for other channels: submit feedback, follow it by reply code, read the question set."""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from osallisuus.organisation.models import Unit

from .models import Channel
from .questions import active_question_set
from .selectors import feedback_by_reply_code
from .services import FeedbackInput, IntakeError, status_url, submit_feedback


class IntakeThrottle(AnonRateThrottle):
    scope = "feedback_intake"


class StatusLookupThrottle(AnonRateThrottle):
    scope = "reply_code_lookup"


class AnswerSerializer(serializers.Serializer[Any]):
    question = serializers.CharField(max_length=50)
    value = serializers.JSONField()


class FeedbackInSerializer(serializers.Serializer[Any]):
    unit_code = serializers.CharField(max_length=12)
    channel = serializers.ChoiceField(choices=Channel.choices, default=Channel.API)
    language = serializers.ChoiceField(choices=["fi", "sv", "en"], default="fi")
    answers = AnswerSerializer(many=True, required=False, default=list)
    text = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    idempotency_key = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )
    contact_email = serializers.EmailField(required=False, allow_blank=True, default="")
    contact_phone = serializers.RegexField(
        r"^\+?[0-9 ()-]{6,20}$", required=False, allow_blank=True, default=""
    )
    publish_consent = serializers.BooleanField(required=False, default=False)

    def validate_unit_code(self, value: str) -> Unit:
        unit = Unit.objects.filter(code=value.strip().upper(), active=True).first()
        if unit is None:
            raise serializers.ValidationError(_("No active unit has this code."))
        return unit


class FeedbackCreatedSerializer(serializers.Serializer[Any]):
    reply_code = serializers.CharField()
    status_url = serializers.CharField()


class FeedbackIntake(APIView):
    """Submit feedback. The same idempotency_key again returns 200 with the first reply code."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    throttle_classes = [IntakeThrottle]

    @extend_schema(
        request=FeedbackInSerializer,
        responses={
            201: FeedbackCreatedSerializer,
            200: FeedbackCreatedSerializer,
            400: OpenApiResponse(description="Field errors; nothing was stored."),
        },
    )
    def post(self, request: Request) -> Response:
        incoming = FeedbackInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        try:
            feedback, created = submit_feedback(
                FeedbackInput(
                    unit=data["unit_code"],
                    channel=data["channel"],
                    language=data["language"],
                    answers=[(a["question"], a["value"]) for a in data["answers"]],
                    text=data["text"],
                    idempotency_key=data["idempotency_key"],
                    contact_email=data["contact_email"],
                    contact_phone=data["contact_phone"],
                    publish_consent=data["publish_consent"],
                )
            )
        except IntakeError as error:
            return Response(error.errors, status=status.HTTP_400_BAD_REQUEST)
        body = {
            "reply_code": feedback.reply_code,
            "status_url": request.build_absolute_uri(status_url(feedback)),
        }
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class EventSerializer(serializers.Serializer[Any]):
    at = serializers.DateTimeField()
    status = serializers.CharField()
    public_text = serializers.CharField()


class ReplySerializer(serializers.Serializer[Any]):
    at = serializers.DateTimeField()
    text = serializers.CharField()


class FeedbackStatusSerializer(serializers.Serializer[Any]):
    status = serializers.CharField()
    events = EventSerializer(many=True)
    responses = ReplySerializer(many=True)


class FeedbackStatus(APIView):
    """What happened to a piece of feedback, as its giver sees it."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    throttle_classes = [StatusLookupThrottle]

    @extend_schema(responses={200: FeedbackStatusSerializer, 404: OpenApiResponse()})
    def get(self, request: Request, code: str) -> Response:
        feedback = feedback_by_reply_code(code.upper())
        if feedback is None:
            raise NotFound
        return Response(
            {
                "status": feedback.status,
                "events": [
                    {"at": e.at, "status": e.status, "public_text": e.public_text}
                    for e in feedback.events.all()
                ],
                "responses": [{"at": r.at, "text": r.text} for r in feedback.replies.all()],
            }
        )


class QuestionOutSerializer(serializers.Serializer[Any]):
    # Declared in get_fields: a field named "required" would shadow Field.required.
    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        return {
            "key": serializers.CharField(),
            "type": serializers.ChoiceField(choices=["scale5", "nps", "yesno", "choice", "text"]),
            "required": serializers.BooleanField(),
            "texts": serializers.DictField(child=serializers.CharField()),
            "options": serializers.ListField(child=serializers.DictField()),
        }


class QuestionSetOutSerializer(serializers.Serializer[Any]):
    key = serializers.CharField()
    version = serializers.IntegerField()
    questions = QuestionOutSerializer(many=True)


class ActiveQuestionSet(APIView):
    """The question set a unit asks now (its version is stored with every answer)."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(
        parameters=[OpenApiParameter("unit_code", str, required=True)],
        responses={200: QuestionSetOutSerializer, 404: OpenApiResponse()},
    )
    def get(self, request: Request) -> Response:
        code = str(request.query_params.get("unit_code", ""))[:12].strip().upper()
        unit = Unit.objects.filter(code=code, active=True).first() if code else None
        question_set = active_question_set(unit) if unit else None
        if question_set is None:
            raise NotFound
        return Response(
            {
                "key": question_set.key,
                "version": question_set.version,
                "questions": [
                    {
                        "key": q.key,
                        "type": q.type,
                        "required": q.required,
                        "texts": {"fi": q.text_fi, "sv": q.text_sv, "en": q.text_en},
                        "options": q.options,
                    }
                    for q in question_set.questions.all()
                ],
            }
        )


urlpatterns = [
    path("feedback/", FeedbackIntake.as_view(), name="feedback-intake"),
    path("feedback/status/<str:code>/", FeedbackStatus.as_view(), name="feedback-status"),
    path("question-sets/", ActiveQuestionSet.as_view(), name="question-set"),
]
