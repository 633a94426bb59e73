"""The staff inbox a unit manager uses every morning: filters, counts, handling, groups."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.audit.models import AccessLog
from osallisuus.feedback.models import Feedback, ReplyTemplate, Status
from osallisuus.feedback.selectors import access_feedback
from osallisuus.feedback.services import (
    FeedbackInput,
    HandlingError,
    move_feedback,
    reply_to_feedback,
    submit_feedback,
)
from osallisuus.notifications.models import OutboxMessage
from osallisuus.organisation.tests.factories import ServiceFactory, UnitFactory

pytestmark = pytest.mark.django_db
INBOX = "/palaute/saapuneet/"
GROUPS = "/palaute/saapuneet/ryhmat/"


def give(unit, text="Hoitaja oli ystävällinen", **fields):
    """Feedback through the ordinary intake, then with the given fields set as if it aged."""
    intake = {k: fields.pop(k) for k in ("contact_email", "language", "channel") if k in fields}
    feedback = submit_feedback(FeedbackInput(unit=unit, text=text, **intake))[0]
    if fields:
        Feedback.objects.filter(pk=feedback.pk).update(**fields)
        feedback.refresh_from_db()
    return feedback


def step(feedback, name):
    """The address a handling step of the detail page posts to."""
    return reverse(f"feedback:{name}", kwargs={"pk": feedback.pk})


def english(client):
    client.cookies["django_language"] = "en"
    return client


def listed(client, query=None, url=INBOX):
    return client.get(url, query or {}).content.decode()


def a_week_ago():
    return timezone.now() - timedelta(days=7)


@pytest.fixture
def coordinator(client_as):
    return client_as("coordinator")


# --- filters -----------------------------------------------------------------------------------


FILTER_CASES = {
    "channel": ({"channel": "kiosk"}, {"channel": "kiosk"}, {"channel": "web"}),
    "score": ({"score": "low"}, {"overall_score": 1}, {"overall_score": 5}),
    "exact score": ({"score": "5"}, {"overall_score": 5}, {"overall_score": 4}),
    "theme": (
        {"theme": "access_waiting"},
        {"themes": ["access_waiting"]},
        {"themes": ["staff_attitude"]},
    ),
    "sentiment": ({"sentiment": "negative"}, {"sentiment": "negative"}, {"sentiment": "positive"}),
    "urgent": ({"urgent": "yes"}, {"urgent": True}, {"urgent": False}),
    "not urgent": ({"urgent": "no"}, {"urgent": False}, {"urgent": True}),
    "status": ({"status": "answered"}, {"status": "answered"}, {"status": "received"}),
    "open": ({"status": "open"}, {"status": "in_progress"}, {"status": "closed"}),
    "from": (
        {"since": (timezone.now() - timedelta(days=3)).date().isoformat()},
        {},
        {"received_at": timezone.now() - timedelta(days=30)},
    ),
    "to": (
        {"until": (timezone.now() - timedelta(days=20)).date().isoformat()},
        {"received_at": timezone.now() - timedelta(days=30)},
        {},
    ),
    "unassigned": ({"assigned": "nobody"}, {}, {"assigned_to": "someone"}),
    "overdue": (
        {"overdue": "on"},
        {"due_at": timezone.now() - timedelta(days=1)},
        {"due_at": timezone.now() + timedelta(days=1)},
    ),
}


@pytest.mark.parametrize("case", FILTER_CASES)
def test_each_filter_narrows_the_list(case, coordinator, unit, make_user):
    query, matching_fields, other_fields = FILTER_CASES[case]
    for fields in (matching_fields, other_fields):
        if fields.get("assigned_to") == "someone":
            fields["assigned_to"] = make_user("staff")
    matching = give(unit, "Ensimmäinen palaute", **dict(matching_fields))
    other = give(unit, "Toinen palaute", **dict(other_fields))
    body = listed(coordinator, query)
    assert matching.get_absolute_url() in body
    assert other.get_absolute_url() not in body


def test_assigned_to_me_shows_only_my_items(client_as, unit, make_user):
    staff = client_as("staff")
    mine = give(unit, assigned_to=staff.user)
    colleagues = give(unit, assigned_to=make_user("staff"))
    body = listed(staff, {"assigned": "me"})
    assert mine.get_absolute_url() in body
    assert colleagues.get_absolute_url() not in body


def test_the_unit_and_service_filters_narrow_the_list(coordinator, unit, other_unit):
    home_care = UnitFactory(code="KHP", service=ServiceFactory(name_fi="Kotihoito"))
    here, there, at_home = give(unit), give(other_unit), give(home_care)
    body = listed(coordinator, {"unit": unit.pk})
    assert here.get_absolute_url() in body
    assert there.get_absolute_url() not in body
    body = listed(coordinator, {"service": home_care.service_id})
    assert at_home.get_absolute_url() in body
    assert here.get_absolute_url() not in body


def test_staff_cannot_filter_to_a_unit_outside_their_scope(client_as, unit, other_unit):
    staff = client_as("staff")
    theirs = give(other_unit)
    response = staff.get(INBOX, {"unit": other_unit.pk})
    assert theirs.get_absolute_url() not in response.content.decode()
    assert response.context["form"].errors["unit"]


def test_suspected_button_mashing_is_hidden_unless_asked_for(client_as, unit):
    staff = client_as("staff")
    mashing = give(unit, "Hyvä hyvä hyvä", suspected_mashing=True)
    real = give(unit)
    assert mashing.get_absolute_url() not in listed(staff)
    assert real.get_absolute_url() in listed(staff)
    assert mashing.get_absolute_url() in listed(staff, {"mashing": "on"})


def test_filters_stay_in_the_pagination_links(client_as, unit):
    staff = client_as("staff")
    for number in range(30):
        give(unit, f"Palaute {number}", channel="kiosk")
    body = listed(staff, {"channel": "kiosk"})
    assert "channel=kiosk&amp;page=2" in body
    second = staff.get(INBOX, {"channel": "kiosk", "page": 2})
    assert len(second.context["page"]) == 5


def test_the_inbox_counts_matches_urgent_overdue_and_unassigned(client_as, unit):
    staff = english(client_as("staff"))
    give(unit, urgent=True)
    give(unit, due_at=timezone.now() - timedelta(days=1))
    give(unit, status="closed", assigned_to=staff.user)
    response = staff.get(INBOX)
    counts = response.context["counts"]
    assert (counts.total, counts.urgent_open, counts.overdue, counts.unassigned_open) == (
        3,
        1,
        1,
        2,
    )
    assert "3 feedback items match." in response.content.decode()


def test_urgent_open_feedback_comes_first(client_as, unit):
    staff = client_as("staff")
    urgent = give(unit, "Kiireellinen", urgent=True, received_at=a_week_ago())
    handled = give(unit, "Käsitelty", urgent=True, status="closed", received_at=a_week_ago())
    newest = give(unit, "Uusin")
    page = list(staff.get(INBOX).context["page"])
    assert page[0] == urgent
    assert page.index(newest) < page.index(handled)


def test_the_inbox_list_costs_the_same_queries_with_many_items(
    client_as, unit, django_assert_max_num_queries
):
    staff = client_as("staff")
    give(unit, assigned_to=staff.user, themes=["access_waiting"])
    staff.get(INBOX)  # warm up sessions and caches
    with CaptureQueriesContext(connection) as few:
        staff.get(INBOX)
    for number in range(35):
        give(unit, f"Palaute {number}", assigned_to=staff.user, themes=["access_waiting"])
    with django_assert_max_num_queries(len(few)):
        response = staff.get(INBOX)
    assert len(response.context["page"]) == 25


# --- scope -------------------------------------------------------------------------------------


def test_staff_of_another_unit_never_see_the_item(client_as, unit, other_unit):
    theirs = give(other_unit, "Toisen yksikön palaute", contact_email="giver@example.org")
    staff = client_as("staff")
    assert staff.get(theirs.get_absolute_url()).status_code == 404
    assert "Toisen yksikön palaute" not in listed(staff)
    assert "Toisen yksikön palaute" not in listed(staff, url=GROUPS)
    assert not AccessLog.objects.exists()


def test_a_group_move_leaves_items_outside_the_scope_alone(client_as, unit, other_unit):
    theirs = give(other_unit)
    staff = client_as("staff")
    staff.post(
        GROUPS,
        {"members": [theirs.pk], "status": "closed", "public_text": "Suljettu.", "group": "1"},
    )
    theirs.refresh_from_db()
    assert theirs.status == Status.RECEIVED


# --- overdue, workflow -------------------------------------------------------------------------


def test_overdue_feedback_is_marked_with_words_in_the_list_and_the_detail(
    client_as, unit, settings
):
    staff = english(client_as("staff"))
    late = give(unit, "Myöhässä oleva", received_at=timezone.now() - timedelta(days=20))
    Feedback.objects.filter(pk=late.pk).update(
        due_at=late.received_at + timedelta(days=settings.FEEDBACK_RESPONSE_DAYS)
    )
    on_time = give(unit, "Ajallaan")
    body = listed(staff)
    row_of = {
        item: body.split(item.get_absolute_url())[0].rsplit("<tr", 1)[1] for item in (late, on_time)
    }
    assert "is-overdue" in row_of[late] and "is-overdue" not in row_of[on_time]
    assert body.count("flag-overdue") == 1 and "Overdue" in body
    detail = staff.get(late.get_absolute_url()).content.decode()
    assert "notice-overdue" in detail and "Overdue" in detail
    assert "notice-overdue" not in staff.get(on_time.get_absolute_url()).content.decode()


def test_the_due_date_comes_from_the_response_time_setting(unit, settings):
    settings.FEEDBACK_RESPONSE_DAYS = 7
    feedback = give(unit)
    assert feedback.due_at - feedback.received_at == timedelta(days=7)


def test_answered_feedback_is_no_longer_overdue(unit, make_user):
    late = give(unit, due_at=timezone.now() - timedelta(days=1))
    assert late.is_overdue
    reply_to_feedback(feedback=late, by=make_user("staff"), text="Kiitos, selvitämme asian.")
    late.refresh_from_db()
    assert not late.is_overdue


@pytest.mark.parametrize("status", ["answered", "action_planned", "change_made", "no_change"])
def test_steps_the_giver_sees_need_a_public_text(status, unit, make_user):
    feedback = give(unit)
    with pytest.raises(HandlingError) as error:
        move_feedback(feedback=feedback, by=make_user("staff"), status=status, public_text=" ")
    assert error.value.field == "public_text"
    feedback.refresh_from_db()
    assert feedback.status == Status.RECEIVED and feedback.events.count() == 1


def test_no_change_needs_reasons_not_just_a_word(unit, make_user):
    feedback = give(unit)
    with pytest.raises(HandlingError):
        move_feedback(
            feedback=feedback, by=make_user("staff"), status="no_change", public_text="Ei."
        )
    move_feedback(
        feedback=feedback,
        by=make_user("staff"),
        status="no_change",
        public_text="Ei muutosta: ajanvaraus on jo auki arkisin kahdeksasta alkaen.",
    )
    assert Feedback.objects.get(pk=feedback.pk).status == "no_change"


def test_in_progress_needs_no_public_text(unit, make_user):
    feedback = give(unit)
    move_feedback(feedback=feedback, by=make_user("staff"), status="in_progress")
    assert Feedback.objects.get(pk=feedback.pk).status == "in_progress"


def test_steps_only_go_forward_and_a_closed_item_can_be_reopened(unit, make_user):
    staff = make_user("staff")
    feedback = give(unit)
    move_feedback(feedback=feedback, by=staff, status="change_made", public_text="Korjattu.")
    with pytest.raises(HandlingError):
        move_feedback(feedback=feedback, by=staff, status="answered", public_text="Vastaus.")
    move_feedback(feedback=feedback, by=staff, status="closed")
    move_feedback(feedback=feedback, by=staff, status="in_progress")
    assert Feedback.objects.get(pk=feedback.pk).status == "in_progress"


def test_unanswered_feedback_is_not_closed_silently(unit, make_user):
    feedback = give(unit)
    with pytest.raises(HandlingError):
        move_feedback(feedback=feedback, by=make_user("staff"), status="closed")


def test_the_status_form_offers_only_the_next_steps(client_as, unit):
    staff = client_as("staff")
    feedback = give(unit, status="change_made")
    form = staff.get(feedback.get_absolute_url()).context["move_form"]
    offered = [value for value, _label in form.fields["status"].choices]
    assert offered == ["change_made", "no_change", "closed"]


def test_a_later_outcome_can_follow_a_closed_item(unit, make_user):
    staff = make_user("staff")
    feedback = give(unit, status="closed")
    move_feedback(
        feedback=feedback, by=staff, status="change_made", public_text="Muutos tehtiin lopulta."
    )
    assert Feedback.objects.get(pk=feedback.pk).status == "change_made"


def test_the_whole_workflow_reaches_the_giver(client_as, client, unit):
    feedback = give(unit)
    staff = client_as("staff")
    steps = [
        ("move", {"status": "in_progress", "public_text": ""}),
        ("reply", {"text": "Kiitos palautteesta, selvitämme jonotusaikoja."}),
        ("move", {"status": "action_planned", "public_text": "Lisäämme aamuvuoron."}),
        ("move", {"status": "change_made", "public_text": "Aamuvuoro aloitti maaliskuussa."}),
        ("move", {"status": "closed", "public_text": ""}),
    ]
    for name, data in steps:
        assert staff.post(step(feedback, name), data).status_code == 302, (name, data)
    assert [e.status for e in feedback.events.all()] == [
        "received",
        "in_progress",
        "answered",
        "action_planned",
        "change_made",
        "closed",
    ]
    giver = client.get(f"/palaute/seuraa/{feedback.reply_code}/").content.decode()
    assert "Kiitos palautteesta, selvitämme jonotusaikoja." in giver
    assert "Aamuvuoro aloitti maaliskuussa." in giver


def test_a_refused_step_shows_the_error_next_to_the_field(client_as, unit):
    staff = client_as("staff")
    feedback = give(unit)
    response = staff.post(step(feedback, "move"), {"status": "answered", "public_text": ""})
    assert response.status_code == 200
    assert response.context["move_form"].errors["public_text"]
    assert "error-summary" in response.content.decode()


# --- assignment --------------------------------------------------------------------------------


def test_a_handler_is_chosen_among_staff_of_the_unit_and_told(
    client_as, unit, make_user, django_capture_on_commit_callbacks
):
    manager = client_as("unit_manager")
    nurse = make_user("staff")
    feedback = give(unit)
    candidates = manager.get(feedback.get_absolute_url()).context["assign_form"]
    assert nurse in candidates.fields["assigned_to"].queryset
    with django_capture_on_commit_callbacks(execute=True):
        manager.post(step(feedback, "assign"), {"assigned_to": nurse.pk})
    assert Feedback.objects.get(pk=feedback.pk).assigned_to == nurse
    assert OutboxMessage.objects.filter(recipient=nurse.email).exists()


def test_staff_of_another_unit_cannot_be_assigned(client_as, unit, other_unit):
    manager = client_as("unit_manager")
    outsider = user_with_role("staff", unit=other_unit)
    feedback = give(unit)
    response = manager.post(step(feedback, "assign"), {"assigned_to": outsider.pk})
    assert response.status_code == 200
    assert Feedback.objects.get(pk=feedback.pk).assigned_to is None


def test_staff_can_take_an_item_themselves(client_as, unit):
    staff = client_as("staff")
    feedback = give(unit)
    staff.post(step(feedback, "assign_me"))
    assert Feedback.objects.get(pk=feedback.pk).assigned_to == staff.user
    assert feedback.get_absolute_url() in listed(staff, {"assigned": "me"})


# --- reply templates ---------------------------------------------------------------------------


def test_a_template_fills_the_reply_in_the_givers_language_without_javascript(client_as, unit):
    template = ReplyTemplate.objects.create(
        title="Kiitos", text_fi="Kiitos palautteestasi!", text_sv="Tack för din respons!"
    )
    feedback = give(unit, language="sv")
    staff = client_as("staff")
    response = staff.post(step(feedback, "use_template"), {"template": template.pk})
    assert response.status_code == 200
    assert response.context["reply_form"].initial["text"] == "Tack för din respons!"
    assert "Tack för din respons!</textarea>" in response.content.decode()
    assert not feedback.replies.exists()


def test_the_page_carries_the_template_texts_for_javascript(client_as, unit):
    ReplyTemplate.objects.create(title="Kiitos", text_fi="Kiitos palautteestasi!")
    staff = client_as("staff")
    body = staff.get(give(unit).get_absolute_url()).content.decode()
    assert 'id="reply-template-texts"' in body and "Kiitos palautteestasi!" in body


def test_templates_of_other_units_are_not_offered(client_as, unit, other_unit):
    ReplyTemplate.objects.create(title="Yleinen", text_fi="Kiitos!")
    ReplyTemplate.objects.create(title="Oma", text_fi="Kiitos!", unit=unit)
    ReplyTemplate.objects.create(title="Vieras", text_fi="Kiitos!", unit=other_unit)
    ReplyTemplate.objects.create(title="Pois käytöstä", text_fi="Kiitos!", active=False)
    staff = client_as("staff")
    form = staff.get(give(unit).get_absolute_url()).context["reply_form"]
    offered = [label for _value, label in form.fields["template"].choices][1:]
    assert offered == ["Oma", "Yleinen"]


def test_choosing_no_template_asks_for_one(client_as, unit):
    ReplyTemplate.objects.create(title="Kiitos", text_fi="Kiitos!")
    staff = client_as("staff")
    response = staff.post(step(give(unit), "use_template"), {"template": ""})
    assert response.context["reply_form"].errors["template"]


# --- urgent, audit -----------------------------------------------------------------------------

URGENT_TEXT = "Äiti kaatui hoivakodissa eikä kukaan tullut auttamaan, makasi lattialla tunnin."


def test_urgent_feedback_alerts_the_manager_of_that_unit_only(
    make_user, unit, other_unit, django_capture_on_commit_callbacks
):
    manager = make_user("unit_manager")
    other_manager = user_with_role("unit_manager", unit=other_unit)
    staff = make_user("staff")
    with django_capture_on_commit_callbacks(execute=True):
        feedback = give(unit, URGENT_TEXT)
    assert feedback.urgent
    alerts = OutboxMessage.objects.filter(subject__icontains=unit.name_fi)
    assert [m.recipient for m in alerts] == [manager.email]
    assert not OutboxMessage.objects.filter(recipient__in=[other_manager.email, staff.email])
    assert f"/palaute/saapuneet/{feedback.pk}/" in alerts.get().body


def test_urgent_feedback_is_flagged_in_the_inbox(client_as, unit):
    staff = english(client_as("staff"))
    give(unit, URGENT_TEXT)
    body = listed(staff)
    assert "flag-urgent" in body and "Urgent" in body


def test_access_feedback_logs_a_view_of_contact_details(unit, make_user):
    staff = make_user("staff")
    with_contact = give(unit, contact_email="giver@example.org")
    access_feedback(user=staff, pk=give(unit).pk)
    assert not AccessLog.objects.exists()
    access_feedback(user=staff, pk=with_contact.pk, path="/x/")
    entry = AccessLog.objects.get()
    assert (entry.actor, entry.object_type, entry.path) == (staff, "feedback.contact", "/x/")


def test_an_inbox_list_shows_no_contact_details(client_as, unit):
    staff = client_as("staff")
    give(unit, contact_email="giver@example.org")
    assert "giver@example.org" not in listed(staff)
    assert not AccessLog.objects.exists()


# --- groups ------------------------------------------------------------------------------------

QUEUE = [
    "Jonotin puhelimessa tunnin eikä kukaan vastannut.",
    "Jonotin puhelimessa yli tunnin, eikä kukaan vastannut!",
    "jonotin puhelimessa tunnin eikä kukaan vastannut",
]


def test_near_duplicates_from_the_same_kiosk_land_in_one_group(client_as, unit):
    staff = client_as("staff")
    queue = [give(unit, text, channel="kiosk") for text in QUEUE]
    praise = give(unit, "Lääkäri oli ystävällinen ja kuunteli. Kiitos!", channel="kiosk")
    groups = staff.get(GROUPS).context["groups"]
    assert {item.pk for item in groups[0].members} == {item.pk for item in queue}
    assert groups[0].representative in queue
    assert [g.members for g in groups[1:]] == [[praise]]


def test_the_groups_view_shows_each_group_once_with_size_and_links(client_as, unit):
    staff = english(client_as("staff"))
    queue = [give(unit, text) for text in QUEUE]
    body = listed(staff, url=GROUPS)
    assert "Group 1: 3 comments" in body
    for item in queue:
        assert body.count(item.get_absolute_url()) == 1


def test_the_groups_view_uses_the_inbox_filters(client_as, unit):
    staff = client_as("staff")
    web = give(unit, QUEUE[0], channel="web")
    kiosk = give(unit, QUEUE[1], channel="kiosk")
    body = listed(staff, {"channel": "kiosk"}, url=GROUPS)
    assert kiosk.get_absolute_url() in body and web.get_absolute_url() not in body


def test_a_whole_group_takes_one_step_with_one_public_text(client_as, client, unit):
    staff = client_as("staff")
    queue = [give(unit, text) for text in QUEUE]
    closed = queue[0]
    Feedback.objects.filter(pk=closed.pk).update(status="change_made")
    response = staff.post(
        GROUPS + "?channel=web",
        {
            "group": "1",
            "members": [item.pk for item in queue],
            "status": "action_planned",
            "public_text": "Lisäämme puhelinaikoja aamuihin.",
        },
    )
    assert response.status_code == 302 and "channel=web" in response["Location"]
    statuses = {item.pk: Feedback.objects.get(pk=item.pk).status for item in queue}
    assert statuses == {
        queue[0].pk: "change_made",
        queue[1].pk: "action_planned",
        queue[2].pk: "action_planned",
    }
    giver = client.get(f"/palaute/seuraa/{queue[1].reply_code}/").content.decode()
    assert "Lisäämme puhelinaikoja aamuihin." in giver


def test_a_group_step_without_public_text_is_refused(client_as, unit):
    staff = client_as("staff")
    queue = [give(unit, text) for text in QUEUE]
    response = staff.post(
        GROUPS,
        {"group": "1", "members": [i.pk for i in queue], "status": "answered", "public_text": ""},
    )
    assert response.status_code == 200
    assert response.context["group_form"].errors["public_text"]
    assert not Feedback.objects.exclude(status="received").exists()
