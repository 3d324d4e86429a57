"""A search imports only what it uses: a piped search loads no chart, no
counting, no rich, no writer, and of Whoosh nothing that reading an index
does not need (the start-up is most of a search's time on a small archive)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]

# What `newsgrep search Q | cat` must not import: each was measured on a
# search's start (issue 23) or belongs to another command.
FORBIDDEN = (
    "rich",  # people at a terminal only
    "newsgrep.output.charts",  # --by
    "newsgrep.output.render",  # rich's printing
    "newsgrep.engine.whoosh.facets",  # --by
    "newsgrep.engine.whoosh.columns",  # stats and --by
    "newsgrep.engine.whoosh.stats",
    "newsgrep.engine.whoosh.lookup",  # show
    "newsgrep.engine.whoosh.similar",
    "newsgrep.engine.whoosh.writer",  # indexing
    "newsgrep.engine.whoosh.merge",
    "newsgrep.engine.whoosh.segment",
    # The manifest (sqlite3) and the writer lock; a search reads only who
    # holds the lock (engine/local/holder.py), to say an indexer is writing.
    "newsgrep.engine.local.manifest",
    "newsgrep.engine.local.lock",
    "newsgrep.indexing",
    "newsgrep.extract.article",
    "newsgrep.browse",
    "whoosh.writing",
    "whoosh.lang.morph_en",  # Variations only: a stand-in (engine/whoosh/imports.py)
    "sqlite3",
    "asyncio",
    "urllib.request",
    "opensearchpy",
    "textual",
)

# Runs newsgrep as `python -m newsgrep` does and writes the modules loaded at
# exit (those really imported: a stand-in of engine/whoosh/imports.py has no spec).
_PROBE = """
import atexit, json, runpy, sys
out = sys.argv.pop(1)
def record():
    real = sorted(name for name, m in sys.modules.items() if getattr(m, "__spec__", None))
    open(out, "w").write(json.dumps(real))
atexit.register(record)
sys.argv[0] = "newsgrep"
runpy.run_module("newsgrep", run_name="__main__", alter_sys=True)
"""


def modules_after(tmp_path: Path, *args: str) -> set[str]:
    """The modules a newsgrep process had loaded when it ended, its output a pipe."""
    record = tmp_path / "modules.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("FORCE_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(record), *args],
        capture_output=True,  # stdout a pipe, as in `newsgrep search Q | cat`
        env=env,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr.decode()
    return set(json.loads(record.read_text()))


def loaded(modules: set[str], name: str) -> bool:
    return name in modules or any(m.startswith(name + ".") for m in modules)


@pytest.mark.parametrize(
    ("args", "uses"),
    [
        # A search reads the people's names table kept with the index (state.py).
        (("search", "nato", "-n", "3"), ("newsgrep.engine.whoosh.state",)),
        # -l reads each match's path from its column (engine/whoosh/columns.py).
        (("search", "putin", "-l"), ("newsgrep.engine.whoosh.columns",)),
        (("search", "nato", "--json"), ("newsgrep.engine.whoosh.state",)),
    ],
)
def test_a_piped_search_imports_only_what_it_uses(corpus_index, tmp_path, args, uses):
    modules = modules_after(tmp_path, *args, "--index", str(corpus_index))
    assert "whoosh.searching" in modules  # the probe saw a real search
    assert all(name in modules for name in uses)
    forbidden = [name for name in FORBIDDEN if name not in uses]
    assert sorted(name for name in forbidden if loaded(modules, name)) == []


def test_counting_and_show_import_their_own_modules_only(corpus_index, tmp_path):
    by = modules_after(tmp_path, "search", "*", "--by", "month", "--index", str(corpus_index))
    assert "newsgrep.engine.whoosh.facets" in by
    assert "newsgrep.output.tables" in by
    assert not loaded(by, "rich") and "newsgrep.output.charts" not in by  # a table for a pipe
    story = next(Path(ROOT / "corpus").iterdir())
    show = modules_after(tmp_path, "show", str(story), "--index", str(corpus_index))
    assert "newsgrep.engine.whoosh.lookup" in show
    assert not loaded(show, "rich") and not loaded(show, "newsgrep.engine.whoosh.writer")


def test_the_word_forms_stand_in_gives_the_real_ones():
    code = (
        "from newsgrep.engine.whoosh.imports import prepare; prepare();"
        "from whoosh.query import Variations; import sys;"
        "assert 'whoosh.lang.morph_en' in sys.modules;"
        "from whoosh.query.terms import variations;"
        "print(sorted(variations('running')))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    stand_in = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env)
    real = subprocess.run(
        [
            sys.executable,
            "-c",
            "from whoosh.lang.morph_en import variations; print(sorted(variations('running')))",
        ],
        capture_output=True,
        env=env,
    )
    assert stand_in.returncode == 0, stand_in.stderr.decode()
    assert stand_in.stdout == real.stdout and b"runs" in real.stdout


def test_version_is_the_package_version_without_its_metadata():
    import tomllib

    import newsgrep

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "newsgrep", "--version"], capture_output=True, env=env, text=True
    )
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"newsgrep, version {declared}\n"
    assert newsgrep.__version__ == declared
