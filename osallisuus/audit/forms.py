from django import forms
from django.utils.translation import gettext_lazy as _

from osallisuus.widgets import DateInput


class AccessLogFilterForm(forms.Form):
    actor = forms.CharField(label=_("Username"), required=False, max_length=150)
    object_type = forms.CharField(label=_("Object type"), required=False, max_length=100)
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("To"), required=False, widget=DateInput())
