"""One indexer per index on a cluster: a lease in the companion index.

The lock is the document ``writer-lock`` in ``NAME-newsgrep-files``,
created with ``op_type=create`` (only one creator succeeds), carrying the
holder's host and pid and the time of its last heartbeat. The holder renews
it every HEARTBEAT_SECONDS from a thread and deletes it when done. A holder
killed with kill -9 cannot delete it, so a lease not renewed for
STALE_SECONDS is taken over by the next indexer (at once when the holder is
a dead process on the same host). Every change names the sequence number it
replaces, so two indexers taking over one stale lease cannot both win.

The clocks of the machines that index must agree to within a fraction of
STALE_SECONDS: the lease's age is the reader's clock minus the holder's.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsgrep.engine.local.holder import alive
from newsgrep.engine.opensearch.client import ClusterAddress, cluster_errors, with_backoff
from newsgrep.engine.opensearch.store import ensure_files_index, files_index
from newsgrep.errors import IndexBusy

if TYPE_CHECKING:
    from opensearchpy import OpenSearch

LOCK_ID = "writer-lock"
HEARTBEAT_SECONDS = 15.0
STALE_SECONDS = 120.0
POLL_SECONDS = 2.0


@dataclass
class Lease:
    """The lock document as this process last wrote it."""

    seq_no: int
    primary_term: int


@contextmanager
def cluster_writer_lock(
    client: OpenSearch,
    address: ClusterAddress,
    wait: bool = False,
    on_wait: Callable[[int | None], None] | None = None,
) -> Iterator[Heartbeat]:
    """Hold the index's writer lease; raise IndexBusy, or wait when asked to.
    The heartbeat says whether the lease is still this process's."""
    with cluster_errors(address):
        ensure_files_index(client, address)
        lease = _acquire(client, address, wait, on_wait)
    heartbeat = Heartbeat(client, address, lease)
    heartbeat.start()
    try:
        yield heartbeat
    finally:
        heartbeat.stop()
        if not heartbeat.lost:
            with cluster_errors(address):
                _release(client, address, heartbeat.lease)


def cluster_writer_busy(client: OpenSearch, address: ClusterAddress) -> IndexBusy | None:
    """The indexer holding a live lease on the index, or None."""
    held = with_backoff(lambda: client.get(index=files_index(address), id=LOCK_ID, ignore=404))
    if not held.get("found") or _stale(held["_source"]):
        return None
    return IndexBusy(address, held["_source"].get("pid"), held["_source"].get("host", ""))


def _acquire(
    client: OpenSearch,
    address: ClusterAddress,
    wait: bool,
    on_wait: Callable[[int | None], None] | None,
) -> Lease:
    from opensearchpy.exceptions import ConflictError

    told = False
    while True:
        try:
            answer = with_backoff(
                lambda: client.create(index=files_index(address), id=LOCK_ID, body=_holder())
            )
            return _lease(answer)
        except ConflictError:
            pass
        held = with_backoff(lambda: client.get(index=files_index(address), id=LOCK_ID, ignore=404))
        if not held.get("found"):
            continue  # released meanwhile: try again
        taken = _take_over_if_stale(client, address, held)
        if taken is not None:
            return taken
        pid, host = held["_source"].get("pid"), held["_source"].get("host", "")
        if not wait:
            raise IndexBusy(address, pid, host)
        if on_wait and not told:
            on_wait(pid)
            told = True
        time.sleep(POLL_SECONDS)


def _take_over_if_stale(
    client: OpenSearch, address: ClusterAddress, held: dict[str, Any]
) -> Lease | None:
    """Replace a stale lease with ours; None if it is alive or another took it first."""
    from opensearchpy.exceptions import ConflictError

    if not _stale(held["_source"]):
        return None
    try:
        answer = client.index(
            index=files_index(address),
            id=LOCK_ID,
            body=_holder(),
            params={"if_seq_no": held["_seq_no"], "if_primary_term": held["_primary_term"]},
        )
    except ConflictError:
        return None
    return _lease(answer)


def _stale(holder: dict[str, Any]) -> bool:
    """Not renewed for STALE_SECONDS, or its holder is a dead process here."""
    if holder.get("host") == socket.gethostname() and not alive(holder.get("pid")):
        return True
    return time.time() - float(holder.get("heartbeat", 0)) > STALE_SECONDS


def _holder() -> dict[str, Any]:
    return {
        "kind": "lock",
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "heartbeat": time.time(),
    }


def _lease(answer: dict[str, Any]) -> Lease:
    return Lease(answer["_seq_no"], answer["_primary_term"])


def _release(client: OpenSearch, address: ClusterAddress, lease: Lease) -> None:
    """Delete the lease if it is still ours (a taken-over one is not)."""
    client.delete(
        index=files_index(address),
        id=LOCK_ID,
        params={"if_seq_no": lease.seq_no, "if_primary_term": lease.primary_term},
        ignore=[404, 409],
    )


class Heartbeat(threading.Thread):
    """Renews the lease every HEARTBEAT_SECONDS until stopped.

    A renewal that fails (the cluster unreachable a while) is tried again at
    the next beat; the lease goes stale only after STALE_SECONDS of them. A
    renewal refused because the lease changed means another indexer took it
    over: ``lost`` turns true and the writer commits nothing more.
    """

    def __init__(self, client: OpenSearch, address: ClusterAddress, lease: Lease) -> None:
        super().__init__(name="newsgrep-lock-heartbeat", daemon=True)
        self._client, self._address, self.lease = client, address, lease
        self._stopping = threading.Event()
        self.lost = False

    def run(self) -> None:
        from opensearchpy.exceptions import ConflictError, OpenSearchException

        while not self._stopping.wait(HEARTBEAT_SECONDS):
            try:
                answer = self._client.index(
                    index=files_index(self._address),
                    id=LOCK_ID,
                    body=_holder(),
                    params={
                        "if_seq_no": self.lease.seq_no,
                        "if_primary_term": self.lease.primary_term,
                    },
                )
            except ConflictError:
                self.lost = True
                return
            except OpenSearchException:
                continue
            self.lease = _lease(answer)

    def stop(self) -> None:
        self._stopping.set()
        # A renewal in flight to a cluster gone silent may take a request
        # timeout; the run need not wait for it (the thread is a daemon).
        self.join(timeout=HEARTBEAT_SECONDS)
