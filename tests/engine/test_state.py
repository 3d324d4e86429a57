"""The engine contract's state documents: what newsgrep keeps with an index
(saved searches), read back whole, written atomically, kept by a rebuild."""

from __future__ import annotations

import os

import pytest

import newsgrep
from newsgrep.engine import open_engine
from newsgrep.errors import IndexMissing
from tests.helpers.paths import SEED


@pytest.fixture
def engine(tmp_path):
    newsgrep.index_paths([SEED], tmp_path / "ix")
    return open_engine(tmp_path / "ix")


def test_a_key_never_written_reads_none(engine):
    assert engine.read_state("watches") is None


def test_a_document_reads_back_as_written_and_is_replaced_whole(engine):
    engine.write_state("watches", '{"a": "Путин, «NATO»"}')
    assert engine.read_state("watches") == '{"a": "Путин, «NATO»"}'
    engine.write_state("watches", "short")
    assert engine.read_state("watches") == "short"
    engine.write_state("watch-b.1", "")
    assert engine.read_state("watch-b.1") == ""


def test_writing_leaves_no_temporary_file_and_survives_a_rebuild(engine, tmp_path):
    engine.write_state("watches", "kept")
    newsgrep.index_paths([SEED], tmp_path / "ix", rebuild=True)
    assert open_engine(tmp_path / "ix").read_state("watches") == "kept"
    leftovers = [n for _, _, names in os.walk(tmp_path / "ix") for n in names if ".tmp" in n]
    assert [n for n in leftovers if "watches" in n] == []


@pytest.mark.parametrize("key", ["", "../x", "a/b", ".hidden", "a b"])
def test_a_key_that_is_no_plain_name_is_refused(engine, key):
    with pytest.raises(ValueError):
        engine.write_state(key, "x")


def test_state_is_kept_with_an_index_only(tmp_path):
    with pytest.raises(IndexMissing):
        open_engine(tmp_path / "none").write_state("watches", "x")
    with pytest.raises(IndexMissing):
        open_engine(tmp_path / "none").read_state("watches")
    assert not (tmp_path / "none").exists()
