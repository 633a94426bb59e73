"""The feedback form on a 320 px phone: each scale fits on one row or is a list, the comment can
come first, and a comment over the limit is refused with what was typed kept whole."""

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOO_LONG = ("Jonotin pitkään, ja kukaan ei kertonut miksi. " * 50)[:2001]


def phone_page(browser: Any, live_server: Any, *, javascript: bool, language: str = "fi") -> Any:
    context = browser.new_context(
        base_url=live_server.url,
        java_script_enabled=javascript,
        viewport={"width": 320, "height": 640},
        is_mobile=True,
        has_touch=True,
        locale={"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}[language],
    )
    context.set_default_timeout(30_000)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    return context.new_page()


@pytest.fixture
def comment_first(unit: Any) -> Any:
    from osallisuus.feedback.models import QuestionSet

    question_set = QuestionSet.objects.get(key="thl-national")
    question_set.comment_first = True
    question_set.save()
    return question_set


def test_a_phone_fills_the_form_with_the_comment_first(browser, live_server, comment_first):
    from osallisuus.feedback.models import Feedback

    page = phone_page(browser, live_server, javascript=True)
    page.goto("/palaute/KST/")
    comment = page.get_by_label("Mitä haluat kertoa?", exact=False)
    first_question = page.get_by_role("group", name="Sain palvelua silloin, kun tarvitsin sitä.")
    assert comment.bounding_box()["y"] < first_question.bounding_box()["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    comment.fill("Sain ajan nopeasti, kiitos.")
    assert page.locator(".char-count").inner_text() == "27 / 2000 merkkiä"
    assert page.locator("[aria-live=polite]").inner_text() == "", "announced at every key"
    first_question.get_by_text("Täysin samaa mieltä").click()
    page.get_by_role("button", name="Lähetä palaute").click()
    feedback = Feedback.objects.get()
    assert feedback.text == "Sain ajan nopeasti, kiitos."
    assert feedback.answers.get(question__key="access").value_int == 5
    page.context.close()


@pytest.mark.parametrize("javascript", [False, True])
def test_a_comment_over_the_limit_is_refused_with_nothing_lost(
    browser, live_server, unit, javascript
):
    from osallisuus.feedback.models import Feedback

    page = phone_page(browser, live_server, javascript=javascript)
    page.goto("/palaute/KST/")
    comment = page.get_by_label("Mitä haluat kertoa?", exact=False)
    assert comment.get_attribute("maxlength") is None
    comment.fill(TOO_LONG)
    if javascript:
        assert page.locator(".char-count").inner_text().startswith("Liikaa merkkejä: 1.")
        assert page.locator("[aria-live=polite]").inner_text().startswith("Liikaa merkkejä: 1.")
    page.get_by_role("button", name="Lähetä palaute").click()
    assert not Feedback.objects.exists()
    error = page.locator(".field-error .error-text")
    assert "2001" in error.inner_text()
    assert "2000" in error.inner_text()
    assert "Vastaa vähintään yhteen kysymykseen" not in page.content()
    assert page.get_by_label("Mitä haluat kertoa?", exact=False).input_value() == TOO_LONG
    page.context.close()


def test_each_scale_fits_a_320_px_phone(browser, live_server, unit):
    page = phone_page(browser, live_server, javascript=False)
    page.goto("/palaute/KST/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    nps = page.get_by_role("group", name="Kuinka todennäköisesti", exact=False)
    tops = {round(box["y"]) for box in (r.bounding_box() for r in nps.get_by_role("radio").all())}
    assert len(nps.get_by_role("radio").all()) == 11
    assert len(tops) == 1, "0–10 wraps onto more than one row"
    ends = [s.bounding_box() for s in nps.locator(".nps-ends span").all()]
    assert len({round(box["y"]) for box in ends}) == 1, "the end labels are not on one line"
    faces = page.get_by_role("group", name="Tunsin oloni turvalliseksi.").locator("label").all()
    boxes = [face.bounding_box() for face in faces]
    one_row = len({round(b["y"]) for b in boxes}) == 1
    one_column = len({round(b["x"]) for b in boxes}) == 1
    assert len(boxes) == 5 and (one_row or one_column), "five answers in a 2+2+1 grid"
    assert all(b["x"] + b["width"] <= 320 for b in boxes)
    box = page.get_by_role("checkbox").bounding_box()
    label = page.locator("label[for=id_publish_consent]").bounding_box()
    assert box["x"] + box["width"] <= label["x"], "the checkbox is not before its label"
    assert box["y"] < label["y"] + label["height"] and label["y"] < box["y"] + box["height"]
    page.context.close()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_form_with_the_comment_first_has_no_axe_violations_on_a_phone(
    browser, live_server, axe_violations, comment_first, language
):
    page = phone_page(browser, live_server, javascript=True, language=language)
    page.goto("/palaute/KST/")
    page.locator("textarea").first.fill("x" * 1950)
    assert axe_violations(page) == []
    page.context.close()
