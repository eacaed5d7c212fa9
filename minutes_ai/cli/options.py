"""Options shared by commands: one decorator for --format/-o, one way to write output."""

from __future__ import annotations

import functools
import pathlib

import click

from ..errors import MinutesError


def output_options(formats: list[str], default: str):
    """Add `--format` and `-o/--output` to a command."""

    def decorator(func):
        @click.option("-f", "--format", "fmt", type=click.Choice(formats), default=default, show_default=True, help="Output format.")
        @click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None, help="Write to this file (atomically) instead of standard output.")
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return func(*args, **kwargs)

        return wrapper

    return decorator


def emit(text: str, output: str | None, *, encoding: str = "utf-8") -> None:
    """Print `text`, or write it atomically to `output`."""
    if output is None:
        click.echo(text, nl=False)
        return
    from ..atomic import write_atomic

    path = pathlib.Path(output)
    if path.parent and not path.parent.exists():
        raise click.ClickException(f"output folder does not exist: {path.parent}")
    try:
        write_atomic(path, text, encoding=encoding)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror}") from exc
    click.echo(f"wrote {output}", err=True)


def library_errors(func):
    """Turn library errors into one-line CLI errors."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except MinutesError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper
