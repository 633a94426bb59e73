from django.urls import path

from . import views

app_name = "actions"
urlpatterns = [
    path("", views.action_list, name="list"),
    path("uusi/", views.action_create, name="create"),
    path("liita/", views.action_link, name="link"),
    path("<int:pk>/", views.action_detail, name="detail"),
    path("<int:pk>/tila/", views.action_status, name="status"),
    path("<int:pk>/irrota/", views.action_unlink, name="unlink"),
]
