"""The staff API of actions (#15 item 11): plan one with its inputs, list those one may see.

Composed under /api/v1/ by osallisuus/api.py. An input the caller may not see is answered
exactly as one that does not exist: 400 with "unknown input" on `inputs`.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from osallisuus.accounts.models import User
from osallisuus.authorization import api_permission, signed_in
from osallisuus.organisation.models import Service, Unit

from ..models import Action
from .selectors import actions_for, owner_candidates, services_for_actions, units_for_actions
from .services import create_action


class InputRefSerializer(serializers.Serializer[Any]):
    kind = serializers.CharField(max_length=30)
    id = serializers.IntegerField(min_value=1)


class ActionInputSerializer(serializers.Serializer[Any]):
    """What a caller sends to plan an action."""

    title_fi = serializers.CharField(max_length=200)
    title_sv = serializers.CharField(max_length=200, required=False, allow_blank=True)
    title_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    public_text_fi = serializers.CharField(required=False, allow_blank=True)
    public_text_sv = serializers.CharField(required=False, allow_blank=True)
    public_text_en = serializers.CharField(required=False, allow_blank=True)
    owner = serializers.PrimaryKeyRelatedField(queryset=User.objects.none())
    unit = serializers.PrimaryKeyRelatedField(
        queryset=Unit.objects.none(), required=False, allow_null=True
    )
    service = serializers.PrimaryKeyRelatedField(
        queryset=Service.objects.none(), required=False, allow_null=True
    )
    due_date = serializers.DateField(required=False, allow_null=True)
    inputs = InputRefSerializer(many=True, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is None:  # the schema generator builds one without a request
            return
        user = request.user
        self.fields["owner"].queryset = owner_candidates(user)  # type: ignore[attr-defined]
        self.fields["unit"].queryset = units_for_actions(user)  # type: ignore[attr-defined]
        self.fields["service"].queryset = services_for_actions(user)  # type: ignore[attr-defined]


class ActionSerializer(serializers.ModelSerializer[Action]):
    """An action as the API returns it: no giver's words, only how many inputs are linked."""

    inputs_linked = serializers.IntegerField(read_only=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "title_fi",
            "title_sv",
            "title_en",
            "public_text_fi",
            "public_text_sv",
            "public_text_en",
            "status",
            "owner",
            "unit",
            "service",
            "due_date",
            "reasons",
            "created_at",
            "closed_at",
            "inputs_linked",
        ]


class ActionList(generics.ListAPIView[Action]):
    """Actions the caller may see, open ones first (paginated); POST plans a new one."""

    serializer_class = ActionSerializer

    def get_permissions(self) -> list[Any]:
        perm = "trail.add_action" if self.request.method == "POST" else "trail.view_actions"
        return [IsAuthenticated(), api_permission(perm)()]

    def get_queryset(self) -> QuerySet[Action]:
        return actions_for(self.request.user).annotate(inputs_linked=Count("input_links"))

    @extend_schema(
        request=ActionInputSerializer,
        responses={
            201: ActionSerializer,
            400: OpenApiResponse(description="Bad input, or an input the caller may not see."),
        },
    )
    def post(self, request: Request) -> Response:
        given = ActionInputSerializer(data=request.data, context={"request": request})
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        refs = [(ref["kind"], ref["id"]) for ref in data.pop("inputs", [])]
        texts = {lang: data.pop(f"public_text_{lang}", "") for lang in ("fi", "sv", "en")}
        # A refusal (ActionError, a DomainError) is answered 400 by the API's one handler.
        action = create_action(by=signed_in(request.user), texts=texts, inputs=refs, **data)
        action.inputs_linked = len(set(refs))  # type: ignore[attr-defined]
        return Response(ActionSerializer(action).data, status=status.HTTP_201_CREATED)


urlpatterns = [
    path("actions/", ActionList.as_view(), name="action-list"),
]
