"""The site's URLs with the directory sign-in, which settings.py adds only when OIDC_* is set."""

from django.urls import include, path

from osallisuus.urls import urlpatterns as site_urlpatterns

urlpatterns = [*site_urlpatterns, path("oidc/", include("mozilla_django_oidc.urls"))]
