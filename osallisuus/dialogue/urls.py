"""Paths of the dialogue floor under /ryhmat/ (Finnish, as people see them)."""

from django.urls import path

from . import seat_views, views

app_name = "dialogue"
urlpatterns = [
    path("", views.group_list, name="groups"),
    path("uusi/", views.group_create, name="group_create"),
    path("vaikuttamistoimielimet/", views.influence_bodies, name="influence_bodies"),
    path("<int:pk>/", views.group, name="group"),
    path("<int:pk>/jasenet/", views.members, name="members"),
    path("<int:pk>/kokous/uusi/", views.meeting_create, name="meeting_create"),
    path("<int:pk>/kokoussaanto/", views.meeting_rule_create, name="meeting_rule_create"),
    path("<int:pk>/kysy/", views.question_create, name="question_create"),
    path("kokous/<int:pk>/", views.meeting, name="meeting"),
    path("kokous/<int:pk>/poytakirja/", views.minutes, name="minutes"),
    path("kokous/<int:pk>/poytakirja.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("kokous/<int:pk>/vaikutus/", views.influence, name="influence"),
    path("<int:pk>/aloite/", views.initiative_create, name="initiative_create"),
    path("<int:pk>/vuosiraportit/", views.annual_reports, name="annual_reports"),
    path("<int:pk>/arvonta/", views.draws, name="draws"),
    path("<int:pk>/arvonta/uusi/", views.draw_create, name="draw_create"),
    path("<int:pk>/ilmoittaudu/", views.volunteer, name="volunteer"),
    path("aloite/<int:pk>/", views.initiative, name="initiative"),
    path("aloite/<int:pk>/vastaus/", views.initiative_answer, name="initiative_answer"),
    path("kysymys/<int:pk>/", views.question, name="question"),
    path("kysymys/<int:pk>/nakemys/", views.question_post, name="question_post"),
    path("kysymys/<int:pk>/kasittely/", views.question_take_up, name="question_take_up"),
    path("kysymys/<int:pk>/vastaus/", views.question_answer, name="question_answer"),
    path("kysymys/<int:pk>/sulje/", views.question_close, name="question_close"),
    # User seats on the county's decision-making bodies (#16 item 5).
    path("kayttajapaikat/", seat_views.seat_register, name="seats"),
    path("kayttajapaikat/uusi/", seat_views.seat_create, name="seat_create"),
    path(
        "kayttajapaikat/elin/<int:pk>/kokous/", seat_views.seat_attendance, name="seat_attendance"
    ),
]
