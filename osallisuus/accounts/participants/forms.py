"""Forms of the participants' way in: sign up, ask for a code, type the code."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .services import CODE_DIGITS, Address, parse_address

ADDRESS_ERROR = _(
    "Type an e-mail address (like name@example.fi) or a mobile phone number (like 040 123 4567)."
)


class AddressField(forms.CharField):
    """An e-mail address or a phone number in one box, as people are used to."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("E-mail address or mobile phone number"))
        kwargs.setdefault(
            "help_text",
            _("We send a link to an e-mail address and a code to a phone number."),
        )
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "username"}))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Address:
        typed = super().clean(value)
        address = parse_address(typed)
        if address is None:
            raise forms.ValidationError(ADDRESS_ERROR, code="invalid")
        return address


class SignUpForm(forms.Form):
    address = AddressField()
    first_name = forms.CharField(
        label=_("First name (optional)"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name (optional)"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    language = forms.ChoiceField(
        label=_("Language of my messages"),
        # Each language by its own name, so a reader finds theirs whatever the page's language.
        choices=settings.LANGUAGES,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my e-mail address or phone number and my name are stored for my "
            "account, as the privacy notice says."
        ),
        error_messages={"required": _("Agree to the storing of your details to sign up.")},
    )


class AskCodeForm(forms.Form):
    address = AddressField()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=12,
        help_text=_("The six digits in the message we sent you."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}
        ),
    )

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"].replace(" ", "")
        if not (code.isdigit() and len(code) == CODE_DIGITS):
            raise forms.ValidationError(_("The code has six digits."))
        return code
