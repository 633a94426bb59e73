"""Public JSON of a unit's stories page: published stories, answers, outcomes and figures."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.http import HttpResponse
from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from osallisuus.organisation.selectors import public_unit
from osallisuus.pagination import StandardPagination
from osallisuus.public_cache import PublicAnswerMixin
from osallisuus.reports.api import QUESTION_SCHEMA, QuestionFiguresSerializer

from .selectors import public_story, published_stories, unit_summary
from .story_cache import STORY_ANSWERS


class StoryReplySerializer(serializers.Serializer[Any]):
    at = serializers.DateTimeField()
    text = serializers.CharField()


class StoryOutcomeSerializer(serializers.Serializer[Any]):
    at = serializers.DateTimeField()
    status = serializers.ChoiceField(choices=["action_planned", "change_made", "no_change"])
    text = serializers.CharField()


class StorySerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    published_at = serializers.DateTimeField()
    text = serializers.CharField(help_text="The redacted text a moderator confirmed.")
    language = serializers.CharField()
    replies = StoryReplySerializer(many=True, help_text="The unit's answers.")
    outcomes = StoryOutcomeSerializer(many=True, help_text="What changed.")


class UnitSummarySerializer(serializers.Serializer[Any]):
    shown = serializers.BooleanField(
        help_text="False below the minimum number of answers; then every figure is null."
    )
    minimum = serializers.IntegerField()
    since = serializers.DateField()
    count = serializers.IntegerField(allow_null=True)
    questions = QuestionFiguresSerializer(
        many=True, help_text="Each question's answers per value of its own scale; never mixed."
    )


_NULLABLE_INT = {"type": "integer", "nullable": True}
SUMMARY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Figures for the last 12 calendar months; shown is false below the minimum "
    "number of answers and then every figure is null or empty.",
    "properties": {
        "shown": {"type": "boolean"},
        "minimum": {"type": "integer"},
        "since": {"type": "string", "format": "date"},
        "count": _NULLABLE_INT,
        "questions": {"type": "array", "items": QUESTION_SCHEMA},
    },
    "required": ["shown", "minimum", "since", "count", "questions"],
}


class StoriesPagination(StandardPagination):
    page_size = 20
    max_page_size = 100
    unit_code: str = ""
    summary: Any = None

    def get_paginated_response(self, data: Any) -> Response:
        response = super().get_paginated_response(data)
        response.data["unit"] = self.unit_code
        response.data["summary"] = self.summary
        return response

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["unit"] = {"type": "string"}
        paginated["properties"]["summary"] = SUMMARY_SCHEMA
        paginated["required"] = [*paginated.get("required", []), "unit", "summary"]
        return paginated


class UnitStories(PublicAnswerMixin, GenericAPIView[Any]):
    """A unit's published stories, newest first, with figures hidden below the minimum.
    Answers carry an ETag and Last-Modified; a conditional request for an unchanged page gets
    304 (publication/story_cache.py)."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    pagination_class = StoriesPagination
    serializer_class = StorySerializer
    public_answers = STORY_ANSWERS

    @extend_schema(
        responses={200: StorySerializer(many=True), 404: OpenApiResponse()},
    )
    def get(self, request: Request, code: str) -> HttpResponse:
        return self.public_answer(request, self.stories, code=code)

    def stories(self, request: Request, code: str) -> Response:
        unit = public_unit(code=code)
        if unit is None:
            raise NotFound
        paginator = self.paginator
        assert isinstance(paginator, StoriesPagination)  # noqa: S101  narrows the type; pagination_class sets it
        page = paginator.paginate_queryset(published_stories(unit), request, view=self)
        summary = unit_summary(unit)
        paginator.unit_code = unit.code
        paginator.summary = UnitSummarySerializer(asdict(summary)).data
        stories = [asdict(public_story(feedback)) for feedback in page or []]
        return paginator.get_paginated_response(StorySerializer(stories, many=True).data)


urlpatterns = [
    path("units/<str:code>/stories/", UnitStories.as_view(), name="unit-stories"),
]
