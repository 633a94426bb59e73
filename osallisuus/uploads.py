"""Checks for uploaded files: the real type from the first bytes, and the size.

The name and the Content-Type a browser sends are the uploader's claims; the first bytes of the
file are what a viewer will act on. Any app that accepts files (claims' receipts, workshop
materials, attachments) puts `UploadValidator` on its FileField or form field:

    attachment = models.FileField(validators=[UploadValidator(kinds={"pdf", "png", "jpeg"})])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Magic numbers: the bytes each accepted type starts with.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
}
EXTENSIONS = {"pdf": {".pdf"}, "png": {".png"}, "jpeg": {".jpg", ".jpeg"}}
CONTENT_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg"}
HEAD_BYTES = 16


def sniff(head: bytes) -> str | None:
    """The kind ('pdf', 'png', 'jpeg') the bytes start as, or None."""
    for kind, signatures in SIGNATURES.items():
        if head.startswith(signatures):
            return kind
    return None


def read_head(file: IO[bytes] | Any) -> bytes:
    """The first bytes of an uploaded file, leaving its position where it was."""
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(position)
    return head if isinstance(head, bytes) else head.encode()


@deconstructible
class UploadValidator:
    """Accept only files whose content is one of `kinds`, no larger than `max_bytes`.

    The extension must agree with the content, so a PDF is never stored as a .png. The default
    size is settings.UPLOAD_MAX_FILE_BYTES, read when the file is checked.
    """

    def __init__(self, *, kinds: Iterable[str] = ("pdf", "png", "jpeg"), max_bytes: int = 0):
        unknown = set(kinds) - set(SIGNATURES)
        if unknown:
            raise ValueError(f"No signature known for {sorted(unknown)}")
        self.kinds = tuple(sorted(kinds))
        self.max_bytes = max_bytes

    def __call__(self, file: Any) -> None:
        limit = self.max_bytes or settings.UPLOAD_MAX_FILE_BYTES
        if file.size is not None and file.size > limit:
            raise ValidationError(
                _("The file is too large. The largest allowed size is %(limit)s."),
                code="file_too_large",
                params={"limit": filesizeformat(limit)},
            )
        kind = sniff(read_head(file))
        name = (getattr(file, "name", "") or "").lower()
        if kind not in self.kinds or not name.endswith(tuple(EXTENSIONS[kind])):
            raise ValidationError(
                _("This type of file is not accepted. Accepted types: %(kinds)s."),
                code="file_type",
                params={"kinds": ", ".join(k.upper() for k in self.kinds)},
            )

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, UploadValidator)
            and self.kinds == other.kinds
            and self.max_bytes == other.max_bytes
        )

    def __hash__(self) -> int:
        return hash((self.kinds, self.max_bytes))


def content_type_of(file: Any) -> str | None:
    """The Content-Type to serve a checked file with (never the one the uploader claimed)."""
    kind = sniff(read_head(file))
    return CONTENT_TYPES[kind] if kind else None


def without_metadata(file: Any) -> Any:
    """A checked PNG or JPEG photo drawn again from its pixels alone: EXIF (the place, the time,
    the camera), XMP and comments are left behind. Returns a new file with the same name."""
    from io import BytesIO

    from django.core.files.base import ContentFile
    from PIL import Image, ImageOps

    file.seek(0)
    with Image.open(file) as image:
        kind = image.format
        upright = ImageOps.exif_transpose(image)  # keep the way it was taken, drop the tag
        if upright.mode not in ("RGB", "RGBA", "L", "LA"):
            upright = upright.convert("RGBA" if kind == "PNG" else "RGB")
        clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
    buffer = BytesIO()
    clean.save(buffer, format="PNG" if kind == "PNG" else "JPEG", quality=90)
    return ContentFile(buffer.getvalue(), name=getattr(file, "name", "photo") or "photo")
