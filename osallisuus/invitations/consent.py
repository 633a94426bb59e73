"""The consent text an invitee reads before accepting, and its version.

Change the wording → raise CONSENT_VERSION: each acceptance records the version it was shown
(GDPR art. 7(1): the controller must be able to show what the person agreed to).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

CONSENT_VERSION = "2026-12-07"


def consent_paragraphs(target: str) -> list[str]:
    """The text in the active language; `target` names what the invitation is for."""
    return [
        _(
            "What we keep: the e-mail address or phone number this invitation was sent to, "
            "the language you chose, and when you accepted this invitation and which version "
            "of this text you saw."
        ),
        _(
            "Why: so that you can sign in and take part in %(target)s, and so that we can send "
            "you messages about it. The county's participation services are responsible for "
            "the data."
        )
        % {"target": target},
        _(
            "For how long: as long as you take part. You can close your account at any time; "
            "what has no legal reason to stay is then erased."
        ),
        _("Taking part is voluntary. Declining does not affect the services you receive."),
    ]
