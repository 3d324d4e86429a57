"""Reaching an OpenSearch cluster: the index's address, credentials, the client.

``--index http://HOST:PORT/NAME`` (or ``https://``) names the index NAME on a
cluster. Several nodes may be named, ``http://node1:9200,node2:9200/news``:
the client spreads requests over them and, when one dies, retries on the
others, so that a search survives a node being killed. With
``$NEWSGREP_INDEX_SNIFF`` set the client also asks the cluster for its other
nodes (off by default: behind a proxy or in containers the addresses nodes
publish are often unreachable).

Credentials come from ``$NEWSGREP_INDEX_USER`` and
``$NEWSGREP_INDEX_PASSWORD`` only, read when connecting; the address never
holds them, so no repr, log line or error message can show them. TLS
certificates are verified, and credentials are sent over https:// only,
unless the address says ``insecure`` (``--insecure`` or
``$NEWSGREP_INDEX_INSECURE``). A failed request is named by what the nodes
say when asked one by one (faults.py): unreachable, no elected cluster
manager, a red index.

opensearch-py is imported by :func:`connect` only: a search of a Whoosh
folder never pays for it.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

from newsgrep.engine.opensearch.faults import PROBE_TIMEOUT, diagnosis
from newsgrep.errors import ClusterUnreachable, IndexMissing, IndexProblem

if TYPE_CHECKING:
    from opensearchpy import OpenSearch

ENV_USER = "NEWSGREP_INDEX_USER"
ENV_PASSWORD = "NEWSGREP_INDEX_PASSWORD"
ENV_SNIFF = "NEWSGREP_INDEX_SNIFF"
# --insecure for every command: certificates unchecked, credentials over http://.
ENV_INSECURE = "NEWSGREP_INDEX_INSECURE"
URL_SCHEMES = ("http", "https")
# Seconds a request may take; a bulk write of a full batch gets longer.
TIMEOUT = 30.0
BULK_TIMEOUT = 120.0
# opensearch-py's 0.1 s is too short for a busy cluster to list its nodes.
SNIFF_TIMEOUT = 5.0
# Retried at once on another node by the client: a node gone or overloaded.
RETRY_STATUSES = (429, 502, 503, 504)
# Answered when a node cannot serve the request: no cluster manager, a red
# index, or plain overload; faults.py asks the nodes which.
UNAVAILABLE = 503
RETRIES = 3
# Writes are retried with backoff on top of that (see with_backoff): a bulk
# refused with 429 needs the cluster to catch up, not another node at once.
WRITE_ATTEMPTS = 6
FIRST_BACKOFF = 0.5
MAX_BACKOFF = 30.0
# What OpenSearch refuses in an index name.
_BAD_NAME = re.compile(r'[\\/*?"<>| ,#:A-Z]')

T = TypeVar("T")


def is_cluster_url(location: object) -> bool:
    """True for ``http://…`` and ``https://…``; anything else is a folder."""
    if not isinstance(location, str):
        return False
    scheme, sep, _ = location.partition("://")
    return bool(sep) and scheme.lower() in URL_SCHEMES


@dataclass(frozen=True)
class ClusterAddress:
    """An index on a cluster: where the nodes are and the index's name."""

    scheme: str
    hosts: tuple[tuple[str, int], ...]
    name: str
    prefix: str = ""  # a path in front of the API, as a reverse proxy may add
    insecure: bool = False

    @property
    def base(self) -> str:
        """The cluster's URL, for messages."""
        nodes = ",".join(f"{host}:{port}" for host, port in self.hosts)
        return f"{self.scheme}://{nodes}{self.prefix}"

    def companion(self, role: str) -> str:
        """The name of an index newsgrep keeps beside this one (``files``, ``state``)."""
        return f"{self.name}-newsgrep-{role}"

    def __str__(self) -> str:
        return f"{self.base}/{self.name}"


