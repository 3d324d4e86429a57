"""Date options on the command line: a bad --since is named."""

import pytest


@pytest.fixture
def run(run_on):
    """Every test here runs on both engines (OpenSearch's skipped without a cluster)."""
    return run_on


def test_bad_since_is_an_error_naming_the_option(run):
    result = run("search", "*", "--since", "someday")
    assert result.exit_code == 2
    assert "--since" in result.stderr and "Traceback" not in result.output
