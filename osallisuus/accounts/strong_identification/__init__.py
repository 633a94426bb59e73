"""Strong identification of residents (#19): Suomi.fi e-Identification or the county's broker.

A client of its own, apart from the staff directory (accounts/oidc.py): its own settings
(RESIDENT_*), its own session state and its own views under /tili/vahva/. The personal
identity code it is given is kept only as a keyed hash (services.identity_hash) on the one
account of that person. A strong sign-in grants no role and never counts as the second factor
that staff roles need. Doors that need a strongly identified person ask
`is_strongly_identified(request)`.
"""

from .session import is_strongly_identified

__all__ = ["is_strongly_identified"]
