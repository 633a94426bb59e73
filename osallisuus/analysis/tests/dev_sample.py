"""Where the tests find the shared development sample (`shared/data/feedback-dev.jsonl`): where
ANALYSIS_DEV_SAMPLE points, else in a `shared` folder beside the checkout or beside any folder
above it (a worktree or a CI clone sits deeper than the main checkout)."""

import os
from pathlib import Path

from django.conf import settings

RELATIVE = Path("shared") / "data" / "feedback-dev.jsonl"


def dev_sample() -> Path:
    if os.environ.get("ANALYSIS_DEV_SAMPLE"):
        return Path(os.environ["ANALYSIS_DEV_SAMPLE"])
    checkout = Path(settings.BASE_DIR).resolve()
    for folder in checkout.parents:
        if (folder / RELATIVE).exists():
            return folder / RELATIVE
    return checkout.parent / RELATIVE  # missing: the tests that need it say so and fail
