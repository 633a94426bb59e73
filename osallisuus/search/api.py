"""The repository search in the API: `GET /api/v1/search/?q=...`, paginated.

Composed under /api/v1/ by osallisuus/api.py. The same rules as the page: a unit or service
outside the caller's scope is a field error (400), as one that does not exist.
"""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from osallisuus.analysis.taxonomy import theme_ids
from osallisuus.authorization import api_permission, signed_in
from osallisuus.organisation.models import Service, Unit
from osallisuus.trail.kinds import input_kinds

from .selectors import (
    Result,
    SearchResults,
    check_search,
    search_inputs,
    search_query,
    searchable_services,
    searchable_units,
    status_choices,
)


class SearchParamsSerializer(serializers.Serializer[Any]):
    """The query string of a search."""

    q = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=(), required=False, allow_blank=True)
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.none(), required=False)
    service = serializers.PrimaryKeyRelatedField(queryset=Service.objects.none(), required=False)
    theme = serializers.ChoiceField(choices=(), required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=(), required=False, allow_blank=True)
    since = serializers.DateField(required=False)
    until = serializers.DateField(required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [kind.name for kind in input_kinds()]  # type: ignore[attr-defined]
        self.fields["theme"].choices = list(theme_ids())  # type: ignore[attr-defined]
        self.fields["status"].choices = [value for value, _label in status_choices()]  # type: ignore[attr-defined]
        user = self.context["user"]
        self.fields["unit"].queryset = searchable_units(user)  # type: ignore[attr-defined]
        self.fields["service"].queryset = searchable_services(user)  # type: ignore[attr-defined]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # A SearchError (a DomainError) is answered 400 by field by the API's one handler.
        check_search(words=attrs["q"], since=attrs.get("since"), until=attrs.get("until"))
        return attrs


class SearchResultSerializer(serializers.Serializer[Result]):
    """One hit: what the trail may know of an input, its text without personal data. `url` is
    empty where the caller may read the item but not open it."""

    kind = serializers.CharField(source="item.kind")
    kind_label = serializers.CharField()
    id = serializers.IntegerField(source="item.pk")
    date = serializers.DateField(source="item.date")
    language = serializers.CharField(source="item.language")
    excerpt = serializers.CharField(source="item.excerpt")
    unit = serializers.IntegerField(source="item.unit_id", allow_null=True)
    unit_name = serializers.CharField()
    service = serializers.IntegerField(source="item.service_id", allow_null=True)
    themes = serializers.ListField(child=serializers.CharField(), source="item.themes")
    url = serializers.CharField(source="item.url")


class SearchList(generics.ListAPIView[Any]):
    """Inputs of every kind the caller may read that match the words, newest first (paginated;
    at most 1 000 hits are counted and paged: narrow the search to see the rest)."""

    serializer_class = SearchResultSerializer
    permission_classes = [IsAuthenticated, api_permission("search.search_inputs")]

    def get_queryset(self) -> SearchResults:  # type: ignore[override]
        user = signed_in(self.request.user)
        params = SearchParamsSerializer(data=self.request.query_params, context={"user": user})
        params.is_valid(raise_exception=True)
        data = params.validated_data
        query = search_query(
            words=data["q"],
            unit=data.get("unit"),
            service=data.get("service"),
            theme=data.get("theme", ""),
            since=data.get("since"),
            until=data.get("until"),
            status=data.get("status", ""),
        )
        return search_inputs(user, query, kinds=[data["kind"]] if data.get("kind") else None)

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, required=True, description="The words to find."),
            OpenApiParameter(
                "kind", str, description="Only this kind of input (feedback, workshop_note...)."
            ),
            OpenApiParameter("unit", int, description="Only this unit's inputs."),
            OpenApiParameter("service", int, description="Only this service's inputs."),
            OpenApiParameter("theme", str, description="Only inputs with this theme id."),
            OpenApiParameter(
                "status", str, enum=["open", "handled"], description="Waiting or handled."
            ),
            OpenApiParameter("since", str, description="From this day, YYYY-MM-DD."),
            OpenApiParameter("until", str, description="To this day, YYYY-MM-DD."),
        ],
        responses={
            200: SearchResultSerializer(many=True),
            400: OpenApiResponse(description="Bad parameters, by field."),
        },
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


urlpatterns = [path("search/", SearchList.as_view(), name="search")]
