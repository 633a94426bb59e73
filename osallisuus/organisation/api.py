"""API: the public unit register (read-only; anyone may read it)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import path
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny

from osallisuus.public_cache import PublicAnswerMixin

from .models import Unit
from .selectors import REGISTER_ANSWERS, public_units


class UnitSerializer(serializers.ModelSerializer[Unit]):
    service = serializers.CharField(source="service.name_fi")
    service_area = serializers.CharField(source="service.area.name_fi")
    producer = serializers.CharField(source="producer.name_fi")
    producer_kind = serializers.CharField(source="producer.kind")
    municipality = serializers.SerializerMethodField()
    languages = serializers.ListField(source="language_list", child=serializers.CharField())

    class Meta:
        model = Unit
        fields = [
            "code",
            "name_fi",
            "name_sv",
            "name_en",
            "service",
            "service_area",
            "producer",
            "producer_kind",
            "street_address",
            "postal_code",
            "municipality",
            "languages",
            "opening_info_fi",
            "opening_info_sv",
            "opening_info_en",
            "phone",
        ]

    def get_municipality(self, unit: Unit) -> str:
        return unit.municipality.name_fi if unit.municipality else ""


class UnitList(PublicAnswerMixin, generics.ListAPIView[Unit]):
    """Active units of the register, filterable with ?q=. Answers carry an ETag and
    Last-Modified; a conditional request for an unchanged list gets 304."""

    public_answers = REGISTER_ANSWERS

    serializer_class = UnitSerializer
    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    def get_queryset(self) -> QuerySet[Unit]:
        return public_units(query=self.request.query_params.get("q", "")[:100])


class UnitDetail(PublicAnswerMixin, generics.RetrieveAPIView[Unit]):
    public_answers = REGISTER_ANSWERS
    serializer_class = UnitSerializer
    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    lookup_field = "code"

    def get_queryset(self) -> QuerySet[Unit]:
        return public_units()


urlpatterns = [
    path("units/", UnitList.as_view(), name="unit-list"),
    path("units/<str:code>/", UnitDetail.as_view(), name="unit-detail"),
]
