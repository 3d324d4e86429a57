"""Did you mean: on stderr for people, never in --json, -l or -c output."""

import pytest


@pytest.fixture
def run(run_on):
    """Every test here runs on both engines (OpenSearch's skipped without a cluster)."""
    return run_on


def test_suggestion_on_stderr_for_people_never_in_json(run):
    human = run("search", "Robertsn")
    assert human.exit_code == 1
    assert human.stderr.strip() == "Did you mean: Robertson?"
    assert human.stdout.strip() == "" or "Did you mean" not in human.stdout
    for flags in (["--json"], ["-l"], ["-c"]):
        quiet = run("search", "Robertsn", *flags)
        assert "Did you mean" not in quiet.stdout + quiet.stderr
