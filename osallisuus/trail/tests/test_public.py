"""The public trail: "you said, we did" on the unit's and the service's public pages and as JSON,
the service promise and how often it was kept, small groups hidden, "did the change work?"."""

from datetime import timedelta

import pytest
from django.utils import timezone

from osallisuus.feedback.models import Feedback, Status, StatusEvent
from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.organisation.models import ServicePromise
from osallisuus.organisation.selectors import answer_promise
from osallisuus.reports.selectors import add_months
from osallisuus.reports.services import refresh_feedback_rollup
from osallisuus.trail.models import Action, Decision, InputLink, Matter
from osallisuus.trail.public import Period, action_follow_up, unit_outcomes

pytestmark = pytest.mark.django_db

THIS_YEAR = timezone.localdate().year


def items(unit, n, *, themes=("access_waiting",), days_ago=30, text="Jonotin puhelimessa"):
    """n comments on the unit with the given themes, received `days_ago` days ago."""
    made = [submit_feedback(FeedbackInput(unit=unit, text=text))[0] for _ in range(n)]
    received_at = timezone.now() - timedelta(days=days_ago)
    promised = timedelta(days=answer_promise(service_id=unit.service_id).days)
    Feedback.objects.filter(pk__in=[f.pk for f in made]).update(
        themes=list(themes), received_at=received_at, due_at=received_at + promised
    )
    for feedback in made:
        refresh_feedback_rollup(feedback.pk)
    return [Feedback.objects.get(pk=f.pk) for f in made]


def answer(feedback, *, after_days, status=Status.ANSWERED, text=""):
    StatusEvent.objects.create(
        feedback=feedback,
        status=status,
        at=feedback.received_at + timedelta(days=after_days),
        public_text=text,
    )
    refresh_feedback_rollup(feedback.pk)


def done_action(unit, owner, *, text_fi="Lisäsimme puhelinaikoja.", days_ago=10, **extra):
    return Action.objects.create(
        title_fi="Lisää puhelinaikoja",
        title_sv="Fler telefontider",
        public_text_fi=text_fi,
        public_text_sv="Vi har lagt till telefontider.",
        owner=owner,
        created_by=owner,
        unit=unit,
        status=extra.pop("status", Action.Status.DONE),
        closed_at=timezone.now() - timedelta(days=days_ago),
        **extra,
    )


def rejected_decision(unit, user, *, reasons="Rahoitus ei riitä tänä vuonna."):
    matter = Matter.objects.create(
        title="Iltavastaanotto",
        summary="Asiakkaat toivovat iltavastaanottoa.",
        carrier=user,
        target_office="Palvelujohtaja",
        unit=unit,
        created_by=user,
    )
    return Decision.objects.create(
        matter=matter,
        outcome=Decision.Outcome.REJECTED,
        decided_by="Sote-lautakunta",
        decided_on=timezone.localdate() - timedelta(days=5),
        reasons=reasons,
        recorded_by=user,
    )


def test_the_unit_page_shows_a_done_action_and_a_rejected_decision_with_reasons(
    client, unit, make_user
):
    staff = make_user("staff")
    done_action(unit, staff)
    rejected_decision(unit, staff)
    page = client.get(f"/palaute/tarinat/{unit.code}/", headers={"accept-language": "fi"})
    html = page.content.decode()
    assert page.status_code == 200
    assert '<p lang="fi">Lisäsimme puhelinaikoja.</p>' in html
    assert "Iltavastaanotto" in html
    assert "Rahoitus ei riitä tänä vuonna." in html


def test_the_reader_gets_the_public_text_in_their_language_marked_as_such(client, unit, make_user):
    done_action(unit, make_user("staff"))
    page = client.get(f"/palaute/tarinat/{unit.code}/", headers={"accept-language": "sv"})
    assert '<p lang="sv">Vi har lagt till telefontider.</p>' in page.content.decode()


def test_a_dropped_action_shows_its_reasons_under_not_changed(unit, make_user):
    staff = make_user("staff")
    done_action(unit, staff, status=Action.Status.DROPPED, reasons="Tilat eivät riitä.")
    outcomes = unit_outcomes(unit)
    assert [o.reasons for o in outcomes.not_changed] == ["Tilat eivät riitä."]
    assert outcomes.done == []


def test_themes_below_the_minimum_are_left_out(unit, settings):
    settings.PUBLIC_MIN_ANSWERS = 5
    items(unit, 5, themes=("access_waiting",))
    items(unit, 4, themes=("staff_attitude",))
    outcomes = unit_outcomes(unit)
    assert [(r.theme, r.count) for r in outcomes.raised] == [("access_waiting", 5)]
    assert outcomes.hidden_themes == 1


def test_the_share_of_the_promise_kept_is_counted_with_the_services_days(unit, settings):
    settings.PUBLIC_MIN_ANSWERS = 5
    ServicePromise.objects.create(service=unit.service, days_to_answer=7, text_fi="Vastaamme.")
    fast = items(unit, 3, days_ago=40)
    slow = items(unit, 2, days_ago=40)
    silent = items(unit, 1, days_ago=40)
    not_yet_due = items(unit, 2, days_ago=2)
    for feedback in fast:
        answer(feedback, after_days=6)
    for feedback in slow:
        answer(feedback, after_days=10)
    del silent, not_yet_due
    # Recounted by hand: due = the items of the months whose 7 days have passed for every
    # item (the six of 40 days ago, answered or not; not the two of this week); kept = 3.
    promise = unit_outcomes(unit).promise
    assert promise is not None
    assert (promise.days, promise.due_count, promise.kept_share) == (7, 6, round(100 * 3 / 6))


def test_the_shares_answered_and_changed_are_hidden_for_a_small_group(unit, settings):
    settings.PUBLIC_MIN_ANSWERS = 5
    for feedback in items(unit, 4):
        answer(feedback, after_days=1)
    outcomes = unit_outcomes(unit)
    assert outcomes.answered_share is None
    assert outcomes.change_share is None
    more = items(unit, 1)
    answer(more[0], after_days=1, status=Status.CHANGE_MADE, text="Korjattu.")
    outcomes = unit_outcomes(unit)
    assert (outcomes.answered_share, outcomes.change_share) == (100, 20)


def test_feedback_closed_with_no_change_shows_its_public_text_once(unit):
    for feedback in items(unit, 3):
        answer(feedback, after_days=1, status=Status.NO_CHANGE, text="Kiitos, ei muutettavaa.")
    closed = unit_outcomes(unit).closed_without_change
    assert [(c.text, c.count) for c in closed] == [("Kiitos, ei muutettavaa.", 3)]


def test_did_the_change_work_counts_comments_on_the_same_theme_in_the_months_after_it(
    unit, make_user, settings
):
    settings.PUBLIC_MIN_ANSWERS = 5
    settings.TRAIL_FOLLOW_UP_MONTHS = 3
    staff = make_user("staff")
    this_month = timezone.localdate().replace(day=1)
    done_on = add_months(this_month, -2)  # the change was made two months ago
    linked = items(unit, 1, days_ago=(timezone.localdate() - done_on).days)[0]
    action = done_action(unit, staff, days_ago=(timezone.localdate() - done_on).days)

    def on(month, n, themes=("access_waiting",)):
        days_ago = (timezone.localdate() - month.replace(day=10)).days
        return items(unit, n, days_ago=days_ago, themes=themes)

    InputLink.objects.create(kind="feedback", object_id=linked.pk, action=action, linked_by=staff)
    on(add_months(done_on, 1), 6)  # the month after the change, same theme
    on(add_months(done_on, 1), 3, themes=("care_quality",))  # another theme: not counted
    on(add_months(done_on, -1), 2)  # the month before: below the minimum
    on(add_months(done_on, -4), 9)  # before the months followed: not counted
    follow_up = action_follow_up(action)
    assert follow_up is not None
    assert follow_up.themes == ("access_waiting",)
    assert (follow_up.after, follow_up.after_count) == (6, 6)
    # The change's own month (the linked comment) is in neither window.
    assert (follow_up.before, follow_up.before_count) == (None, 2)
    assert (follow_up.since, follow_up.until) == (
        add_months(done_on, 1),
        add_months(done_on, 4) - timedelta(days=1),
    )
    assert follow_up.running


