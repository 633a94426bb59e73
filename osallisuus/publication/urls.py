"""Moderation and the public stories page, under /palaute/.

Included from feedback/urls.py inside the `feedback` namespace, so the names stay
`feedback:moderation_queue`, `feedback:moderate` and `feedback:stories`.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("julkaisu/", views.moderation_queue_view, name="moderation_queue"),
    path("julkaisu/<int:pk>/", views.moderate, name="moderate"),
    path("julkaisu/<int:pk>/julkaise/", views.moderate_publish, name="moderate_publish"),
    path("julkaisu/<int:pk>/hylkaa/", views.moderate_reject, name="moderate_reject"),
    path("julkaisu/<int:pk>/poista/", views.moderate_unpublish, name="moderate_unpublish"),
    path("tarinat/<str:code>/", views.stories, name="stories"),
    path("palvelut/<int:pk>/", views.service_page, name="service_outcomes"),
]
