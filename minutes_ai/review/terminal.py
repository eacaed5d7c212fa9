"""Where answers come from: a person at a terminal, or lines from a script.

- `KeyTerminal`, a person at a terminal: one key picks an action (a 接受, e 编辑 …, no Enter
  needed) and values are typed with prompt_toolkit — line editing that handles Chinese input
  methods and double-width characters, the current value pre-filled to edit, and completion of
  owners from the participants;
- `LineTerminal`, when standard input is not a terminal (a script, `CliRunner`): every answer is
  a line. A line may carry the following answers too, separated by spaces: "e d 下周三" is e
  (编辑), d (截止时间), then the value. Full words work as keys (接受, accept).

Why prompt_toolkit rather than click prompts or questionary: click.prompt has no completion and
its line editing breaks on double-width characters; questionary's menus need a terminal, so a
script would need a second code path anyway. prompt_toolkit is used only for typed values and
is optional: without it (or without a terminal on stdout) values are read with `input()`.
"""

from __future__ import annotations

import os
import sys
from typing import Callable, Iterable, Optional, TextIO

from rich.console import Console
from rich.text import Text

# Words accepted for a key, so a script may say "接受" or "deadline" instead of a letter.
ALIASES = {
    "a": ("接受", "确认", "accept", "y", "yes"),
    "e": ("编辑", "修改", "edit"),
    "r": ("拒绝", "删除", "reject"),
    "s": ("拆分", "split"),
    "m": ("合并", "merge"),
    "n": ("新增", "添加", "add", "new"),
    "b": ("上一条", "返回", "back"),
    "q": ("退出", "quit", "exit"),
    "?": ("帮助", "help", "h"),
    "t": ("任务名称", "任务名", "标题", "任务", "title", "name", "文本", "text"),
    "o": ("负责人", "owner"),
    "d": ("截止时间", "截止", "期限", "deadline", "date"),
    "c": ("交付标准", "标准", "验收标准", "criteria"),
}


class LineTerminal:
    """Answers read line by line from a stream: scripts, pipes and `CliRunner`.

    Each prompt and the answer read are echoed, so a log of a scripted review reads like a session.
    """

    interactive = False

    def __init__(self, stream: TextIO, console: Console):
        self.console = console
        self._stream = stream
        self._pending: Optional[str] = None

    def key(self, prompt: str, choices: dict[str, str], *, cancel: bool = False) -> Optional[str]:
        """One of `choices` (a key or one of its words); "" when `cancel` and the line is blank;
        None at the end of the input."""
        while True:
            line = self._next()
            if line is None:
                return None
            token, _, rest = line.strip().partition(" ")
            self._pending = rest.strip() or None
            self._echo(prompt, _keys(choices), token)
            if not token:
                if cancel:
                    return ""
                continue
            found = resolve_key(token, choices)
            if found is not None:
                return found
            self._pending = None
            self.error(f"不认识的回答 {token!r}：可选 {_keys(choices)}")

    def line(self, prompt: str, *, completions: Iterable[str] = (), default: str = "") -> Optional[str]:
        """A typed value ("" for a blank line); None at the end of the input."""
        value = self._next()
        if value is None:
            return None
        self._pending = None
        self._echo(prompt, "", value.strip())
        return value.strip()

    def say(self, text: str | Text, style: str = "") -> None:
        self.console.print(text, style=style, highlight=False)

    def error(self, message: str) -> None:
        self.console.print(Text(f"✗ {message}", style="red"))

    def _next(self) -> Optional[str]:
        if self._pending is not None:
            line, self._pending = self._pending, None
            return line
        line = self._stream.readline()
        return None if line == "" else line.rstrip("\r\n")

    def _echo(self, prompt: str, keys: str, answer: str) -> None:
        shown = f"{prompt} [{keys}]" if keys else prompt
        self.console.print(Text(f"{shown}: {answer}"), highlight=False)