@pytest.mark.parametrize("changes", [1, 8])
def test_the_section_costs_the_same_queries_however_many_changes(
    client, unit, make_user, changes, django_assert_max_num_queries
):
    staff = make_user("staff")
    linked = items(unit, 2, days_ago=60)
    for _ in range(changes):
        action = done_action(unit, staff, days_ago=30)
        for feedback in linked:
            InputLink.objects.create(
                kind="feedback", object_id=feedback.pk, action=action, linked_by=staff
            )
        rejected_decision(unit, staff)
    with django_assert_max_num_queries(10):
        unit_outcomes(unit)


def test_the_service_page_shows_its_units_outcomes(client, unit, make_user):
    done_action(unit, make_user("staff"))
    page = client.get(f"/palaute/palvelut/{unit.service_id}/", headers={"accept-language": "fi"})
    assert page.status_code == 200
    assert "Lisäsimme puhelinaikoja." in page.content.decode()
    assert client.get("/palaute/palvelut/999999/").status_code == 404


def test_the_status_page_reads_the_services_promise(client, unit):
    feedback = items(unit, 1)[0]
    page = client.get(f"/palaute/seuraa/{feedback.reply_code}/", headers={"accept-language": "en"})
    assert "answers within 14 days" in page.content.decode()
    ServicePromise.objects.create(service=unit.service, days_to_answer=5)
    page = client.get(f"/palaute/seuraa/{feedback.reply_code}/", headers={"accept-language": "en"})
    assert "answers within 5 days" in page.content.decode()


# --- API ---------------------------------------------------------------------------------------


def resolve(schema, node):
    if "$ref" in node:
        return schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    if "allOf" in node:
        return resolve(schema, node["allOf"][0])
    return node


def schema_of(schema, path):
    body = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    return resolve(schema, body["schema"])


def test_outcomes_api_follows_its_contract_and_leaves_out_a_theme_of_four(
    client, unit, make_user, settings
):
    settings.PUBLIC_MIN_ANSWERS = 5
    staff = make_user("staff")
    items(unit, 5, themes=("access_waiting",), days_ago=1)
    items(unit, 4, themes=("staff_attitude",), days_ago=1)
    done_action(unit, staff, days_ago=0)
    rejected_decision(unit, staff)
    response = client.get(f"/api/v1/outcomes/?unit_code={unit.code}&year={THIS_YEAR}")
    assert response.status_code == 200
    body = response.json()
    schema = client.get("/api/v1/schema/").json()
    declared = schema_of(schema, "/api/v1/outcomes/")
    assert set(body) == set(declared["properties"])
    assert {"unit", "period", "raised", "done", "not_changed", "promise"} <= set(
        declared["required"]
    )
    promise = resolve(schema, declared["properties"]["promise"])
    assert {"days", "kept_share"} <= set(promise["properties"])
    assert body["unit"] == unit.code
    assert body["period"] == {"start": f"{THIS_YEAR}-01-01", "end": f"{THIS_YEAR}-12-31"}
    assert [(r["theme"], r["count"]) for r in body["raised"]] == [("access_waiting", 5)]
    assert [d["kind"] for d in body["done"]] == ["action"]
    assert body["not_changed"][0]["reasons"] == "Rahoitus ei riitä tänä vuonna."
    assert body["promise"]["days"] == 14


def test_outcomes_api_of_an_unknown_unit_is_404(client, db):
    assert client.get("/api/v1/outcomes/?unit_code=ZZZZ").status_code == 404


def test_outcomes_api_of_another_year_has_nothing_of_this_one(client, unit, make_user):
    done_action(unit, make_user("staff"))
    body = client.get(f"/api/v1/outcomes/?unit_code={unit.code}&year={THIS_YEAR - 1}").json()
    assert body["done"] == []


def test_period_of_a_year_ends_on_new_years_eve():
    period = Period.year(2026)
    assert (str(period.start), str(period.last_day)) == ("2026-01-01", "2026-12-31")


def test_an_item_is_due_by_its_services_promise(unit):
    """The promise kept is counted against each item's due time, so an intake takes it from the
    service's promise (a change of promise applies from the next item on)."""
    first = submit_feedback(FeedbackInput(unit=unit, text="Ensimmäinen"))[0]
    assert first.due_at - first.received_at == timedelta(days=14)
    ServicePromise.objects.create(service=unit.service, days_to_answer=7, text_fi="Vastaamme.")
    second = submit_feedback(FeedbackInput(unit=unit, text="Toinen"))[0]
    assert second.due_at - second.received_at == timedelta(days=7)
