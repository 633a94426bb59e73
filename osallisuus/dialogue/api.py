"""The dialogue floor's API (#16 item 7), composed under /api/v1/ by osallisuus/api.py.

Groups are read by anyone, with their public data only: name, kind, term, the members who
consented to publish their name, and approved minutes; never contact details, draft agendas
or draft minutes. Staff put questions to a panel through the same service as the form.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from osallisuus.authorization import require, signed_in
from osallisuus.organisation.models import Unit

from . import selectors, services
from .models import Group, GroupKind, Meeting, Member, Question, Topic


class PublicMemberSerializer(serializers.ModelSerializer[Member]):
    class Meta:
        model = Member
        fields = ["name", "role", "member_kind"]


class ApprovedMinutesSerializer(serializers.ModelSerializer[Meeting]):
    class Meta:
        model = Meeting
        fields = ["id", "starts_at", "minutes", "minutes_approved_at"]


class PublicGroupSerializer(serializers.ModelSerializer[Group]):
    class Meta:
        model = Group
        fields = ["id", "name_fi", "name_sv", "name_en", "kind", "term_starts", "term_ends"]


class PublicGroupDetailSerializer(PublicGroupSerializer):
    members = PublicMemberSerializer(many=True, source="published_members")
    minutes = ApprovedMinutesSerializer(many=True, source="approved_meetings")

    class Meta(PublicGroupSerializer.Meta):
        fields = [*PublicGroupSerializer.Meta.fields, "members", "minutes"]


class GroupFilterSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=GroupKind.choices, required=False, allow_blank=True)


class GroupList(generics.ListAPIView[Group]):
    """Standing groups, optionally of one kind (paginated); an unknown kind is a 400."""

    serializer_class = PublicGroupSerializer
    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    def get_queryset(self) -> QuerySet[Group]:
        query = GroupFilterSerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return selectors.public_groups(kind=query.validated_data.get("kind", ""))

    @extend_schema(
        parameters=[GroupFilterSerializer],
        responses={
            200: PublicGroupSerializer(many=True),
            400: OpenApiResponse(description="Unknown kind."),
        },
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class GroupDetail(generics.RetrieveAPIView[Group]):
    """One group's public data: published members and approved minutes only."""

    serializer_class = PublicGroupDetailSerializer
    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    def get_queryset(self) -> QuerySet[Group]:
        return selectors.public_groups().prefetch_related(
            Prefetch(
                "members",
                queryset=Member.objects.filter(left_on__isnull=True, publish_name=True).order_by(
                    "role", "name"
                ),
                to_attr="published_members",
            ),
            Prefetch(
                "meetings",
                queryset=Meeting.objects.filter(minutes_approved_at__isnull=False).order_by(
                    "-starts_at"
                ),
                to_attr="approved_meetings",
            ),
        )


class QuestionInputSerializer(serializers.Serializer[Any]):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    topic = serializers.ChoiceField(choices=Topic.choices)
    title = serializers.CharField(max_length=200)
    background = serializers.CharField(required=False, allow_blank=True, default="")
    answer_wanted_by = serializers.DateField()


class QuestionSerializer(serializers.ModelSerializer[Question]):
    class Meta:
        model = Question
        fields = [
            "id",
            "group",
            "unit",
            "topic",
            "title",
            "background",
            "answer_wanted_by",
            "status",
            "asked_at",
        ]


class QuestionCreate(generics.GenericAPIView[Question]):
    """A staff member asks a client panel on behalf of one of their units."""

    serializer_class = QuestionSerializer

    @extend_schema(
        request=QuestionInputSerializer,
        responses={
            201: QuestionSerializer,
            400: OpenApiResponse(description="Bad input; nothing is stored."),
            404: OpenApiResponse(description="No such group, or the caller may not ask it."),
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        group = selectors.access_group(pk=pk)
        require(request.user, "dialogue.ask_question", group)
        incoming = QuestionInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        question = services.ask_question(
            by=signed_in(request.user), group=group, **incoming.validated_data
        )
        return Response(QuestionSerializer(question).data, status=status.HTTP_201_CREATED)


urlpatterns = [
    path("groups/", GroupList.as_view(), name="group-list"),
    path("groups/<int:pk>/", GroupDetail.as_view(), name="group-detail"),
    path("groups/<int:pk>/questions/", QuestionCreate.as_view(), name="group-questions"),
]
