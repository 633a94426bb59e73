"""Staff type in feedback that came by phone or on paper, only for units in their scope."""

import pytest

from osallisuus.feedback.models import Contact, Feedback

pytestmark = pytest.mark.django_db
URL = "/palaute/saapuneet/uusi/"


def entry(**extra):
    return {
        "idempotency_key": "form-1",
        "channel": "phone",
        "language": "fi",
        "q_encounter": "2",
        "text": "Soittaja kertoi, että häntä ei kuunneltu.",
        "contact_email": "",
        "contact_phone": "",
        **extra,
    }


def test_staff_enter_phone_feedback_for_their_unit_and_land_on_it_in_the_inbox(client_as, unit):
    staff = client_as("staff")
    assert staff.get(URL).status_code == 200
    response = staff.post(URL + "?unit=KST", entry(contact_phone="040 123 4567"))
    feedback = Feedback.objects.get()
    assert response.status_code == 302 and response["Location"] == feedback.get_absolute_url()
    assert feedback.channel == "phone" and feedback.unit == unit
    assert feedback.answers.get().value == 2
    assert Contact.objects.get(feedback=feedback).phone == "040 123 4567"


def test_paper_feedback_keeps_its_channel(client_as, unit):
    client_as("unit_manager").post(URL + "?unit=KST", entry(channel="paper"))
    assert Feedback.objects.get().channel == "paper"


def test_staff_of_another_unit_cannot_enter_feedback_for_kst(
    client_as, make_user, unit, other_unit
):
    from django.test import Client

    from osallisuus.accounts.tests.factories import sign_in, user_with_role

    outsider = Client()
    sign_in(outsider, user_with_role("staff", unit=other_unit))
    assert outsider.get(URL + "?unit=KST").status_code == 404
    assert outsider.post(URL + "?unit=KST", entry()).status_code == 404
    assert not Feedback.objects.exists()
    # Their own unit is the only one offered.
    page = outsider.get(URL).content.decode()
    assert "Mäntyrannan terveysasema" in page and "Keskustan terveysasema" not in page


def test_someone_with_many_units_picks_one_first(client_as, unit, other_unit):
    page = client_as("coordinator").get(URL).content.decode()
    assert 'name="unit"' in page and "MTR" in page and "KST" in page


def test_an_empty_entry_is_not_stored_and_the_error_is_shown(client_as, unit):
    staff = client_as("staff")
    response = staff.post(URL + "?unit=KST", entry(q_encounter="", text=""))
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Feedback.objects.exists()


def test_residents_cannot_enter_feedback(client_as, unit):
    assert client_as("resident").get(URL).status_code == 404


def test_saving_the_same_form_twice_stores_it_once(client_as, unit):
    staff = client_as("staff")
    staff.post(URL + "?unit=KST", entry())
    staff.post(URL + "?unit=KST", entry())
    assert Feedback.objects.count() == 1


@pytest.fixture
def question_sets(transactional_db):
    """Transactional tests empty the database, also the question sets shipped by a migration."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("osallisuus.feedback.migrations.0002_default_question_sets")
    migration.load_sets(apps, None)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_staff_entry_page_has_no_axe_violations(
    page, live_server, axe_violations, language, question_sets, unit, other_unit
):
    from django.test import Client

    from osallisuus.accounts.tests.factories import sign_in, user_with_role

    client = Client()
    sign_in(client, user_with_role("coordinator"))
    page.context.add_cookies(
        [
            {"name": "django_language", "value": language, "url": live_server.url},
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            },
        ]
    )
    page.goto(URL)
    assert axe_violations(page) == [], "unit picker"
    page.locator("select[name=unit]").select_option("KST")
    page.locator("main form button[type=submit]").click()
    page.locator("input[name=channel]").first.wait_for()
    assert axe_violations(page) == [], "entry form"
    page.locator("main form.feedback-form button[type=submit]").click()
    page.locator(".error-summary").wait_for()
    assert axe_violations(page) == [], "errors"
