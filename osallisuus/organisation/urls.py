from django.urls import path

from . import views

app_name = "organisation"
urlpatterns = [
    path("", views.unit_list, name="units"),
    path("<str:code>/", views.unit_detail, name="unit"),
]
