"""The corpus store: one DuckDB file behind a narrow interface.

::

    with Store.open("corpus.duckdb") as store:
        run = store.begin_run(RunInfo(...))
        store.write(items, doc_keys=keys, run_id=run)   # one transaction per batch
        store.finish_run(run, "completed")

**Idempotent.** Ids are content hashes (article: URL + clean text; failure: document + stage +
reason), so writing the same article twice adds nothing. An article whose id is stored but was
made by other extractors or another model (its ``analysis_key``) is replaced, children included.

**Resumable.** Each :meth:`Store.write` is one transaction: a batch is stored whole or not at all,
whatever kills the process. ``documents`` remembers every input document already handled (by a
key over its raw body, container metadata and the analysis settings), so a restarted ingest skips
them before parsing.

**Schema.** ``meta.schema_version`` is the layout version; :data:`MIGRATIONS` upgrades older
files step by step, a newer file is refused. Columns follow the record classes
(:mod:`newsgraph.store._columns`): a new record field becomes a new column when a store is opened
for writing.

Every DuckDB error is turned into a :class:`~newsgraph.errors.StoreError` naming the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from newsgraph.errors import StoreError
from newsgraph.records import Article, Failure
from newsgraph.store import _actors, _clusters, _duplicates, _search
from newsgraph.store._tables import (
    ARTICLE_TABLES,
    CHILD_TABLES,
    TABLES,
    article_rows,
    failure_rows,
)

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
# version → function that upgrades a store of that version to version + 1, inside a transaction.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {}
# Tables a user query sees; bookkeeping (meta) and the search index are left out of counts.
DATA_TABLES = (
    "articles",
    "removed",
    "entities",
    "mentions",
    *(name for name in CHILD_TABLES if name not in ("removed", "entities")),
    "failures",
    "documents",
    "runs",
    "actors",
    "actor_entities",
    "near_duplicates",
    "corpus_events",
    "corpus_event_members",
)


# The corpus_events columns, as attributes of an EventCluster.
_CLUSTER_COLUMNS = tuple(name for name, _ in TABLES["corpus_events"].columns)


def analysis_key(article: Article) -> str:
    """What made an article's records: model and extractor names (from its provenance)."""
    provenance = article.provenance
    payload = json.dumps([provenance.model, list(provenance.extractors)] if provenance else None)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True, kw_only=True)
