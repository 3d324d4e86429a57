"""Flags that another makes meaningless: refused, as ripgrep refuses them,
rather than one of them silently dropped (``-l --json`` printed paths).

One table for every command: a rule applies where the command has both
options. A flag counts as given when it came from the command line or the
environment, not from its default; ``--color`` is never refused, since
shell aliases add it to every command (as grep's do).
"""

from __future__ import annotations

from typing import NamedTuple

import click
from click.core import ParameterSource


class Clash(NamedTuple):
    """``first`` given with ``second`` given (or, with ``needs``, without it)."""

    first: str
    second: str
    why: str
    needs: bool = False


_MACHINE = ("as_json", "as_csv")
CLASHES = (
    *(Clash("paths_only", form, "-l prints paths only") for form in _MACHINE),
    *(Clash("count", form, "-c prints a number only") for form in _MACHINE),
    Clash("paths_only", "count", "-l prints paths, -c a number: choose one"),
    Clash("null", "paths_only", "-0 ends the paths of -l with NUL", needs=True),
    Clash("paths_only", "limit", "-l lists every match: pipe it into head instead"),
    Clash("paths_only", "page", "-l lists every match: pipe it into tail -n +N instead"),
    Clash("count", "limit", "-c counts every match"),
    Clash("count", "page", "-c counts every match"),
    Clash("count", "sort", "a count has no order"),
    Clash("share", "by", "--share divides the counts of --by", needs=True),
    *(
        Clash("by", other, "--by counts every matching story")
        for other in ("paths_only", "count", "dedup", "limit", "page", "sort")
    ),
    Clash("dedup", "show_all", "--dedup folds copies and --all shows them: choose one"),
    *(
        Clash("show_all", other, "--all unfolds the list people read; programs get every copy")
        for other in (*_MACHINE, "paths_only", "count")
    ),
    *(
        Clash("quotes_view", other, "--quotes is a view for people")
        for other in (*_MACHINE, "paths_only", "count", "by")
    ),
    Clash("peek", "count", "-c remembers nothing anyway"),
)


def first_clash(ctx: click.Context) -> str | None:
    """The first clash among the options given, as one line; None if none."""
    for clash in CLASHES:
        if not _given(ctx, clash.first) or clash.second not in ctx.params:
            continue
        if _given(ctx, clash.second) != clash.needs:
            return f"{_flag(ctx, clash.first)} {_with(ctx, clash)}: {clash.why}"
    return None


def _with(ctx: click.Context, clash: Clash) -> str:
    return f"{'without' if clash.needs else 'with'} {_flag(ctx, clash.second)}"


def _given(ctx: click.Context, name: str) -> bool:
    source = ctx.get_parameter_source(name)
    return (
        name in ctx.params
        and source in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)
        and ctx.params[name] not in (False, None, ())
    )


def _flag(ctx: click.Context, name: str) -> str:
    """The option as typed in help: its short form if it has one."""
    for param in ctx.command.params:
        if param.name == name and isinstance(param, click.Option):
            short = [o for o in param.opts if not o.startswith("--")]
            return (short or param.opts)[0]
    return name
