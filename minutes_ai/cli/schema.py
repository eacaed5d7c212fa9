"""`minutes schema`: the JSON Schema of the minutes contract."""

from __future__ import annotations

import json

import click

from . import main
from .options import emit


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write to this file.")
def schema(output: str | None) -> None:
    """Print the JSON Schema of `minutes extract --format json` output.

    \b
    Example:
        minutes schema -o minutes.schema.json
    """
    from ..models import Minutes

    emit(json.dumps(Minutes.model_json_schema(), ensure_ascii=False, indent=2) + "\n", output)
