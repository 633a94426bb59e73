from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from .models import Service


class UnitSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name, code or place"), required=False, max_length=100)
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=Service.objects.order_by("name_fi"),
        required=False,
        empty_label=_("All services"),
    )


MAX_IMPORT_BYTES = 5 * 1024 * 1024


class UnitImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file (UTF-8)"), validators=[FileExtensionValidator(["csv"])]
    )

    def clean_file(self) -> UploadedFile[bytes]:
        upload: UploadedFile[bytes] = self.cleaned_data["file"]
        if (upload.size or 0) > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        head = upload.read(4096)
        upload.seek(0)
        try:
            head.decode("utf-8-sig")
        except UnicodeDecodeError:
            # A multi-byte character cut at the 4 kB boundary is fine; anything else is not.
            try:
                head[:-3].decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise forms.ValidationError(_("The file is not UTF-8 text.")) from error
        return upload
