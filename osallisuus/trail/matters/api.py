"""Staff API of matters (#15 item 11), composed under /api/v1/ by osallisuus/api.py."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from osallisuus.authorization import api_permission, signed_in
from osallisuus.organisation.models import DecisionBody, Service, Unit

from ..actions.api import InputRefSerializer
from ..models import Decision, Matter
from . import services
from .selectors import access_matter, actions_for, decision_of, matters_for


class MatterDecisionSerializer(serializers.ModelSerializer[Decision]):
    class Meta:
        model = Decision
        fields = [
            "outcome",
            "decided_by",
            "decided_on",
            "reasons",
            "public_text_fi",
            "public_text_sv",
            "public_text_en",
        ]


class MatterSerializer(serializers.ModelSerializer[Matter]):
    """A matter as the caller may see it (its inputs are on its page, not here)."""

    decision = serializers.SerializerMethodField()

    class Meta:
        model = Matter
        fields = [
            "id",
            "title",
            "summary",
            "carrier",
            "target_body",
            "target_person",
            "target_office",
            "unit",
            "service",
            "carried_on",
            "meeting_date",
            "agenda_item",
            "diary_number",
            "minutes_url",
            "created_at",
            "decision",
        ]

    @extend_schema_field(MatterDecisionSerializer(allow_null=True))
    def get_decision(self, matter: Matter) -> dict[str, Any] | None:
        decision = decision_of(matter)
        return MatterDecisionSerializer(decision).data if decision else None


class MatterInputSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=200)
    summary = serializers.CharField()
    carrier = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.filter(is_active=True)
    )
    target_body = serializers.PrimaryKeyRelatedField(
        queryset=DecisionBody.objects.filter(active=True), required=False, allow_null=True
    )
    target_person = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.filter(is_active=True), required=False, allow_null=True
    )
    target_office = serializers.CharField(max_length=200, required=False, allow_blank=True)
    unit = serializers.PrimaryKeyRelatedField(
        queryset=Unit.objects.all(), required=False, allow_null=True
    )
    service = serializers.PrimaryKeyRelatedField(
        queryset=Service.objects.all(), required=False, allow_null=True
    )
    inputs = InputRefSerializer(many=True, required=False)
    actions = serializers.ListField(child=serializers.IntegerField(min_value=1), required=False)


class MatterList(generics.ListCreateAPIView[Matter]):
    """Matters the caller may see, newest first (paginated); POST opens one."""

    serializer_class = MatterSerializer
    permission_classes = [api_permission("trail.view_matter_list")]

    def get_queryset(self) -> QuerySet[Matter]:
        return matters_for(signed_in(self.request.user))

    @extend_schema(
        request=MatterInputSerializer,
        responses={
            201: MatterSerializer,
            400: OpenApiResponse(description="Bad input, or an input the caller may not see."),
        },
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        incoming = MatterInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        wanted = set(data.pop("actions", []))
        actions = list(actions_for(request.user).filter(pk__in=wanted))
        if len(actions) != len(wanted):
            raise serializers.ValidationError({"actions": [_("Unknown action.")]})
        refs = [(ref["kind"], ref["id"]) for ref in data.pop("inputs", [])]
        matter = services.create_matter(
            by=signed_in(request.user),
            inputs=refs,
            actions=actions,
            target_office=data.pop("target_office", "") or "",
            **data,
        )
        return Response(MatterSerializer(matter).data, status=status.HTTP_201_CREATED)


class MatterDecisionCreate(generics.GenericAPIView[Decision]):
    """Record the decision on a matter: reasons are always required."""

    serializer_class = MatterDecisionSerializer
    permission_classes = [api_permission("trail.open_matter")]

    @extend_schema(
        request=MatterDecisionSerializer,
        responses={
            201: MatterDecisionSerializer,
            400: OpenApiResponse(description="Bad input: a decision always needs its reasons."),
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        matter = access_matter(user=signed_in(request.user), pk=pk, perm="trail.decide_matter")
        incoming = MatterDecisionSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        decision = services.decide_matter(
            matter=matter,
            by=signed_in(request.user),
            outcome=data["outcome"],
            decided_by=data["decided_by"],
            decided_on=data["decided_on"],
            reasons=data["reasons"],
            texts={lang: data.get(f"public_text_{lang}", "") for lang in ("fi", "sv", "en")},
        )
        return Response(MatterDecisionSerializer(decision).data, status=status.HTTP_201_CREATED)


urlpatterns = [
    path("matters/", MatterList.as_view(), name="matter-list"),
    path("matters/<int:pk>/decision/", MatterDecisionCreate.as_view(), name="matter-decision"),
]
