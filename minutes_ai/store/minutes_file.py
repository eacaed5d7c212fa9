"""Read a minutes JSON file (from `minutes extract --format json`, maybe edited by hand) for saving.

A hand-edited file with a typo is refused in one line that names the field, the way pydantic
locates it: "minutes.json: tasks.0.deadline.date: Input should be a valid date".
"""

from __future__ import annotations

from pydantic import ValidationError

from ..errors import InputError
from ..models import Minutes


def read_minutes_file(path: str) -> Minutes:
    """Parse and validate the minutes JSON at `path` ("-" for stdin)."""
    from ..reader import read_notes

    text, _encoding = read_notes(path)
    name = "standard input" if path == "-" else path
    try:
        return Minutes.model_validate_json(text)
    except ValidationError as exc:
        raise InputError(f"{name}: {describe_validation_error(exc)}") from None


def describe_validation_error(exc: ValidationError) -> str:
    """The first problem as "field.path: message", and how many more there are."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    location = ".".join(str(part) for part in first["loc"])
    message = f"{location}: {first['msg']}" if location else first["msg"]
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more)"
    return message
