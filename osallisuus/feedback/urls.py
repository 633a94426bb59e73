from django.urls import include, path

from . import views
from .intake import staff_entry, web
from .reply_templates import views as reply_template_views

app_name = "feedback"
urlpatterns = [
    path("seuraa/", views.status_lookup, name="status_lookup"),
    path("seuraa/<str:code>/", views.status, name="status"),
    path("seuraa/<str:code>/omat-tiedot.json", views.status_data, name="status_data"),
    path("seuraa/<str:code>/poista/", views.status_erase, name="status_erase"),
    path("saapuneet/", views.inbox, name="inbox"),
    path("saapuneet/<int:pk>/", views.detail, name="detail"),
    # Each handling step of the detail page posts to its own address.
    path("saapuneet/<int:pk>/vastaa/", views.reply, name="reply"),
    path("saapuneet/<int:pk>/vastauspohja/", views.use_template, name="use_template"),
    path("saapuneet/<int:pk>/tila/", views.move, name="move"),
    path("saapuneet/<int:pk>/muistiinpano/", views.note, name="note"),
    path("saapuneet/<int:pk>/kasittelija/", views.assign, name="assign"),
    path("saapuneet/<int:pk>/ota-itselle/", views.assign_me, name="assign_me"),
    path("saapuneet/<int:pk>/merkinnat/", views.labels, name="labels"),
    # The inbox grouped by issue, and label corrections as evaluation data (issue #4).
    path("saapuneet/ryhmat/", views.inbox_groups, name="inbox_groups"),
    path(
        "saapuneet/merkintakorjaukset.csv",
        views.label_corrections_csv,
        name="label_corrections_csv",
    ),
    # Publication (issue #3 point 6): moderation, then the unit's public stories page. The
    # publication app's URLs keep their names in this namespace (feedback:moderation_queue…).
    path("", include("osallisuus.publication.urls")),
    # Reply templates kept by coordinators, administrators and unit managers.
    path("vastauspohjat/", reply_template_views.reply_templates, name="reply_templates"),
    path("vastauspohjat/uusi/", reply_template_views.reply_template_new, name="reply_template_new"),
    path(
        "vastauspohjat/<int:pk>/", reply_template_views.reply_template_edit, name="reply_template"
    ),
    # Other doors (issue #3 point 2): staff entry of phone and paper feedback, the QR poster.
    path("saapuneet/uusi/", staff_entry.staff_entry, name="staff_entry"),
    path("<str:code>/juliste.pdf", web.poster, name="poster"),
    path("<str:code>/", web.give_feedback, name="give"),
]
