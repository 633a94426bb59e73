"""API endpoints of codevelopment, composed under /api/v1/ by osallisuus/api.py.

Only what the public project page shows: the target, the stage and the decision.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import path
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny

from .models import Project
from .selectors import public_projects


class PublicProjectSerializer(serializers.ModelSerializer[Project]):
    summary = serializers.SerializerMethodField()

    class Meta:
        model = Project
        fields = ["id", "title", "summary", "stage", "decision", "decision_reasons", "decided_at"]

    def get_summary(self, project: Project) -> str:
        return project.public_summary or project.target


class PublicProjectList(generics.ListAPIView[Project]):
    """Public co-development projects, newest first (paginated)."""

    serializer_class = PublicProjectSerializer
    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    def get_queryset(self) -> QuerySet[Project]:
        return public_projects()


class PublicProjectDetail(generics.RetrieveAPIView[Project]):
    serializer_class = PublicProjectSerializer
    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    def get_queryset(self) -> QuerySet[Project]:
        return public_projects()


urlpatterns = [
    path("codevelopment/projects/", PublicProjectList.as_view(), name="codevelopment-project-list"),
    path(
        "codevelopment/projects/<int:pk>/",
        PublicProjectDetail.as_view(),
        name="codevelopment-project-detail",
    ),
]
