"""API endpoints of reports, composed under /api/v1/ by osallisuus/api.py."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
