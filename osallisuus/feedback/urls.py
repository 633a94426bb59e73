from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("seuraa/", views.status_lookup, name="status_lookup"),
    path("seuraa/<str:code>/", views.status, name="status"),
    path("saapuneet/", views.inbox, name="inbox"),
    path("saapuneet/<int:pk>/", views.detail, name="detail"),
    path("<str:code>/", views.give_feedback, name="give"),
]
