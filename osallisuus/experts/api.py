"""API endpoints of experts, composed under /api/v1/ by osallisuus/api.py.

Coordinators read the pool (each read is audit-logged); an expert reads their own data.
"""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from osallisuus.audit.services import Action, record_bulk_access
from osallisuus.authorization import api_permission

from .models import ExpertProfile
from .selectors import own_data, pool, profile_of


class ProfileSerializer(serializers.ModelSerializer[ExpertProfile]):
    name = serializers.CharField()
    email = serializers.EmailField(source="user.email")
    municipality: serializers.Field[Any, Any, Any, Any] = serializers.StringRelatedField()
    languages = serializers.ListField(source="language_list", child=serializers.CharField())
    roles = serializers.ListField(source="role_list", child=serializers.CharField())
    experience_areas: serializers.Field[Any, Any, Any, Any] = serializers.StringRelatedField(
        many=True
    )

    class Meta:
        model = ExpertProfile
        fields = [
            "id",
            "name",
            "email",
            "municipality",
            "languages",
            "roles",
            "experience_areas",
            "accessibility_needs",
            "available_onsite",
            "available_remote",
            "unavailable_until",
            "status",
            "stage",
        ]


class ProfileList(generics.ListAPIView[ExpertProfile]):
    """The pool for coordinators; every profile returned is logged as viewed."""

    permission_classes = [IsAuthenticated, api_permission("experts.coordinate_pool")]
    serializer_class = ProfileSerializer

    def get_queryset(self) -> Any:
        return pool(status=self.request.query_params.get("status", ""))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        results = response.data.get("results", []) if isinstance(response.data, dict) else []
        record_bulk_access(
            actor=request.user,
            model_label="experts.expertprofile",
            object_ids=[str(row["id"]) for row in results],
            action=Action.VIEW,
            path=request.path,
        )
        return response


class OwnData(APIView):
    """Everything stored about the signed-in expert."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses={
            200: dict,
            404: OpenApiResponse(description="The signed-in user is not in the expert pool."),
        }
    )
    def get(self, request: Request) -> Response:
        profile = profile_of(request.user)
        if profile is None:
            raise NotFound
        return Response(own_data(profile))


urlpatterns = [
    path("experts/profiles/", ProfileList.as_view(), name="expert-profile-list"),
    path("experts/me/", OwnData.as_view(), name="expert-me"),
]