class RunInfo:
    """What an ingest run is made with, recorded in ``runs``."""

    newsgraph: str
    model: str | None
    extractors: tuple[str, ...]
    config: dict[str, Any] = field(default_factory=dict)
    inputs: tuple[str, ...] = ()

    def config_hash(self) -> str:
        payload = json.dumps(
            {"model": self.model, "extractors": self.extractors, "config": self.config},
            sort_keys=True,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What one :meth:`Store.write` changed."""

    articles_added: int
    articles_replaced: int
    articles_present: int
    failures_added: int
    documents_added: int


def _describe(error: BaseException) -> str:
    return " ".join(str(error).split())


class Store:
    """An open corpus database. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path, read_only: bool):
        self._con = connection
        self.path = path
        self.read_only = read_only
        self._columns: dict[str, set[str]] = {}

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (or, when writable, create) the corpus database at ``path``.

        Raises StoreError for a file that is not a DuckDB database or is damaged, a database
        that is not a newsgraph corpus, one written by a newer newsgraph, a file locked by
        another process, and a directory that cannot be written.
        """
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"{path}: no corpus database here (run `newsgraph ingest` first)")
        if not read_only:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"{path}: cannot create its folder: {error.strerror}") from None
        try:
            connection = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as error:
            raise StoreError(_open_error(path, error)) from None
        store = cls(connection, path, read_only)
        try:
            store._prepare()
        except BaseException:
            connection.close()
            raise
        return store

    def _prepare(self) -> None:
        try:
            tables = self._table_names()
            if "meta" not in tables:
                if tables:
                    raise StoreError(
                        f"{self.path}: a DuckDB database, but not a newsgraph corpus (it has"
                        f" tables {', '.join(sorted(tables)[:5])} and no meta table)"
                    )
                if self.read_only:
                    raise StoreError(f"{self.path}: an empty database, not a newsgraph corpus")
                self._initialise()
                return
            version = self.schema_version()
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: written by a newer newsgraph (corpus schema {version}); this"
                    f" version reads schema {SCHEMA_VERSION} and older. Upgrade newsgraph."
                )
            if version < SCHEMA_VERSION:
                if self.read_only:
                    raise StoreError(
                        f"{self.path}: corpus schema {version} needs upgrading to"
                        f" {SCHEMA_VERSION}; open it once for writing (e.g. `newsgraph ingest`)"
                    )
                self._migrate(version)
            if not self.read_only:
                with self._transaction("adding new record fields"):
                    self._sync_columns()
        except duckdb.Error as error:
            raise StoreError(_open_error(self.path, error)) from None

    def _table_names(self) -> set[str]:
        rows = self._con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
        return {row[0] for row in rows}

    def _initialise(self) -> None:
        with self._transaction("creating the corpus tables"):
            self._sync_columns()
            self._con.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ["schema_version", str(SCHEMA_VERSION)],
                    ["articles_generation", "0"],
                    ["actors_generation", "-1"],
                    ["duplicates_generation", "-1"],
                    ["clusters_generation", "-1"],
                ],
            )

    def _migrate(self, version: int) -> None:
        while version < SCHEMA_VERSION:
            step = MIGRATIONS.get(version)
            if step is None:
                raise StoreError(f"{self.path}: no migration from corpus schema {version}")
            with self._transaction(f"migrating schema {version} to {version + 1}"):
                step(self._con)
                self._set_meta("schema_version", str(version + 1))
            logger.info("%s: migrated corpus schema %d to %d", self.path, version, version + 1)
            version += 1

    def _sync_columns(self) -> None:
        """Create missing tables; add columns for record fields the tables do not have yet."""
        existing = self._table_names()
        for table in TABLES.values():
            if table.name not in existing:
                columns = ", ".join(f'"{name}" {sql}' for name, sql in table.columns)
                self._con.execute(f'CREATE TABLE "{table.name}" ({columns})')
                continue
            have = self._column_names(table.name)
            for name, sql in table.columns:
                if name not in have:
                    self._con.execute(f'ALTER TABLE "{table.name}" ADD COLUMN "{name}" {sql}')
                    logger.info("%s: added column %s.%s", self.path, table.name, name)
        self._columns.clear()

    def _column_names(self, table: str) -> set[str]:
        if table not in self._columns:
            rows = self._con.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = 'main' AND table_name = ?",
                [table],
            ).fetchall()
            self._columns[table] = {row[0] for row in rows}
        return self._columns[table]

    def has_table(self, table: str) -> bool:
        return bool(self._column_names(table))

    def has_column(self, table: str, column: str) -> bool:
        return column in self._column_names(table)

    # --- bookkeeping -------------------------------------------------------------------------

    def schema_version(self) -> int:
        return int(self._meta("schema_version") or 0)

    def _meta(self, key: str) -> str | None:
        row = self._con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, key: str, value: str) -> None:
        self._con.execute("DELETE FROM meta WHERE key = ?", [key])
        self._con.execute("INSERT INTO meta VALUES (?, ?)", [key, value])

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[None]:
        self._check_writable(doing)
        self._con.begin()
        try:
            yield
        except BaseException as error:
            try:
                self._con.rollback()
            except duckdb.Error:
                logger.debug("rollback failed", exc_info=True)
            if isinstance(error, duckdb.InterruptException):
                # Ctrl-C reached DuckDB mid-statement: an interruption, not a storage failure.
                raise KeyboardInterrupt from None
            if isinstance(error, duckdb.Error):
                raise StoreError(_write_error(self.path, doing, error)) from None
            raise
        try:
            self._con.commit()
        except duckdb.InterruptException:
            raise KeyboardInterrupt from None
        except duckdb.Error as error:
            raise StoreError(_write_error(self.path, doing, error)) from None

    def _check_writable(self, doing: str) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only, cannot go on {doing}")

    def begin_run(self, info: RunInfo) -> str:
        """Record the start of an ingest run; returns its id."""
        run_id = f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
        with self._transaction("recording the run"):
            self._con.execute(
                "INSERT INTO runs BY NAME SELECT ? AS run_id, ? AS newsgraph, ? AS model,"
                " ? AS extractors, ? AS config_hash, ? AS config, ? AS inputs,"
                " ? AS started_at, 'running' AS status, 0 AS documents, 0 AS articles_added,"
                " 0 AS articles_present, 0 AS failures",
                [
                    run_id,
                    info.newsgraph,
                    info.model,
                    list(info.extractors),
                    info.config_hash(),
                    json.dumps(info.config, sort_keys=True),
                    list(info.inputs),
                    _now(),
                ],
            )
        return run_id

    def finish_run(self, run_id: str, status: str) -> None:
        """Mark a run ``completed``, ``interrupted`` or ``failed``, with its end time."""
        with self._transaction("closing the run"):
            self._con.execute(
                "UPDATE runs SET status = ?, finished_at = ? WHERE run_id = ?",
                [status, _now(), run_id],
            )

    def known_documents(self, doc_keys: Sequence[str]) -> set[str]:
        """Which of these input documents are already stored (as an article or a failure)."""
        if not doc_keys:
            return set()
        keys = pa.table({"doc_key": pa.array(list(doc_keys), pa.string())})
        self._con.register("_keys", keys)
        try:
            rows = self._con.execute(
                "SELECT DISTINCT d.doc_key FROM documents d JOIN _keys k USING (doc_key)"
            ).fetchall()
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: cannot read documents: {_describe(error)}") from None
        finally:
            self._con.unregister("_keys")
        return {row[0] for row in rows}

    # --- writing -----------------------------------------------------------------------------

    def write(
        self,
        items: Sequence[Article | Failure],
        *,
        doc_keys: Sequence[str | None] | None = None,
        run_id: str | None = None,
    ) -> WriteResult:
        """Store a batch of analysed articles and failures in one transaction.

        ``doc_keys`` (parallel to ``items``) names the input document each came from, so a
        restarted ingest can skip it. Raises StoreError if the batch cannot be stored; then
        nothing of it is, and everything stored before stays.
        """
        keys = list(doc_keys) if doc_keys is not None else [None] * len(items)
        if len(keys) != len(items):
            raise ValueError("doc_keys must be parallel to items")
        articles: dict[str, Article] = {}
        for item in items:
            if isinstance(item, Article):
                articles.setdefault(item.id, item)
        stored = self._stored_keys(list(articles))
        to_write = {
            aid: art for aid, art in articles.items() if stored.get(aid) != analysis_key(art)
        }
        replaced = [aid for aid in to_write if aid in stored]
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in ARTICLE_TABLES}
        for article in to_write.values():
            for table, table_rows in article_rows(
                article, analysis_key=analysis_key(article), run_id=run_id
            ).items():
                rows[table] += table_rows
        failure_list = [
            failure_rows(item, doc_key=key, run_id=run_id)
            for item, key in zip(items, keys, strict=True)
            if isinstance(item, Failure)
        ]
        failure_list = list({row["id"]: row for row in failure_list}.values())
        known_failures = self._existing("failures", "id", [row["id"] for row in failure_list])
        failure_list = [row for row in failure_list if row["id"] not in known_failures]
        documents = self._document_rows(items, keys, run_id)
        with self._transaction("storing a batch"):
            if replaced:
                self._delete_articles(replaced)
            for table, table_rows in rows.items():
                self._insert(table, table_rows)
            self._insert("failures", failure_list)
            self._insert("documents", documents)
            if to_write:
                generation = int(self._meta("articles_generation") or 0) + 1
                self._set_meta("articles_generation", str(generation))
            if run_id is not None:
                self._con.execute(
                    "UPDATE runs SET documents = documents + ?,"
                    " articles_added = articles_added + ?, articles_present = articles_present + ?,"
                    " failures = failures + ? WHERE run_id = ?",
                    [
                        len(items),
                        len(to_write),
                        sum(isinstance(item, Article) for item in items) - len(to_write),
                        sum(isinstance(item, Failure) for item in items),
                        run_id,
                    ],
                )
        return WriteResult(
            articles_added=len(to_write) - len(replaced),
            articles_replaced=len(replaced),
            articles_present=len(articles) - len(to_write),
            failures_added=len(failure_list),
            documents_added=len(documents),
        )

    def _document_rows(
        self, items: Sequence[Article | Failure], keys: Sequence[str | None], run_id: str | None
    ) -> list[dict[str, Any]]:
        rows: dict[str, dict[str, Any]] = {}
        for item, key in zip(items, keys, strict=True):
            if key is None or key in rows:
                continue
            origin = (
                item.origin
                if isinstance(item, Failure)
                else (item.provenance.origin if item.provenance else None)
            )
            rows[key] = {
                "doc_key": key,
                "path": origin.path if origin else None,
                "record": origin.record if origin else None,
                "article_id": item.id if isinstance(item, Article) else None,
                "failure_id": (
                    failure_rows(item, doc_key=key, run_id=run_id)["id"]
                    if isinstance(item, Failure)
                    else None
                ),
                "run_id": run_id,
            }
        known = self.known_documents(list(rows))
        return [row for key, row in rows.items() if key not in known]

    def _stored_keys(self, article_ids: list[str]) -> dict[str, str]:
        if not article_ids:
            return {}
        self._con.register("_ids", pa.table({"id": pa.array(article_ids, pa.string())}))
        try:
            rows = self._con.execute(
                "SELECT a.id, a.analysis_key FROM articles a JOIN _ids USING (id)"
            ).fetchall()
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: cannot read articles: {_describe(error)}") from None
        finally:
            self._con.unregister("_ids")
        return {row[0]: row[1] for row in rows}

    def _existing(self, table: str, column: str, values: list[str]) -> set[str]:
        if not values:
            return set()
        self._con.register("_values", pa.table({"value": pa.array(values, pa.string())}))
        try:
            rows = self._con.execute(
                f'SELECT DISTINCT t."{column}" FROM "{table}" t'
                f' JOIN _values v ON t."{column}" = v.value'
            ).fetchall()
        finally:
            self._con.unregister("_values")
        return {row[0] for row in rows}

    def _delete_articles(self, article_ids: list[str]) -> None:
        self._con.register("_gone", pa.table({"id": pa.array(article_ids, pa.string())}))
        try:
            for table in ARTICLE_TABLES:
                column = "id" if table == "articles" else "article_id"
                self._con.execute(
                    f'DELETE FROM "{table}" WHERE "{column}" IN (SELECT id FROM _gone)'
                )
        finally:
            self._con.unregister("_gone")

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        batch = TABLES[table].to_arrow(rows)
        self._con.register("_batch", batch)
        try:
            self._con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM _batch')
        finally:
            self._con.unregister("_batch")

    # --- full-text index -------------------------------------------------------------------

    @property
    def search_folder(self) -> Path:
        return _search.index_path(self.path)

    def search_current(self) -> bool:
        """True when the search index covers every stored article."""
        return _search.indexed_generation(self.search_folder) == self._meta("articles_generation")

    def rebuild_search_index(self) -> bool:
        """Rebuild the search index if it is out of date; False when it cannot be (read-only)."""
        if self.search_current():
            return True
        if self.read_only:
            return False
        generation = self._meta("articles_generation") or "0"
        documents = (
            row
            for batch in self.batches("SELECT id, title, text FROM articles", 1000)
            for row in batch
        )
        try:
            count = _search.build(self.search_folder, documents, generation)
        except (OSError, ValueError) as error:
            raise StoreError(
                f"{self.search_folder}: cannot build the search index: {error}"
            ) from None
        logger.info("%s: search index built over %d articles", self.path, count)
        return True

    # --- corpus actors ------------------------------------------------------------------------

    def actors_current(self) -> bool:
        """True when the corpus actors were built from every stored article."""
        return self._meta("actors_generation") == self._meta("articles_generation")

    def rebuild_actors(self) -> int:
        """Group the article entities into corpus actors (if out of date); returns how many."""
        if self.actors_current():
            row = self._con.execute("SELECT count(*) FROM actors").fetchone()
            return int(row[0]) if row else 0
        entities = [
            _actors.entity_row(row)
            for batch in self.batches(_actors.ENTITY_SQL, 10_000)
            for row in batch
        ]
        grouped = _actors.group_actors(entities)
        with self._transaction("building the corpus actors"):
            self._con.execute("DELETE FROM actors")
            self._con.execute("DELETE FROM actor_entities")
            self._insert("actors", [_actors.actor_row(actor) for actor in grouped])
            self._insert(
                "actor_entities",
                [
                    {"actor_id": actor.actor_id, "article_id": article, "entity_id": entity}
                    for actor in grouped
                    for article, entity in actor.members
                ],
            )
            self._con.execute(
                "UPDATE actors SET outlets = o.outlets FROM ("
                " SELECT link.actor_id, count(DISTINCT a.source) AS outlets"
                " FROM actor_entities link JOIN articles a ON a.id = link.article_id"
                " GROUP BY 1) o WHERE actors.actor_id = o.actor_id"
            )
            self._con.execute(
                "UPDATE actors SET quotes = coalesce(s.quotes, 0) FROM ("
                " SELECT link.actor_id, count(q.ordinal) AS quotes FROM actor_entities link"
                " LEFT JOIN quotes q ON q.article_id = link.article_id"
                " AND q.speaker = link.entity_id GROUP BY 1) s WHERE actors.actor_id = s.actor_id"
            )
            self._set_meta("actors_generation", self._meta("articles_generation") or "0")
        return len(grouped)

    # --- near-duplicates ---------------------------------------------------------------------

    def duplicates_current(self) -> bool:
        return self._meta("duplicates_generation") == self._meta("articles_generation")

    def rebuild_duplicates(self) -> int:
        """Find near-duplicate articles again (if out of date); returns how many copies."""
        if not self.duplicates_current():
            self._backfill_signatures()
            items = [
                (article_id, published, bytes(data))
                for batch in self.batches(
                    "SELECT s.article_id, a.published_date, s.signature FROM signatures s"
                    " JOIN articles a ON a.id = s.article_id",
                    10_000,
                )
                for article_id, published, data in batch
            ]
            found = _duplicates.near_duplicates(items)
            with self._transaction("recording near-duplicates"):
                self._con.execute("DELETE FROM near_duplicates")
                self._insert(
                    "near_duplicates",
                    [
                        {
                            "article_id": item.article_id,
                            "duplicate_of": item.duplicate_of,
                            "similarity": item.similarity,
                        }
                        for item in found
                    ],
                )
                self._set_meta("duplicates_generation", self._meta("articles_generation") or "0")
        row = self._con.execute("SELECT count(*) FROM near_duplicates").fetchone()
        return int(row[0]) if row else 0

    # --- corpus events -------------------------------------------------------------------------

    def clusters_current(self) -> bool:
        return self._meta("clusters_generation") == self._meta("articles_generation")

    def rebuild_event_clusters(self) -> int:
        """Group article events into corpus events (if out of date); returns how many."""
        if not self.clusters_current():
            from newsgraph.store import _queries

            rows = [
                _clusters.EventRow(
                    article_id=row[0],
                    ordinal=int(row[1]),
                    type=row[2] or "",
                    quad_class=row[3],
                    source_key=row[4],
                    target_key=row[5],
                    source_name=row[6],
                    target_name=row[7],
                    day=row[8],
                    outlet=row[9],
                    story=row[10],
                    context=_clusters.context_words(row[11] or ""),
                )
                for batch in self.batches(_queries.event_cluster_rows_sql(self), 10_000)
                for row in batch
            ]
            clusters = _clusters.cluster_events(rows)
            with self._transaction("grouping events across articles"):
                self._con.execute("DELETE FROM corpus_events")
                self._con.execute("DELETE FROM corpus_event_members")
                self._insert(
                    "corpus_events",
                    [
                        {key: getattr(cluster, key) for key in _CLUSTER_COLUMNS}
                        for cluster in clusters
                    ],
                )
                self._insert(
                    "corpus_event_members",
                    [
                        {"event_id": cluster.event_id, "article_id": article, "ordinal": ordinal}
                        for cluster in clusters
                        for article, ordinal in cluster.members
                    ],
                )
                self._set_meta("clusters_generation", self._meta("articles_generation") or "0")
        row = self._con.execute("SELECT count(*) FROM corpus_events").fetchone()
        return int(row[0]) if row else 0

    def _backfill_signatures(self) -> None:
        """Sign articles stored before signatures existed (a database from an older release)."""
        missing = (
            "SELECT a.id, a.text FROM articles a"
            " WHERE NOT EXISTS (SELECT 1 FROM signatures s WHERE s.article_id = a.id)"
        )
        rows = []
        for batch in self.batches(missing, 1000):
            for article_id, text in batch:
                data = _duplicates.signature(text or "")
                if data is not None:
                    rows.append({"article_id": article_id, "signature": data})
        if rows:
            with self._transaction("signing older articles"):
                self._insert("signatures", rows)

    # --- reading -----------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> pa.Table:
        """Run SQL and return the result as an Arrow table (StoreError on any SQL error)."""
        try:
            return self._con.execute(sql, params).to_arrow_table()
        except duckdb.Error as error:
            raise StoreError(f"query failed: {_describe(error)}") from None

    def batches(self, sql: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
        """Rows of a query in lists of ``size``, without holding the whole result."""
        try:
            cursor = self._con.cursor()
            cursor.execute(sql)
            while rows := cursor.fetchmany(size):
                yield rows
        except duckdb.Error as error:
            raise StoreError(f"query failed: {_describe(error)}") from None

    def counts(self) -> dict[str, int]:
        """Rows per data table."""
        result: dict[str, int] = {}
        for table in DATA_TABLES:
            row = self._con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
            result[table] = int(row[0]) if row else 0
        return result

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for reading (writes must go through :meth:`write`)."""
        return self._con

    def close(self) -> None:
        try:
            self._con.close()
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: closing failed: {_describe(error)}") from None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _open_error(path: Path, error: duckdb.Error) -> str:
    message = _describe(error)
    lower = message.lower()
    if "lock" in lower:
        return f"{path}: in use by another process ({message})"
    if "permission denied" in lower or "read-only" in lower:
        return f"{path}: cannot be opened for writing: permission denied ({message})"
    if "not a valid duckdb database" in lower or "corrupt" in lower or "checksum" in lower:
        return f"{path}: not a DuckDB database, or a damaged one ({message})"
    return f"{path}: cannot open the corpus database: {message}"


def _write_error(path: Path, doing: str, error: duckdb.Error) -> str:
    message = _describe(error)
    lower = message.lower()
    if "no space" in lower or "file too large" in lower or "disk" in lower:
        reason = "the disk is full"
    elif "permission denied" in lower or "read-only" in lower:
        reason = "permission denied"
    else:
        reason = "database error"
    return (
        f"{path}: {reason} while {doing}; the batch was not stored, earlier batches are"
        f" intact ({message})"
    )
