"""The OpenSearch test cluster as the tests see it: its URL from the
environment, whether it answers, fresh index names and their clean-up.

Plain urllib on purpose: the fixtures must decide to skip, and clean up,
without the engine under test (or opensearch-py) being importable.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ENV_URL = "NEWSGREP_TEST_OPENSEARCH"
# The two engines every engine-neutral test runs on; the OpenSearch half is
# marked so that ``-m opensearch`` (or ``-m "not opensearch"``) picks it.
ENGINES = [pytest.param("whoosh"), pytest.param("opensearch", marks=pytest.mark.opensearch)]
HOW_TO_GET_ONE = "scripts/test-cluster start prints one"


def cluster_url() -> str | None:
    """The base URL of the test cluster, or None when the tests have none."""
    url = os.environ.get(ENV_URL, "").strip()
    return url.rstrip("/") or None


def why_unusable(url: str | None) -> str | None:
    """One line saying why the cluster cannot serve the tests, or None if it can."""
    if url is None:
        return f"${ENV_URL} is not set ({HOW_TO_GET_ONE})"
    try:
        health = request(url, "GET", "/_cluster/health")
    except (OSError, ValueError) as error:
        return f"no OpenSearch cluster answers at {url}: {error}"
    if health.get("status") not in ("green", "yellow"):
        return f"the OpenSearch cluster at {url} is {health.get('status')}"
    return None


@contextmanager
def location_on(engine: str, folder: Path, request, purpose: str = "test") -> Iterator[str]:
    """A fresh index location on ENGINE: ``FOLDER/index``, or
    ``URL/newsgrep-PURPOSE-<random>`` on the test cluster, deleted afterwards
    (the test is skipped when there is no cluster: see ``opensearch_url``)."""
    if engine == "whoosh":
        yield str(folder / "index")
        return
    url = request.getfixturevalue("opensearch_url")
    name = fresh_index_name(purpose)
    try:
        yield f"{url}/{name}"
    finally:
        delete_index(url, name)


def fresh_index_name(purpose: str = "test") -> str:
    """An index name no other test (or earlier run) uses."""
    return f"newsgrep-{purpose}-{uuid.uuid4().hex[:12]}"


def delete_index(url: str, name: str) -> None:
    """Delete the index NAME and every index newsgrep keeps beside it
    (``NAME-newsgrep-files`` and the like); nothing there is fine."""
    query = "?ignore_unavailable=true&allow_no_indices=true&expand_wildcards=all"
    request(url, "DELETE", f"/{name},{name}-*{query}")


def request(url: str, method: str, path: str, body: dict | None = None) -> dict:
    """One JSON request to the cluster; raises OSError when it does not answer."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        raise OSError(f"{method} {path}: HTTP {error.code} {error.read()[:200]!r}") from error
