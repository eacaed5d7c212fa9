"""Errors of the audio stage.

They subclass `MinutesError`, so the CLI prints each as one line and exits non-zero: a missing
model or an unreadable recording is something the user fixes, not a bug to show a traceback for.
"""

from __future__ import annotations

from minutes_ai.errors import MinutesError


class ModelError(MinutesError):
    """The speech model could not be found, assembled, verified, downloaded or loaded."""


class AudioError(MinutesError):
    """The recording is missing, empty, not audio, or cannot be decoded."""
