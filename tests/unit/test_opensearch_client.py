"""An index on a cluster: URLs, credentials kept out of sight, errors as one line
(no cluster needed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgrep.cli.app import cli
from newsgrep.engine import index_location, open_engine
from newsgrep.engine.opensearch import client
from newsgrep.engine.opensearch.client import (
    ClusterAddress,
    client_options,
    is_cluster_url,
    parse_cluster_url,
    with_backoff,
)
from newsgrep.errors import ClusterUnreachable, IndexProblem
from tests.helpers.paths import CORPUS

PASSWORD = "s3cret-Passw0rd"


@pytest.mark.parametrize(
    ("url", "hosts", "name", "prefix"),
    [
        ("http://127.0.0.1:19200/news", (("127.0.0.1", 19200),), "news", ""),
        ("HTTPS://search.example.org/news", (("search.example.org", 443),), "news", ""),
        ("http://a:9200,b:9201/wire-2024", (("a", 9200), ("b", 9201)), "wire-2024", ""),
        ("https://proxy:8443/opensearch/news/", (("proxy", 8443),), "news", "/opensearch"),
        ("http://[::1]:9200/news", (("::1", 9200),), "news", ""),
    ],
)
def test_cluster_urls_parse(url, hosts, name, prefix):
    address = parse_cluster_url(url)
    assert (address.hosts, address.name, address.prefix) == (hosts, name, prefix)
    assert address.scheme == url.split(":")[0].lower()


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:9200/",  # no index name
        "http://localhost:9200/News",  # OpenSearch names are lowercase
        "http://localhost:9200/_all",
        "http://localhost:port/news",
        "http:///news",
    ],
)
def test_bad_cluster_urls_are_one_line_errors(url):
    with pytest.raises(IndexProblem) as caught:
        parse_cluster_url(url)
    assert "\n" not in str(caught.value)


def test_a_folder_stays_a_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSGREP_INDEX", raising=False)
    assert index_location("my-index") == tmp_path / "my-index"
    assert index_location(Path("http:")) == tmp_path / "http:"
    assert index_location() == tmp_path / "index"
    assert not is_cluster_url("ftp://host/news") and not is_cluster_url(tmp_path)


def test_the_environment_names_a_cluster(monkeypatch):
    monkeypatch.setenv("NEWSGREP_INDEX", "http://127.0.0.1:19200/news")
    address = index_location(None, insecure=True)
    assert isinstance(address, ClusterAddress) and address.insecure
    assert str(address) == "http://127.0.0.1:19200/news"
    assert type(open_engine(address)).__name__ == "OpenSearchIndex"


def test_credentials_come_from_the_environment_only(monkeypatch):
    address = parse_cluster_url("https://node:9200/news")
    env = {client.ENV_USER: "reader", client.ENV_PASSWORD: PASSWORD}
    options = client_options(address, env)
    assert options["http_auth"] == ("reader", PASSWORD)
    assert options["verify_certs"] and options["use_ssl"]
    assert "http_auth" not in client_options(address, {})
    # Nothing the address shows can carry them: they are not in it.
    assert PASSWORD not in repr(address) + str(address) + address.base


def test_credentials_in_the_url_are_refused_without_echoing_them():
    with pytest.raises(IndexProblem) as caught:
        parse_cluster_url(f"https://admin:{PASSWORD}@node:9200/news")
    assert PASSWORD not in str(caught.value)
    assert "https://node:9200/news" in str(caught.value)


def test_insecure_skips_certificate_checks_only_when_asked():
    secure = client_options(parse_cluster_url("https://node:9200/news"), {})
    insecure = client_options(parse_cluster_url("https://node:9200/news", insecure=True), {})
    assert secure["verify_certs"] is True and insecure["verify_certs"] is False


def test_the_client_retries_on_other_nodes_and_sniffs_when_asked():
    address = parse_cluster_url("http://a:9200,b:9200/news")
    options = client_options(address, {})
    assert [h["host"] for h in options["hosts"]] == ["a", "b"]
    assert 429 in options["retry_on_status"] and 503 in options["retry_on_status"]
    assert options["max_retries"] >= 1 and not options["sniff_on_connection_fail"]
    assert client_options(address, {client.ENV_SNIFF: "1"})["sniff_on_connection_fail"]


def test_an_unreachable_cluster_is_one_line_without_the_password(monkeypatch):
    monkeypatch.setenv(client.ENV_USER, "admin")
    monkeypatch.setenv(client.ENV_PASSWORD, PASSWORD)
    # Port 9 (discard) on localhost: nothing listens, the connection is refused.
    address = parse_cluster_url("http://127.0.0.1:9/news", insecure=True)
    opensearch = client.connect(address)
    with pytest.raises(ClusterUnreachable) as caught, client.cluster_errors(address):
        opensearch.info()
    message = str(caught.value)
    assert message.startswith("cannot reach the OpenSearch cluster at http://127.0.0.1:9")
    assert PASSWORD not in message + repr(opensearch) + repr(caught.value)


def test_credentials_go_over_plain_http_only_when_insecure_says_so(monkeypatch):
    monkeypatch.setenv(client.ENV_USER, "admin")
    monkeypatch.setenv(client.ENV_PASSWORD, PASSWORD)
    monkeypatch.delenv(client.ENV_INSECURE, raising=False)
    with pytest.raises(IndexProblem, match="in clear text") as caught:
        client.connect(parse_cluster_url("http://127.0.0.1:9/news"))
    assert PASSWORD not in str(caught.value)
    client.connect(parse_cluster_url("https://127.0.0.1:9/news"))
    client.connect(parse_cluster_url("http://127.0.0.1:9/news", insecure=True))
    monkeypatch.setenv(client.ENV_INSECURE, "1")
    client.connect(index_location("http://127.0.0.1:9/news"))
    monkeypatch.delenv(client.ENV_USER)
    monkeypatch.delenv(client.ENV_INSECURE)
    client.connect(parse_cluster_url("http://127.0.0.1:9/news"))  # nothing to give away


@pytest.mark.parametrize("insecure", [(), ("--insecure",)])
def test_the_command_line_refuses_credentials_over_http_in_one_line(monkeypatch, insecure):
    monkeypatch.setenv(client.ENV_USER, "admin")
    monkeypatch.setenv(client.ENV_PASSWORD, PASSWORD)
    monkeypatch.delenv(client.ENV_INSECURE, raising=False)
    args = ["search", "nato", "--index", "http://127.0.0.1:9/news", *insecure]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    refused = "in clear text to http://127.0.0.1:9" in result.stderr
    assert refused != bool(insecure), result.stderr  # --insecure: the cluster is tried
    assert PASSWORD not in result.output


def test_the_command_line_gives_one_line_and_exit_2_for_an_unreachable_cluster(monkeypatch):
    monkeypatch.setenv(client.ENV_PASSWORD, PASSWORD)
    result = CliRunner().invoke(
        cli, ["index", str(CORPUS), "--index", "http://127.0.0.1:9/news"], catch_exceptions=False
    )
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "cannot reach" in lines[0] and PASSWORD not in result.output


@pytest.mark.parametrize(("scheme", "warnings"), [("https", 1), ("http", 0)])
def test_insecure_warns_once_where_there_is_a_certificate_to_skip(scheme, warnings):
    result = CliRunner().invoke(
        cli,
        ["index", str(CORPUS), "--insecure", "--index", f"{scheme}://127.0.0.1:9/news"],
        catch_exceptions=False,
    )
    assert result.output.count("warning: --insecure") == warnings
    assert result.exit_code == 2


def test_writes_back_off_on_overload_and_give_up_on_bad_requests():
    from opensearchpy.exceptions import RequestError, TransportError

    delays: list[float] = []
    answers = iter([TransportError(429, "too_many_requests"), TransportError(503, "x"), "done"])

    def call() -> str:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert with_backoff(call, sleep=delays.append) == "done"
    assert delays == [0.5, 1.0]

    def bad_request() -> None:
        raise RequestError(400, "parsing_exception")

    with pytest.raises(RequestError):
        with_backoff(bad_request, sleep=delays.append)
    assert len(delays) == 2


def test_a_search_of_a_folder_does_not_import_the_cluster_client(corpus_index):
    code = (
        "import sys, newsgrep; newsgrep.search(sys.argv[1], 'oil'); "
        "print('opensearchpy' in sys.modules)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code, str(corpus_index)], capture_output=True, text=True, check=True
    )
    assert shown.stdout.strip() == "False"


def test_tls_failures_say_which_one():
    from opensearchpy.exceptions import SSLError

    address = parse_cluster_url("https://node:9200/news")
    for raised, expected in (
        ("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed", "certificate"),
        ("[SSL: WRONG_VERSION_NUMBER] wrong version number", "does the cluster speak https"),
    ):
        with pytest.raises(ClusterUnreachable, match=expected), client.cluster_errors(address):
            raise SSLError("N/A", raised, Exception(raised))
