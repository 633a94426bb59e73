"""Forms of one's own page: notification settings and linking feedback by reply code."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .selectors import available_channels

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

CHANNEL_LABELS = {"email": _("E-mail"), "sms": _("SMS")}


class NotificationForm(forms.Form):
    """Channel (only those the account has an address for are offered), language (each named
    in its own language) and pace. The rules themselves are in services."""

    notify_channel = forms.ChoiceField(
        label=_("Send my notices by"), choices=list(CHANNEL_LABELS.items())
    )
    preferred_language = forms.ChoiceField(
        label=_("Language of my notices"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )
    notify_daily = forms.TypedChoiceField(
        label=_("How often"),
        choices=[
            ("0", _("At once, one message for each notice")),
            ("1", _("At most one message a day")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "notices-%s")
        offered = available_channels(user)
        kwargs.setdefault(
            "initial",
            {
                "notify_channel": user.notify_channel
                if user.notify_channel in offered
                else (offered[0] if offered else ""),
                "preferred_language": user.preferred_language,
                "notify_daily": "1" if user.notify_daily else "0",
            },
        )
        super().__init__(*args, **kwargs)
        # Every channel is accepted here, so that the service can say why one cannot be used;
        # only the channels the account has an address for are shown.
        if offered:
            self.fields["notify_channel"].widget = forms.RadioSelect(
                choices=[(c, CHANNEL_LABELS[c]) for c in offered]
            )
        else:
            # No address to send to: nothing to choose (the page says so).
            del self.fields["notify_channel"]


class LinkFeedbackForm(forms.Form):
    reply_code = forms.CharField(
        label=_("Reply code"),
        max_length=20,
        help_text=_("The code you got when you gave feedback, like ABCD-EFGH."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "link-%s")
        super().__init__(*args, **kwargs)
        self.fields["reply_code"].widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        )
