"""Public JSON of "you said, we did": GET /api/v1/outcomes/?unit_code=X&year=2026."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.urls import path
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from osallisuus.organisation.selectors import public_unit
from osallisuus.rate_limits import SharedCounterThrottle

from .public import Period, unit_outcomes


class PublicReadThrottle(SharedCounterThrottle):
    scope = "public_read"


class OutcomesQuerySerializer(serializers.Serializer[Any]):
    unit_code = serializers.CharField(max_length=12)
    year = serializers.IntegerField(min_value=2000, max_value=2100, required=False)


class PeriodSerializer(serializers.Serializer[Any]):
    start = serializers.DateField()
    end = serializers.DateField(source="last_day", help_text="The last day of the period.")


class RaisedThemeSerializer(serializers.Serializer[Any]):
    theme = serializers.CharField(help_text="Theme id of the analysis taxonomy.")
    name = serializers.CharField(source="label", help_text="The theme in the asked language.")
    count = serializers.IntegerField(help_text="Comments raising it; never below the minimum.")


class FollowUpSerializer(serializers.Serializer[Any]):
    themes = serializers.ListField(child=serializers.CharField())
    months = serializers.IntegerField(help_text="Whole months followed after the change's month.")
    since = serializers.DateField(help_text="First day of the months followed.")
    until = serializers.DateField(help_text="Last day of the months followed.")
    running = serializers.BooleanField()
    before = serializers.IntegerField(allow_null=True, help_text="Null below the minimum.")
    after = serializers.IntegerField(allow_null=True, help_text="Null below the minimum.")


class PublicOutcomeSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=["action", "decision"])
    id = serializers.IntegerField()
    title = serializers.CharField()
    at = serializers.DateField()
    status = serializers.CharField(help_text="Action status or decision outcome.")
    public_text = serializers.CharField(source="text", allow_blank=True)
    language = serializers.CharField(help_text="Language of public_text.")
    reasons = serializers.CharField(allow_blank=True)
    decided_by = serializers.CharField(allow_blank=True)
    follow_up = FollowUpSerializer(allow_null=True, help_text="Did the change work?")


class ClosedWithoutChangeSerializer(serializers.Serializer[Any]):
    public_text = serializers.CharField(source="text")
    count = serializers.IntegerField()
    at = serializers.DateField()


class PromiseSerializer(serializers.Serializer[Any]):
    days = serializers.IntegerField(help_text="Days to answer: the service's promise or default.")
    promised = serializers.BooleanField(help_text="False when the service published none.")
    text = serializers.CharField(allow_blank=True)
    kept_share = serializers.IntegerField(
        allow_null=True, help_text="Percent answered within the days; null below the minimum."
    )


class OutcomesSerializer(serializers.Serializer[Any]):
    unit = serializers.CharField(help_text="The unit's public code.")
    period = PeriodSerializer()
    minimum = serializers.IntegerField(help_text="Smaller groups are hidden.")
    raised = RaisedThemeSerializer(many=True)
    done = PublicOutcomeSerializer(many=True)
    not_changed = PublicOutcomeSerializer(many=True)
    closed_without_change = ClosedWithoutChangeSerializer(many=True)
    answered_share = serializers.IntegerField(allow_null=True)
    change_share = serializers.IntegerField(allow_null=True)
    promise = PromiseSerializer()


class Outcomes(APIView):
    """A unit's "you said, we did" for a calendar year: what was raised, done, not changed."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    throttle_classes = [PublicReadThrottle]

    @extend_schema(
        parameters=[OutcomesQuerySerializer],
        responses={200: OutcomesSerializer, 400: OpenApiResponse(), 404: OpenApiResponse()},
    )
    def get(self, request: Request) -> Response:
        query = OutcomesQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        unit = public_unit(code=query.validated_data["unit_code"])
        if unit is None:
            raise NotFound
        year = query.validated_data.get("year") or timezone.localdate().year
        outcomes = unit_outcomes(unit, period=Period.year(year))
        data: dict[str, Any] = asdict(outcomes)
        data["unit"] = unit.code
        data["period"] = outcomes.period
        data["promise"] = outcomes.promise
        return Response(OutcomesSerializer(data).data)


urlpatterns = [path("outcomes/", Outcomes.as_view(), name="outcomes")]
