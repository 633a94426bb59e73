"""The giver's API: follow feedback by its reply code. The doors that submit feedback are in
intake/api.py; a unit's public stories are in publication/api.py."""

from __future__ import annotations

from typing import Any

from django.urls import include, path
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from osallisuus.rate_limits import SharedCounterThrottle
from osallisuus.trail.selectors import outcomes_for_input

from .selectors import feedback_by_reply_code


class StatusLookupThrottle(SharedCounterThrottle):
    scope = "reply_code_lookup"


class EventSerializer(serializers.Serializer[Any]):
    at = serializers.DateTimeField()
    status = serializers.CharField()
    public_text = serializers.CharField()


class ReplySerializer(serializers.Serializer[Any]):
    at = serializers.DateTimeField()
    text = serializers.CharField()


class OutcomeSerializer(serializers.Serializer[Any]):
    """A public step on the trail of the feedback: an action, a matter carried, a decision."""

    at = serializers.DateTimeField()
    kind = serializers.ChoiceField(choices=["action", "matter", "decision"])
    status = serializers.CharField()
    public_text = serializers.CharField()
    decided_by = serializers.CharField(allow_null=True, help_text="Decisions only; else null.")
    reasons = serializers.CharField(allow_null=True, help_text="Decisions only; else null.")


class FeedbackStatusSerializer(serializers.Serializer[Any]):
    status = serializers.CharField()
    events = EventSerializer(many=True)
    responses = ReplySerializer(many=True)
    outcomes = OutcomeSerializer(many=True)


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
                "outcomes": OutcomeSerializer(
                    outcomes_for_input("feedback", feedback.pk, feedback.language), many=True
                ).data,
            }
        )


urlpatterns = [
    path("", include("osallisuus.feedback.intake.api")),
    path("feedback/status/<str:code>/", FeedbackStatus.as_view(), name="feedback-status"),
]