def parse_cluster_url(url: str, insecure: bool = False) -> ClusterAddress:
    """``http(s)://HOST[:PORT][,HOST[:PORT]…][/PREFIX]/NAME`` as an address.

    Credentials in the URL are refused (they would end up in shell history
    and in messages); the message names the URL without them.
    """
    scheme, _, rest = url.partition("://")
    authority, _, path = rest.partition("/")
    if "@" in authority:
        shown = f"{scheme}://{authority.rpartition('@')[2]}/{path}"
        raise IndexProblem(
            f"put the cluster's credentials in ${ENV_USER} and ${ENV_PASSWORD}, "
            f"not in the URL ({shown})"
        )
    scheme = scheme.lower()
    hosts = tuple(_host(part, scheme, url) for part in authority.split(",") if part)
    segments = [s for s in path.split("/") if s]
    if not hosts or not segments:
        raise IndexProblem(f"expected http://HOST:PORT/NAME for an index on a cluster, got {url}")
    name = segments[-1]
    if _BAD_NAME.search(name) or name.startswith(("-", "_", "+", ".")) or len(name) > 200:
        raise IndexProblem(
            f"{name!r} cannot name an OpenSearch index "
            "(lowercase letters, digits, '-' and '_'; not first '-', '_' or '.')"
        )
    prefix = "".join(f"/{s}" for s in segments[:-1])
    return ClusterAddress(scheme, hosts, name, prefix, insecure)


def _host(part: str, scheme: str, url: str) -> tuple[str, int]:
    # Imported here: a search of a folder parses no URL.
    from urllib.parse import urlsplit

    try:
        parsed = urlsplit(f"{scheme}://{part}")
        port = parsed.port
    except ValueError:
        raise IndexProblem(f"bad host or port {part!r} in {url}") from None
    if not parsed.hostname:
        raise IndexProblem(f"no host in {url}")
    return parsed.hostname, port or (443 if scheme == "https" else 80)


