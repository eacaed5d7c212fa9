"""The `minutes` command: thin wrappers that parse options, call the library and pick a renderer.

Library errors (`MinutesError`) become one-line `click.ClickException`s: never a traceback.
"""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="minutes")
def main() -> None:
    """minutes-ai: Chinese meeting notes, chat logs and transcripts → minutes and a task table."""


from . import audio as _audio  # noqa: E402,F401
from . import evaluate as _evaluate  # noqa: E402,F401  (registers commands)
from . import extract as _extract  # noqa: E402,F401
from . import schema as _schema  # noqa: E402,F401
from . import track as _track  # noqa: E402,F401
from . import review as _review  # noqa: E402,F401
from . import train as _train  # noqa: E402,F401

__all__ = ["main"]
