"""What goes wrong with the task store, each a one-line `MinutesError` the CLI prints as is."""

from __future__ import annotations

from ..errors import MinutesError


class StoreError(MinutesError):
    """The task store cannot do what was asked: bad file, unknown id, invalid value."""


class StoreBusyError(StoreError):
    """Another process kept the database locked for longer than the timeout."""


class UnknownTaskError(StoreError):
    """No task with that id in this store."""
