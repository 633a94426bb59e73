"""The campaigns API: a paginated list of the campaigns the caller may see.

Composed under /api/v1/ by osallisuus/api.py.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import path
from rest_framework import generics, serializers
from rest_framework.permissions import IsAuthenticated

from osallisuus.authorization import api_permission

from .models import Campaign
from .selectors import campaigns_for


class CampaignSerializer(serializers.ModelSerializer[Campaign]):
    """A campaign as the API returns it: what was asked, where and when."""

    question_set: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="key", read_only=True
    )
    question_set_version = serializers.IntegerField(source="question_set.version", read_only=True)
    units = serializers.ManyRelatedField(
        child_relation=serializers.SlugRelatedField(slug_field="code", read_only=True),
        read_only=True,
    )
    closed = serializers.SerializerMethodField()

    class Meta:
        model = Campaign
        fields = [
            "id",
            "title_fi",
            "title_sv",
            "title_en",
            "question_set",
            "question_set_version",
            "units",
            "starts_on",
            "ends_on",
            "closed",
        ]

    def get_closed(self, campaign: Campaign) -> bool:
        """The last day is behind us: the results are final."""
        return campaign.is_closed()


class CampaignList(generics.ListAPIView[Campaign]):
    """Campaigns the caller may see, newest first (paginated)."""

    serializer_class = CampaignSerializer

    def get_permissions(self) -> list[Any]:
        return [IsAuthenticated(), api_permission("campaigns.view_campaigns")()]

    def get_queryset(self) -> QuerySet[Campaign]:
        return campaigns_for(self.request.user)


urlpatterns = [
    path("campaigns/", CampaignList.as_view(), name="campaign-list"),
]
