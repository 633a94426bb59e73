"""Survey campaigns as an input kind of the trail (trail/kinds.py): actions and matters link to
a campaign's results as a whole."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from osallisuus.trail.kinds import InputItem

from .models import Campaign
from .selectors import campaign_results, campaigns_given_at, campaigns_visible_to


def _item(campaign: Campaign) -> InputItem:
    units = list(campaign.units.all())
    results = campaign_results(campaign)
    return InputItem(
        kind=CampaignKind.name,
        pk=campaign.pk,
        excerpt=_("Survey “%(title)s”, %(start)s–%(end)s: %(count)s answers")
        % {
            "title": campaign.title,
            "start": date_format(campaign.starts_on, "j.n.Y"),
            "end": date_format(campaign.ends_on, "j.n.Y"),
            "count": results.count
            if results.count_shown
            else _("fewer than %(n)s") % {"n": results.minimum},
        },
        date=campaign.ends_on,
        language="fi",
        unit_id=units[0].pk if len(units) == 1 else None,
        service_id=units[0].service_id if len({u.service_id for u in units}) == 1 else None,
        # The themes that were raised often enough to be shown: "did the change work?" follows
        # them.
        themes=tuple(theme.theme for theme in results.themes),
        url=reverse("campaigns:detail", kwargs={"pk": campaign.pk}),
        # Respondents are anonymous; the campaign's results page tells them what was done.
        has_giver=False,
    )


def _campaigns(found: QuerySet[Campaign]) -> list[InputItem]:
    found = found.select_related("question_set").prefetch_related("units")
    return [_item(campaign) for campaign in found.order_by("-ends_on", "pk")]


class CampaignKind:
    name = "campaign"

    def label(self) -> str:
        return _("survey campaign")

    def visible_ids(self, user: Any) -> Any:
        return campaigns_visible_to(user).values_list("pk", flat=True)

    def items(self, pks: Iterable[int], user: Any) -> list[InputItem]:
        return _campaigns(campaigns_visible_to(user).filter(pk__in=list(pks)))

    def summaries(self, pks: Iterable[int]) -> list[InputItem]:
        return _campaigns(Campaign.objects.filter(pk__in=list(pks)))

    def received_ids(self, units: Any, start: date, end: date) -> Any:
        return campaigns_given_at(units=units, start=start, end=end).values_list("pk", flat=True)

    def tell_giver(self, pk: int, texts: dict[str, str]) -> bool:
        """No one to tell one by one: the respondents read the results page."""
        return False


CAMPAIGN_KIND = CampaignKind()
