"""Uploads in this app's tests go to a temporary folder, not the shared media folder."""

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _temporary_media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
