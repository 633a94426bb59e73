from django.urls import path

from . import views
from .participants import urls as participant_urls
from .strong_identification import views as strong_identification

app_name = "accounts"
urlpatterns = [
    path("", views.account, name="account"),
    path("kirjaudu/", views.LoginView.as_view(), name="login"),
    path("alku/", views.start, name="start"),
    path("vahvistus/", views.two_factor, name="two_factor"),
    path("ulos/", views.logout_view, name="logout"),
    path("tunnukset/", views.api_tokens, name="api_tokens"),
    path("tunnukset/<int:pk>/peru/", views.revoke_api_token, name="revoke_api_token"),
    *participant_urls.urlpatterns,
    path("vahva/", strong_identification.start, name="strong_start"),
    path("vahva/paluu/", strong_identification.callback, name="strong_callback"),
]
