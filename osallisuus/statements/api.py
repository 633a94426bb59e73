"""The statement API (#16 item 7), composed under /api/v1/ by osallisuus/api.py: a body's
secretary submits its statement on a request."""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from osallisuus.authorization import api_permission, require, signed_in

from . import selectors, services
from .models import StatementRequest


class StatementSerializer(serializers.ModelSerializer[StatementRequest]):
    """A request with its statement, as the secretary sees it after submitting."""

    class Meta:
        model = StatementRequest
        fields = [
            "id",
            "matter",
            "group",
            "status",
            "due_on",
            "text",
            "meeting",
            "minutes_section",
            "approved_on",
            "public",
            "submitted_at",
        ]
        read_only_fields = fields


class StatementInputSerializer(serializers.Serializer[Any]):
    text = serializers.CharField()
    approved_on = serializers.DateField(required=False, allow_null=True)
    minutes_section = serializers.CharField(max_length=20, required=False, allow_blank=True)
    meeting = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    public = serializers.BooleanField(required=False, default=True)


class StatementSubmit(generics.GenericAPIView[StatementRequest]):
    """Submit the statement the body approved: its secretary only; others get 404."""

    serializer_class = StatementSerializer
    permission_classes = [api_permission("statements.open_request")]

    @extend_schema(
        request=StatementInputSerializer,
        responses={
            201: StatementSerializer,
            400: OpenApiResponse(description="Bad input: nothing was stored."),
            404: OpenApiResponse(description="No such request, or not the caller's body."),
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        statement = selectors.access_request(user=request.user, pk=pk)
        require(request.user, "statements.submit", statement)
        incoming = StatementInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        meeting_pk = data.pop("meeting", None)
        meeting = None
        if meeting_pk is not None:
            meeting = statement.group.meetings.filter(pk=meeting_pk).first()
            if meeting is None:
                raise serializers.ValidationError({"meeting": [_unknown_meeting()]})
        done = services.submit_statement(
            by=signed_in(request.user),
            request=statement,
            text=data["text"],
            approved_on=data.get("approved_on"),
            minutes_section=data.get("minutes_section", ""),
            meeting=meeting,
            public=data.get("public", True),
        )
        return Response(StatementSerializer(done).data, status=status.HTTP_201_CREATED)


def _unknown_meeting() -> str:
    return _("Choose a meeting of this group.")


urlpatterns = [
    path(
        "statement-requests/<int:pk>/statement/",
        StatementSubmit.as_view(),
        name="statement-submit",
    ),
]
