"""The API doors: other systems submit feedback and read the question set, kiosks send their
queued answers, and an SMS gateway delivers text messages. Following by reply code is in
feedback/api.py."""

from __future__ import annotations

import hashlib
import hmac
import threading
from typing import Any

from django.conf import settings
from django.core.validators import RegexValidator
from django.http import HttpResponse
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import AuthenticationFailed, NotFound, PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from osallisuus.errors import DomainError
from osallisuus.experts.selectors import gathering_choices
from osallisuus.organisation.models import Unit
from osallisuus.public_cache import PublicAnswerMixin
from osallisuus.rate_limits import SharedCounterThrottle

from ..models import Channel
from ..questions import active_question_set
from ..services import FeedbackInput, status_url, submit_feedback
from .adapters import feedback_from_sms, submit_kiosk_feedback, unit_by_code
from .cache import QUESTION_SET_ANSWERS


class IntakeThrottle(SharedCounterThrottle):
    scope = "feedback_intake"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        """Every sender by address, as DRF's anonymous throttle, without asking request.user:
        the intake signs in no one up front (FeedbackIntake.perform_authentication)."""
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


# A required text must hold more than spaces: DRF trims them and then refuses the blank, and the
# schema says the same (minLength 1 from allow_blank=False, this pattern from the validator).
NOT_ONLY_SPACES = RegexValidator(r"\S", serializers.CharField.default_error_messages["blank"])


class ReusedFields:
    """DRF gives every serializer instance a deep copy of the declared fields, which rebuilds
    each field (its validators, its choices) and was most of an intake's validation time. The
    fields hold no state of a validation, so this thread's first instance keeps its copy and
    later instances of the class take it over: the same fields, messages and schema, built
    once per thread. Only for serializers that never change their fields per instance."""

    _per_thread = threading.local()

    @cached_property
    def fields(self) -> Any:
        kept: dict[Any, Any] = self._per_thread.__dict__
        fields = kept.get(type(self))
        if fields is None:
            fields = kept[type(self)] = super().fields  # type: ignore[misc]
        else:
            for field in fields.values():
                field.parent = self
        return fields


class AnswerSerializer(serializers.Serializer[Any]):
    question = serializers.CharField(max_length=50)
    value = serializers.JSONField()


# Anyone may send on these; `expert` is a signed-in feedback collector's (#17 item 3).
OPEN_CHANNELS = [choice for choice in Channel.choices if choice[0] != Channel.EXPERT]


class FeedbackInSerializer(ReusedFields, serializers.Serializer[Any]):
    unit_code = serializers.CharField(max_length=12, validators=[NOT_ONLY_SPACES])
    channel = serializers.ChoiceField(
        choices=[*OPEN_CHANNELS, (Channel.EXPERT, Channel.EXPERT.label)],
        default=Channel.API,
        help_text=(
            "`expert`: feedback a feedback collector gathered from a client. Only for a "
            "signed-in expert (session with CSRF token, or API token) with a running collector "
            "assignment at the unit; otherwise 403 and nothing is stored."
        ),
    )
    language = serializers.ChoiceField(choices=settings.LANGUAGES, default="fi")
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
    oral_consent = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Channel `expert`: the client gave oral consent; without it 400, nothing stored.",
    )
    gathering = serializers.ChoiceField(
        choices=gathering_choices(),
        required=False,
        default="unit",
        help_text="Channel `expert`: where the collector met the client.",
    )

    def validate_unit_code(self, value: str) -> Unit:
        unit = unit_by_code(value)
        if unit is None:
            raise serializers.ValidationError(_("No active unit has this code."))
        return unit


class FeedbackCreatedSerializer(serializers.Serializer[Any]):
    reply_code = serializers.CharField()
    status_url = serializers.CharField()


