from django.urls import path

from bench.bare.rows import views

urlpatterns = [path("rows/", views.rows, name="rows")]
