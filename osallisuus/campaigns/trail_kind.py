"""Survey campaigns as an input kind of the trail (trail/kinds.py): actions and matters link to
a campaign's results as a whole."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from osallisuus.trail.kinds import InputItem, InputQuery
from osallisuus.trail.text_search import matching_words

from .models import Campaign
from .selectors import campaign_results, campaigns_given_at, campaigns_visible_to

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


def _item(campaign: Campaign) -> InputItem:
    units = list(campaign.units.all())
    results = campaign_results(campaign, questions=False)  # the count and themes only
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

    def visible_ids(self, user: User) -> Any:
        return campaigns_visible_to(user).values_list("pk", flat=True)

    def items(self, pks: Iterable[int], user: User) -> list[InputItem]:
        return _campaigns(campaigns_visible_to(user).filter(pk__in=list(pks)))

    def summaries(self, pks: Iterable[int]) -> list[InputItem]:
        return _campaigns(Campaign.objects.filter(pk__in=list(pks)))

    def search_ids(self, user: User, query: InputQuery) -> Any:
        """Campaigns the user may see, matched on their titles; a period finds the campaigns
        that closed in it (their results are the input). Ordered by when they were set up,
        a moment like the other kinds' own."""
        found = matching_words(
            campaigns_visible_to(user), query.words, "title_fi", "title_sv", "title_en"
        )
        if query.unit_id:
            found = found.filter(units=query.unit_id)
        if query.service_id:
            found = found.filter(units__service_id=query.service_id)
        if query.theme:  # a campaign's themes are read from its results, not stored
            return Campaign.objects.none().values_list("pk", "created_at")
        if query.since:
            found = found.filter(ends_on__gte=query.since)
        if query.until:
            found = found.filter(ends_on__lte=query.until)
        if query.status:
            today = timezone.localdate()
            found = found.filter(
                ends_on__gte=today if query.status == "open" else date.min,
                ends_on__lt=today if query.status == "handled" else date.max,
            )
        found = Campaign.objects.filter(pk__in=found.values("pk"))
        return found.order_by("-created_at", "-pk").values_list("pk", "created_at")

    def received_ids(self, units: Any, start: date, end: date) -> Any:
        return campaigns_given_at(units=units, start=start, end=end).values_list("pk", flat=True)

    def tell_giver(self, pk: int, texts: dict[str, str]) -> bool:
        """No one to tell one by one: the respondents read the results page."""
        return False


CAMPAIGN_KIND = CampaignKind()
