"""What goes wrong in a review, each a one-line `MinutesError` the CLI prints as is."""

from __future__ import annotations

from ..errors import MinutesError


class ReviewError(MinutesError):
    """An answer the review cannot apply ("'尽快' is too vague to track"), or a bad progress file."""
