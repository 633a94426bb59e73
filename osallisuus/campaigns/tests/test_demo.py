"""The demo county holds a closed campaign whose results led to a done action."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_demo_campaign_is_closed_has_answers_and_tells_its_done_action():
    from osallisuus.campaigns import demo as campaigns_demo
    from osallisuus.campaigns.models import Campaign
    from osallisuus.campaigns.selectors import campaign_results
    from osallisuus.demo.county import build_demo_county
    from osallisuus.feedback import demo as feedback_demo

    build_demo_county()
    feedback_demo.seed_demo_data()
    campaigns_demo.seed_demo_data()
    campaign = Campaign.objects.get()
    results = campaign_results(campaign, language="fi")
    assert campaign.is_closed()
    assert results.count_shown
    assert [o.status for o in results.used][-1] == "done"
    campaigns_demo.seed_demo_data()  # seeding twice adds nothing
    assert Campaign.objects.count() == 1
