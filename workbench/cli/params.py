"""Argument types shared by the commands: ids that fit every database, paths that are not empty."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from workbench.errors import InvalidInput


class WholeNumber(click.IntRange):
    """An integer within bounds ("'abc' is not a valid integer", not "… integer range").

    ASCII digits only: Python's int() reads "١٢" (Arabic-Indic) as 12, so `verdict ١٢
    confirmed` would change a statement the analyst never typed the id of.
    """

    name = "integer"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip().lstrip("+-").isascii():
            self.fail(f"{value!r} is not a number in ASCII digits (0-9)", param, ctx)
        return super().convert(value, param, ctx)


# Ids are INTEGER columns: 32 bits on PostgreSQL. A larger number names no row anywhere, and
# passing it on is a driver error (SQLite: "int too large", PostgreSQL: "out of range").
MAX_ID = 2**31 - 1
ROW_ID = WholeNumber(1, MAX_ID)
COUNT = WholeNumber(min=0)

Given = TypeVar("Given", str, tuple[str, ...], None)
F = TypeVar("F", bound=Callable[..., Any])


def non_empty_paths(_ctx: click.Context, param: click.Parameter, value: Given) -> Given:
    """A click callback: an empty path (an unset shell variable) is an error, never `Path("")`,
    which is the current folder and would ingest everything under it."""
    for path in (value,) if isinstance(value, str) else value or ():
        if not path.strip():
            option = param.param_type_name == "option"
            name = max(param.opts, key=len) if option else param.human_readable_name
            raise InvalidInput("empty path", where=name, hint="give a file name")
    return value


def expect_version_option(subject: str = "the statement") -> Callable[[F], F]:
    """`--expect-version N`: the version the analyst last saw, so a concurrent change by someone
    else is refused (StaleEdit, one line) instead of silently overwritten."""
    return click.option(
        "--expect-version",
        "expect_version",
        type=ROW_ID,
        default=None,
        metavar="N",
        help=f"Refuse unless {subject} is still at version N (as shown by `show`).",
    )