def client_options(address: ClusterAddress, env: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """The keyword arguments of the opensearch-py client for ``address``."""
    hosts = [
        {"host": host, "port": port, "url_prefix": address.prefix} for host, port in address.hosts
    ]
    sniff = bool(env.get(ENV_SNIFF))
    options: dict[str, Any] = {
        "hosts": hosts,
        "use_ssl": address.scheme == "https",
        "verify_certs": not address.insecure,
        # newsgrep prints its own one-line warning for --insecure.
        "ssl_show_warn": False,
        "timeout": TIMEOUT,
        "max_retries": RETRIES,
        "retry_on_status": RETRY_STATUSES,
        "retry_on_timeout": True,
        "sniff_on_start": sniff,
        "sniff_on_connection_fail": sniff,
        "sniff_timeout": SNIFF_TIMEOUT,
    }
    user = env.get(ENV_USER)
    if user:
        options["http_auth"] = (user, env.get(ENV_PASSWORD, ""))
    return options


def connect(address: ClusterAddress, env: Mapping[str, str] = os.environ) -> OpenSearch:
    """A client for the cluster (no request made yet); credentials are not
    sent over plain http:// unless the address says ``insecure``."""
    if address.scheme == "http" and env.get(ENV_USER) and not address.insecure:
        raise IndexProblem(
            f"will not send ${ENV_USER}'s password in clear text to {address.base}: "
            f"use https://, or --insecure (${ENV_INSECURE}=1) on a network you trust"
        )
    # Imported here: opensearch-py and urllib3 cost a search of a folder
    # about 100 ms it has no use for.
    import urllib3
    from opensearchpy import OpenSearch

    if address.insecure:
        urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    with cluster_errors(address):
        return OpenSearch(**client_options(address))


@contextmanager
def cluster_errors(address: ClusterAddress) -> Iterator[None]:
    """The client's exceptions as newsgrep's one-line errors (exit 2)."""
    from opensearchpy import exceptions as os_errors

    try:
        yield
    except os_errors.SSLError as err:
        if "certificate" in str(err).lower():
            raise ClusterUnreachable(
                f"cannot verify the TLS certificate of {address.base} "
                "(--insecure skips the check: only for a cluster you trust)"
            ) from None
        raise ClusterUnreachable(
            f"no TLS connection to {address.base}: does the cluster speak https? (else http://)"
        ) from None
    except os_errors.ConnectionTimeout:
        raise ClusterUnreachable(
            _named_fault(address)
            or f"the OpenSearch cluster at {address.base} did not answer in time"
        ) from None
    except os_errors.ConnectionError as err:
        raise ClusterUnreachable(
            _named_fault(address)
            or f"cannot reach the OpenSearch cluster at {address.base}{_reason(err)}"
        ) from None
    except os_errors.TransportError as err:
        fault = _named_fault(address) if err.status_code == UNAVAILABLE else None
        raise (ClusterUnreachable(fault) if fault else _answered(address, err)) from None
    except os_errors.ImproperlyConfigured as err:
        raise IndexProblem(_redacted(f"cannot connect to {address.base}: {err}")) from None


def _named_fault(address: ClusterAddress) -> str | None:
    """What the nodes, asked one by one, say is wrong (faults.py), if anything."""
    from opensearchpy import OpenSearch

    def node_client(host: str, port: int) -> OpenSearch:
        options = client_options(replace(address, hosts=((host, port),)))
        options |= {"timeout": PROBE_TIMEOUT, "max_retries": 0, "sniff_on_start": False}
        return OpenSearch(**options | {"sniff_on_connection_fail": False})

    fault = diagnosis(address.base, address.name, address.hosts, node_client)
    return _redacted(fault) if fault else None


def _reason(err: Exception) -> str:
    text = str(err).lower()
    for phrase, reason in (
        ("refused", "connection refused"),
        ("name or service not known", "unknown host"),
        ("nodename nor servname", "unknown host"),
        ("temporary failure in name resolution", "unknown host"),
        ("reset by peer", "connection reset"),
        ("no route to host", "no route to host"),
    ):
        if phrase in text:
            return f" ({reason})"
    return ""


def _answered(address: ClusterAddress, err: Any) -> IndexProblem:
    """An error the cluster answered with, as one line."""
    status, kind = err.status_code, str(err.error)
    if status == 401:
        has_user = bool(os.environ.get(ENV_USER))
        return ClusterUnreachable(
            f"the cluster at {address.base} "
            + ("refused the credentials in " if has_user else "needs credentials: set ")
            + f"${ENV_USER} and ${ENV_PASSWORD}"
        )
    if status == 403:
        return ClusterUnreachable(
            f"the cluster at {address.base} does not allow this request to ${ENV_USER}'s user"
        )
    if status == 404 and "index_not_found" in kind:
        return index_missing(address)
    answer = f"the cluster at {address.base} answered {status}: {_detail(err)}"
    return IndexProblem(_redacted(answer))


def index_missing(address: ClusterAddress) -> IndexMissing:
    return IndexMissing(
        f"no index {address.name} at {address.base}: name another with --index URL "
        f"or NEWSGREP_INDEX=URL, or build this one with: newsgrep index --index {address} FOLDER"
    )


def _detail(err: Any) -> str:
    """The cluster's own reason for an error, on one short line."""
    info = err.info if isinstance(err.info, dict) else {}
    error = info.get("error")
    reason = error.get("reason") if isinstance(error, dict) else None
    text = " ".join(str(reason or err.error).split())
    return text if len(text) <= 160 else text[:159] + "…"


def _redacted(text: str) -> str:
    """The text with the password blotted out, should anything ever echo it."""
    password = os.environ.get(ENV_PASSWORD)
    return text.replace(password, "***") if password else text


def retryable(err: Exception) -> bool:
    """Worth trying again after a pause: the cluster overloaded or between
    nodes. (A node that cannot be reached the client has already tried on
    every other node: waiting would only delay the one-line error.)"""
    from opensearchpy import exceptions as os_errors

    if isinstance(err, os_errors.ConnectionError):
        return False
    status = getattr(err, "status_code", None)
    return isinstance(err, os_errors.TransportError) and (
        status == 429 or (isinstance(status, int) and status >= 500)
    )


def with_backoff(
    call: Callable[[], T],
    attempts: int = WRITE_ATTEMPTS,
    first_delay: float = FIRST_BACKOFF,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """``call()``, tried again after 0.5, 1, 2, … s while it fails retryably."""
    for attempt in range(attempts - 1):
        try:
            return call()
        except Exception as err:
            if not retryable(err):
                raise
        sleep(backoff_delay(attempt, first_delay))
    return call()


def backoff_delay(attempt: int, first_delay: float = FIRST_BACKOFF) -> float:
    """Seconds to wait before try ``attempt + 2``: doubling, capped."""
    return float(min(first_delay * 2**attempt, MAX_BACKOFF))