class KeyTerminal(LineTerminal):
    """A person at a terminal: one key per action, prompt_toolkit for typed values."""

    interactive = True

    def __init__(self, console: Console, *, getchar: Callable[[], str] | None = None):
        super().__init__(sys.stdin, console)
        self._getchar = getchar or read_key

    def key(self, prompt: str, choices: dict[str, str], *, cancel: bool = False) -> Optional[str]:
        self.console.print(Text(f"{prompt} [{_keys(choices)}]: "), end="")
        while True:
            try:
                char = self._getchar()
            except EOFError:  # Ctrl-D
                self.console.print()
                return None
            except KeyboardInterrupt:  # Ctrl-C: end the prompt line before the CLI says progress is saved
                self.console.print()
                raise
            if cancel and char in ("\r", "\n", "\x1b"):
                self.console.print("取消")
                return ""
            found = resolve_key(char.lower(), choices)
            if found is not None:
                self.console.print(Text(f"{found} {choices[found]}", style="bold"))
                return found

    def line(self, prompt: str, *, completions: Iterable[str] = (), default: str = "") -> Optional[str]:
        """A typed value; Ctrl-C cancels it (""), Ctrl-D ends the review (None)."""
        try:
            return _read_value(f"{prompt}: ", list(completions), default).strip()
        except KeyboardInterrupt:
            self.console.print("取消")
            return ""
        except EOFError:
            return None


def read_key() -> str:
    """One key press, without Enter. Unlike `click.getchar`, which reads up to 32 bytes at once,
    this reads exactly one character, so keys typed ahead ("e", "d", then the value) reach the
    prompts that follow instead of being swallowed with the first. Ctrl-C → KeyboardInterrupt,
    Ctrl-D → EOFError."""
    if os.name == "nt":
        import msvcrt

        char = msvcrt.getwch()
        if char in ("\x00", "\xe0"):  # arrow and function keys come as two characters
            char += msvcrt.getwch()
    else:
        import termios
        import tty

        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
        try:
            tty.setraw(fd, termios.TCSANOW)  # TCSANOW: keep the keys typed ahead (TCSAFLUSH drops them)
            first = os.read(fd, 1)
            if not first:  # the terminal went away
                raise EOFError
            if first == b"\x1b":  # an arrow or function key sends ESC [ A …: read it whole, so Up is not "A"
                import select

                while select.select([fd], [], [], 0.03)[0]:
                    first += os.read(fd, 1)
            more = 3 if first[0] >= 0xF0 else 2 if first[0] >= 0xE0 else 1 if first[0] >= 0xC0 else 0
            char = (first + (os.read(fd, more) if more else b"")).decode("utf-8", errors="replace")
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
    if char == "\x03":
        raise KeyboardInterrupt
    if char in ("\x04", "\x1a"):
        raise EOFError
    return char


def _read_value(message: str, completions: list[str], default: str) -> str:
    if sys.stdout.isatty():
        try:
            from prompt_toolkit import prompt
            from prompt_toolkit.completion import WordCompleter
        except ImportError:  # optional: plain input() still works, without completion
            pass
        else:
            completer = WordCompleter(completions, sentence=True, match_middle=True) if completions else None
            return prompt(message, completer=completer, default=default)
    return input(message)


def make_terminal(console: Console, stdin: TextIO | None = None) -> LineTerminal:
    """A `KeyTerminal` when a person is at the keyboard, else a `LineTerminal` on standard input."""
    stream = stdin or sys.stdin
    if stream.isatty():
        return KeyTerminal(console)
    return LineTerminal(stream, console)


def resolve_key(token: str, choices: dict[str, str]) -> Optional[str]:
    """"a", "A", "接受" or "accept" → "a", when "a" is one of `choices`."""
    lowered = token.strip().lower()
    if lowered in choices:
        return lowered
    for key in choices:
        if lowered in ALIASES.get(key, ()) or token.strip() == choices[key]:
            return key
    return None


def _keys(choices: dict[str, str]) -> str:
    return "/".join(choices)
