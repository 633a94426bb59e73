from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.county, name="county"),
    path("toimipiste/<str:code>/", views.unit, name="unit"),
    path("palvelu/<int:pk>/", views.service, name="service"),
    path("vienti/<str:kind>.<str:fmt>", views.export, name="export"),
]