def created_response(request: Request, feedback: Any, created: bool) -> Response:
    """201 with the reply code for new feedback; 200 with the first one for a resend."""
    body = {
        "reply_code": feedback.reply_code,
        "status_url": request.build_absolute_uri(status_url(feedback)),
    }
    return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class FeedbackIntake(APIView):
    """Submit feedback. The same idempotency_key again returns 200 with the first reply code."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    throttle_classes = [IntakeThrottle]

    def perform_authentication(self, request: Request) -> None:
        """Nobody is signed in up front (DRF would mark the request anonymous, over the
        session's user): only the expert channel asks who sends (signed_in_caller)."""

    @extend_schema(
        request=FeedbackInSerializer,
        responses={
            201: FeedbackCreatedSerializer,
            200: FeedbackCreatedSerializer,
            400: OpenApiResponse(description="Field errors; nothing was stored."),
            403: OpenApiResponse(
                description=(
                    "Channel `expert` from anyone but a signed-in expert with a running "
                    "collector assignment at the unit (or a session request without its CSRF "
                    "token); nothing was stored."
                )
            ),
        },
    )
    def post(self, request: Request) -> Response:
        incoming = FeedbackInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        if data["channel"] == Channel.EXPERT:
            return collected_by_expert(request, data)
        # A refusal (IntakeError) is answered 400 by osallisuus.security.api_exception_handler.
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
        return created_response(request, feedback, created)


def signed_in_caller(request: Request) -> Any:
    """The user of an API token or of a session (whose CSRF token DRF checks), else None. The
    intake view itself authenticates no one (osallisuus/api_lane.py): only the expert
    channel asks who sends."""
    from rest_framework.authentication import SessionAuthentication

    from osallisuus.accounts.api_auth import ApiTokenAuthentication

    for authentication in (ApiTokenAuthentication(), SessionAuthentication()):
        try:
            signed_in = authentication.authenticate(request)
        except (AuthenticationFailed, PermissionDenied) as error:
            raise PermissionDenied(error.detail) from error
        if signed_in is not None:
            return signed_in[0]
    return None


def collected_by_expert(request: Request, data: dict[str, Any]) -> Response:
    """Channel `expert`: stored through the collector's own service, on the caller's running
    collector assignment at the unit; anyone else gets 403 and nothing is stored."""
    from osallisuus.experts.selectors import collecting_assignment
    from osallisuus.experts.services import CollectedInput, collect_feedback_once

    user = signed_in_caller(request)
    if user is None:
        raise PermissionDenied(_("Sign in as a feedback collector to send feedback you gathered."))
    assignment = collecting_assignment(user=user, unit=data["unit_code"])
    if assignment is None:
        raise PermissionDenied(_("You have no running feedback-collector assignment at this unit."))
    if data["answers"]:
        raise serializers.ValidationError(
            {"answers": [_("Feedback you gathered is sent as text, without answers.")]}
        )
    try:
        feedback, created = collect_feedback_once(
            assignment=assignment,
            by=user,
            data=CollectedInput(
                text=data["text"],
                language=data["language"],
                gathering=data["gathering"],
                consent=data["oral_consent"],
                idempotency_key=data["idempotency_key"],
                contact_email=data["contact_email"],
                contact_phone=data["contact_phone"],
            ),
        )
    except DomainError as error:
        if error.field != "consent":
            raise
        # The service's rule, under the API's name for the field.
        raise serializers.ValidationError({"oral_consent": [str(error)]}) from error
    return created_response(request, feedback, created)


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


class ActiveQuestionSet(PublicAnswerMixin, APIView):
    """The question set a unit asks now (its version is stored with every answer). Answers
    carry an ETag and Last-Modified; a conditional request for an unchanged set gets 304."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    public_answers = QUESTION_SET_ANSWERS

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "unit_code",
                {"type": "string", "minLength": 1, "maxLength": 12},
                required=True,
                allow_blank=False,
            )
        ],
        responses={200: QuestionSetOutSerializer, 404: OpenApiResponse()},
    )
    def get(self, request: Request) -> HttpResponse:
        return self.public_answer(request, self.question_set)

    def question_set(self, request: Request) -> Response:
        unit = unit_by_code(str(request.query_params.get("unit_code", ""))[:12])
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
    path("question-sets/", ActiveQuestionSet.as_view(), name="question-set"),
]


# --- Kiosk --------------------------------------------------------------------------------------
# Kiosks of a county often share one public address; each kiosk gets its own budget per unit.
KIOSK_DEFAULT_RATE = "120/minute"


class KioskIntakeThrottle(SharedCounterThrottle):
    scope = "kiosk_intake"

    def get_rate(self) -> str | None:
        return self.THROTTLE_RATES.get(self.scope) or KIOSK_DEFAULT_RATE

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        unit_code = ""
        if isinstance(request.data, dict):
            unit_code = str(request.data.get("unit_code", ""))[:12].upper()
        # Hashed: the code comes from the client and may hold anything a cache key must not.
        ident = hashlib.sha256(f"{self.get_ident(request)}:{unit_code}".encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": ident[:32]}


class KioskAnswerInSerializer(FeedbackInSerializer):
    idempotency_key = serializers.CharField(max_length=100, validators=[NOT_ONLY_SPACES])
    answered_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    mashing_hint = serializers.BooleanField(required=False, default=False)
    device = serializers.RegexField(
        r"^[A-Za-z0-9-]{1,36}$",
        required=False,
        allow_blank=True,
        default="",
        help_text="A random id the kiosk keeps: bursts are judged per kiosk device.",
    )


class KioskIntake(APIView):
    """A kiosk answer, sent from the kiosk's queue (maybe late, maybe twice).

    The same idempotency_key again returns 200 with the first reply code. `answered_at` is when
    the face was pressed; bursts of answers are stored but marked as button-mashing.
    """

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    throttle_classes = [KioskIntakeThrottle]

    @extend_schema(
        request=KioskAnswerInSerializer,
        responses={
            201: FeedbackCreatedSerializer,
            200: FeedbackCreatedSerializer,
            400: OpenApiResponse(description="Field errors; nothing was stored."),
        },
    )
    def post(self, request: Request) -> Response:
        incoming = KioskAnswerInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        feedback, created = submit_kiosk_feedback(
            FeedbackInput(
                unit=data["unit_code"],
                channel=Channel.KIOSK,
                language=data["language"],
                answers=[(a["question"], a["value"]) for a in data["answers"]],
                text=data["text"],
                idempotency_key=data["idempotency_key"],
                kiosk_device=data["device"],
            ),
            answered_at=data["answered_at"],
            mashing_hint=data["mashing_hint"],
        )
        return created_response(request, feedback, created)


# --- SMS gateway webhook -----------------------------------------------------------------------
SMS_AUTH_HEADER = "X-Webhook-Token"


class SmsInSerializer(serializers.Serializer[Any]):
    message_id = serializers.CharField(
        max_length=90, validators=[NOT_ONLY_SPACES], help_text="The gateway's own message id."
    )
    sender = serializers.RegexField(r"^\+?[0-9 ()-]{6,20}$", help_text="The sender's number.")
    text = serializers.CharField(
        max_length=1600, validators=[NOT_ONLY_SPACES], help_text='"<unit code> [1-5] [text]"'
    )


class SmsWebhook(APIView):
    """An SMS gateway delivers a text message "KST 4 Good service" as feedback.

    Off (404) unless SMS_WEBHOOK_TOKEN is set; the gateway sends that secret in the
    X-Webhook-Token header. The gateway's message id makes a redelivery return 200 and the
    first reply code. An unknown unit gives 400 and nothing is stored.
    """

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    throttle_classes: list[type] = []

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        token = str(getattr(settings, "SMS_WEBHOOK_TOKEN", "") or "")
        if not token:
            raise NotFound
        given = str(request.headers.get(SMS_AUTH_HEADER, ""))
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise PermissionDenied
        super().initial(request, *args, **kwargs)

    @extend_schema(
        request=SmsInSerializer,
        parameters=[OpenApiParameter(SMS_AUTH_HEADER, str, OpenApiParameter.HEADER, True)],
        responses={
            201: FeedbackCreatedSerializer,
            200: FeedbackCreatedSerializer,
            400: OpenApiResponse(description="Unknown unit or empty message; nothing stored."),
            403: OpenApiResponse(description="Wrong or missing token."),
            404: OpenApiResponse(description="The SMS channel is not switched on."),
        },
    )
    def post(self, request: Request) -> Response:
        incoming = SmsInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        feedback, created = submit_feedback(
            feedback_from_sms(
                sender=data["sender"], text=data["text"], message_id=data["message_id"]
            )
        )
        return created_response(request, feedback, created)


urlpatterns += [
    path("feedback/kiosk/", KioskIntake.as_view(), name="feedback-kiosk-intake"),
    path("feedback/sms/", SmsWebhook.as_view(), name="feedback-sms"),
]
