"""Uploaded files are accepted by what their bytes are, not by their name, and within a size."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from osallisuus.uploads import UploadValidator, content_type_of, sniff

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
HTML = b"<html><script>alert(1)</script></html>"


@pytest.mark.parametrize(("name", "content"), [("a.pdf", PDF), ("b.PNG", PNG), ("c.jpg", JPEG)])
def test_a_pdf_png_or_jpeg_with_a_matching_name_is_accepted(name, content):
    UploadValidator()(SimpleUploadedFile(name, content))


def test_html_named_as_a_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        UploadValidator()(SimpleUploadedFile("receipt.pdf", HTML, content_type="application/pdf"))
    assert error.value.code == "file_type"


def test_a_pdf_named_as_an_image_is_refused():
    with pytest.raises(ValidationError):
        UploadValidator()(SimpleUploadedFile("photo.png", PDF))


def test_a_kind_the_field_does_not_allow_is_refused():
    with pytest.raises(ValidationError):
        UploadValidator(kinds={"pdf"})(SimpleUploadedFile("photo.png", PNG))


def test_a_file_over_the_size_limit_is_refused_with_the_limit_in_the_message(settings):
    settings.UPLOAD_MAX_FILE_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        UploadValidator()(SimpleUploadedFile("big.pdf", PDF + b"0" * 2048))
    assert error.value.code == "file_too_large"
    assert "KB" in error.value.messages[0]


def test_a_field_can_have_its_own_smaller_limit():
    with pytest.raises(ValidationError):
        UploadValidator(max_bytes=10)(SimpleUploadedFile("a.pdf", PDF))


def test_the_check_leaves_the_file_where_it_was_for_saving():
    upload = SimpleUploadedFile("a.pdf", PDF)
    UploadValidator()(upload)
    assert upload.read() == PDF


def test_sniffing_and_the_served_content_type_come_from_the_bytes():
    assert sniff(PNG) == "png" and sniff(HTML) is None
    assert content_type_of(io.BytesIO(JPEG)) == "image/jpeg"


def test_an_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError, match="gif"):
        UploadValidator(kinds={"gif"})


def test_validators_compare_equal_so_migrations_stay_stable():
    assert UploadValidator(kinds=["png", "pdf"]) == UploadValidator(kinds={"pdf", "png"})
