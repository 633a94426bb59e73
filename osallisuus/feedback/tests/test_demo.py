"""The demo gives staff reply templates to start from, in all three languages."""

import pytest

from osallisuus.feedback.demo import seed_demo_data
from osallisuus.feedback.models import ReplyTemplate
from osallisuus.feedback.reply_templates.selectors import reply_templates_for
from osallisuus.feedback.services import FeedbackInput, submit_feedback

pytestmark = pytest.mark.django_db


def test_demo_reply_templates_are_offered_in_the_givers_language_and_created_once(unit):
    seed_demo_data()
    seed_demo_data()
    assert ReplyTemplate.objects.count() == 3
    feedback = submit_feedback(FeedbackInput(unit=unit, text="Tack!", language="sv"))[0]
    offered = list(reply_templates_for(feedback))
    assert len(offered) == 3
    assert all(template.text("sv") != template.text_fi for template in offered)
    assert all(template.text("en") != template.text_fi for template in offered)
