"""Writing an index on a cluster: batches of ready JSON documents, made in
worker processes, sent by the one writer in bulk requests.

Each story is the document ``_id`` = its path (see store.document_id), so a
re-run overwrites what it writes again and never adds a second copy. A
commit sends the batches in bulk requests of a few megabytes (a request
refused with 429, or items of it, are sent again after a pause), makes them
searchable (refresh), then removes the stories of the files it replaces that
this writer did not write itself (every document carries the ``run`` that
wrote it), and bumps the generation. The manifest is written by the caller
after that: a crash in between leaves it behind, and the next run redoes
those files, overwriting the same ids.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from newsgrep.engine.document import story_values
from newsgrep.engine.opensearch.client import (
    BULK_TIMEOUT,
    ClusterAddress,
    backoff_delay,
    cluster_errors,
    with_backoff,
)
from newsgrep.engine.opensearch.mapping import QUOTES
from newsgrep.engine.opensearch.store import (
    INDEX_GENERATION,
    document_id,
    open_stories_index,
    read_counter,
    write_counter,
)
from newsgrep.engine.quotations import indexed_text
from newsgrep.errors import IndexingFailed
from newsgrep.model import Article

if TYPE_CHECKING:
    from opensearchpy import OpenSearch

# A batch is full at this much JSON: sent to the parent process through a
# pipe and on to the cluster in BULK_BYTES requests. Small, so that the parent
# sends one batch while the workers extract the next: with 16 MB batches a
# run of a few thousand stories extracted everything first and then waited
# for the cluster (0.36-0.47x Whoosh's stories/s, one core busy at a time).
BATCH_BYTES = 2 * 1024 * 1024
BULK_BYTES = 4 * 1024 * 1024
# Items of a bulk request refused with these statuses are sent again.
RETRY_ITEM_STATUSES = frozenset({429, 502, 503, 504})
ITEM_ATTEMPTS = 6
# Files whose stories one delete-by-query removes (OpenSearch allows 65,536 terms).
FORGET_PER_REQUEST = 10_000


def story_document(article: Article, file: str, run: str) -> dict[str, Any]:
    """The document for an article: engine/document.py's fields (lists stay
    lists, a date in ISO form), its quotations and the run that wrote it."""
    doc: dict[str, Any] = {}
    for story_field, value in story_values(article, file):
        doc[story_field.name] = _json_value(value) if story_field.kind == "date" else value
    return doc | {"run": run} | _quote_fields(article)


def _json_value(when: datetime) -> str:
    if when.tzinfo is not None:  # newsgrep's dates are naive; keep the instant
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when.isoformat()


def _quote_fields(article: Article) -> dict[str, Any]:
    """A story's quotations as they are searched (said:), counted per speaker
    (--by speaker) and shown (none without any, as on Whoosh)."""
    if not article.quotes:
        return {}
    speakers = list(dict.fromkeys(quote.speaker for quote in article.quotes if quote.speaker))
    return {
        QUOTES: [indexed_text(quote) for quote in article.quotes],
        "quotations": [{"speaker": q.speaker, "text": q.text} for q in article.quotes],
        "speaker": speakers,
    }


@dataclass
class Documents:
    """A finished batch: (id, JSON) pairs, serialised once, in the worker."""

    lines: list[tuple[str, str]] = field(default_factory=list)


class DocumentBatch:
    """Stories as ready JSON documents (see engine.base.Batch)."""

    def __init__(self, run: str, cap: int) -> None:
        self._run, self._cap = run, cap
        self._docs = Documents()
        self._bytes = 0

    def add(self, article: Article, file: str) -> None:
        text = json.dumps(story_document(article, file, self._run), ensure_ascii=False)
        self._docs.lines.append((document_id(article.path), text))
        self._bytes += len(text)

    def full(self) -> bool:
        return self._bytes >= self._cap

    def finish(self) -> object | None:
        return self._docs if self._docs.lines else None

    def cancel(self) -> None:
        self._docs = Documents()
        self._bytes = 0


@dataclass(frozen=True)
class DocumentBatchMaker:
    """Picklable: makes batches in any process, no connection needed."""

    run: str
    cap: int = BATCH_BYTES

    def __call__(self) -> DocumentBatch:
        return DocumentBatch(self.run, self.cap)


class OpenSearchWriter:
    """The index's one writer (see engine.base.IndexWriter)."""

    def __init__(
        self,
        client: OpenSearch,
        address: ClusterAddress,
        rebuild: bool = False,
        lease_kept: Callable[[], bool] = lambda: True,
    ) -> None:
        self._client, self._address = client, address
        self._lease_kept = lease_kept
        with cluster_errors(address):
            open_stories_index(client, address, rebuild)
            known = None if rebuild else read_counter(client, address, INDEX_GENERATION)
            self._generation = known or 0
            if known is None:
                write_counter(client, address, INDEX_GENERATION, 0)
            # A new (or rebuilt) index holds no story this run must remove.
            # (Refreshed first: a killed run's last bulk may be unrefreshed.)
            with_backoff(lambda: client.indices.refresh(index=address.name))
            found = with_backoff(lambda: client.count(index=address.name))
            self._nothing_before = int(found["count"]) == 0
        # Marks what this writer writes: removing a file's older stories must
        # spare the parts of it this run has already committed.
        self._run = f"{self._generation}-{uuid.uuid4().hex[:12]}"

    @property
    def generation(self) -> int:
        return self._generation

    def batch_maker(self) -> DocumentBatchMaker:
        return DocumentBatchMaker(self._run)

    def commit(self, add: Sequence[object] = (), forget_files: Sequence[str] = ()) -> None:
        if not self._lease_kept():
            raise IndexingFailed(
                f"another indexer took over the writer lock of {self._address} "
                "(this run could not renew it); run again to finish"
            )
        with cluster_errors(self._address):
            for documents in add:
                assert isinstance(documents, Documents)
                for chunk in _chunks(documents.lines, self._address.name):
                    self._send(chunk)
            if add:
                with_backoff(lambda: self._client.indices.refresh(index=self._address.name))
            if forget_files and not self._nothing_before:
                self._forget(forget_files)
            write_counter(self._client, self._address, INDEX_GENERATION, self._generation + 1)
        self._generation += 1

    def merge(self) -> int:
        # The cluster merges its segments by itself.
        return 0

    def _send(self, body: list[str]) -> None:
        """One bulk request; items refused for overload sent again after a pause."""
        for attempt in range(ITEM_ATTEMPTS):
            answer = with_backoff(
                lambda: self._client.bulk(body="".join(body), request_timeout=BULK_TIMEOUT)  # noqa: B023
            )
            if not answer.get("errors"):
                return
            body = _refused_again(body, answer["items"])
            time.sleep(backoff_delay(attempt))
        raise IndexingFailed(
            f"the cluster at {self._address.base} kept refusing {len(body) // 2} stories"
        )

    def _forget(self, files: Sequence[str]) -> None:
        """Remove the stories of ``files`` written before this writer opened."""
        for start in range(0, len(files), FORGET_PER_REQUEST):
            query = {
                "bool": {
                    "filter": [
                        {"terms": {"file": list(files[start : start + FORGET_PER_REQUEST])}}
                    ],
                    "must_not": [{"term": {"run": self._run}}],
                }
            }
            with_backoff(
                lambda: self._client.delete_by_query(
                    index=self._address.name,
                    body={"query": query},  # noqa: B023 - called at once
                    params={"conflicts": "proceed", "refresh": "true"},
                    request_timeout=BULK_TIMEOUT,
                )
            )


def _chunks(lines: list[tuple[str, str]], index: str) -> list[list[str]]:
    """Bulk request bodies (action line, document line, ...) of about BULK_BYTES."""
    chunks: list[list[str]] = [[]]
    size = 0
    for doc_id, text in lines:
        action = json.dumps({"index": {"_index": index, "_id": doc_id}}, ensure_ascii=False)
        if size >= BULK_BYTES:
            chunks.append([])
            size = 0
        chunks[-1] += [action + "\n", text + "\n"]
        size += len(action) + len(text)
    return [c for c in chunks if c]


def _refused_again(body: list[str], items: list[dict[str, Any]]) -> list[str]:
    """The action and document lines of items to send again; an item refused
    for another reason (a document the mapping rejects) fails the run."""
    again: list[str] = []
    for position, item in enumerate(items):
        result = item.get("index", {})
        status = result.get("status", 200)
        if status < 300:
            continue
        if status not in RETRY_ITEM_STATUSES:
            reason = " ".join(str((result.get("error") or {}).get("reason", "refused")).split())
            raise IndexingFailed(f"the cluster refused {result.get('_id')}: {reason[:200]}")
        again += body[2 * position : 2 * position + 2]
    return again
