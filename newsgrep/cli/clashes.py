"""Flags that another makes meaningless: refused, as ripgrep refuses them,
rather than one of them silently dropped (``-l --json`` printed paths).

One table for every command: a rule applies where the command has both
options. A flag counts as given when it came from the command line or the
environment, not from its default; ``--color`` is never refused, since
shell aliases add it to every command (as grep's do).
"""

from __future__ import annotations

import click
from click.core import ParameterSource

# (first, second, why, needs): ``first`` given with ``second`` given, or
# with ``needs``, without it. Plain tuples: a NamedTuple class was half a
# millisecond of every command's start.
Clash = tuple[str, str, str, bool]


def _clash(first: str, second: str, why: str, needs: bool = False) -> Clash:
    return first, second, why, needs


_MACHINE = ("as_json", "as_csv")
CLASHES = (
    *(_clash("paths_only", form, "-l prints paths only") for form in _MACHINE),
    *(_clash("count", form, "-c prints a number only") for form in _MACHINE),
    _clash("paths_only", "count", "-l prints paths, -c a number: choose one"),
    _clash("null", "paths_only", "-0 ends the paths of -l with NUL", needs=True),
    _clash("paths_only", "limit", "-l lists every match: pipe it into head instead"),
    _clash("paths_only", "page", "-l lists every match: pipe it into tail -n +N instead"),
    _clash("count", "limit", "-c counts every match"),
    _clash("count", "page", "-c counts every match"),
    _clash("count", "sort", "a count has no order"),
    _clash("share", "by", "--share divides the counts of --by", needs=True),
    *(
        _clash("by", other, "--by counts every matching story")
        for other in ("paths_only", "count", "dedup", "limit", "page", "sort")
    ),
    _clash("dedup", "show_all", "--dedup folds copies and --all shows them: choose one"),
    *(
        _clash("show_all", other, "--all unfolds the list people read; programs get every copy")
        for other in (*_MACHINE, "paths_only", "count")
    ),
    *(
        _clash("quotes_view", other, "--quotes is a view for people")
        for other in (*_MACHINE, "paths_only", "count", "by")
    ),
    _clash("peek", "count", "-c remembers nothing anyway"),
)


def first_clash(ctx: click.Context) -> str | None:
    """The first clash among the options given, as one line; None if none."""
    for first, second, why, needs in CLASHES:
        if not _given(ctx, first) or second not in ctx.params:
            continue
        if _given(ctx, second) != needs:
            return (
                f"{_flag(ctx, first)} {'without' if needs else 'with'} {_flag(ctx, second)}: {why}"
            )
    if _given(ctx, "page") and ctx.params.get("limit") == 0:  # a value, not a flag, clashes
        return "--page with -n 0: every hit is on the one page"
    return None


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
