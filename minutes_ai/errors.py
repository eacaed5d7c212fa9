"""Library exceptions. The CLI turns each into a one-line message and a non-zero exit."""


class MinutesError(Exception):
    """Base class: something the user can fix (bad input, bad options)."""


class InputError(MinutesError):
    """The input file is missing, empty, not text, or too large."""
