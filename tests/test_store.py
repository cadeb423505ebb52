"""The corpus store: derived columns, idempotent batches, replacement, schema versions, and
clear errors on bad database files — all on hand-built records (no spaCy)."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Literal

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph import Failure, Origin, Span, StoreError, article_to_json
from newsgraph.store import Store, _store
from newsgraph.store._columns import record_children, record_columns
from newsgraph.store._tables import TABLES, Table
from store_helpers import china_articles, make_article


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "corpus.duckdb"


def _counts(path: Path) -> dict[str, int]:
    with Store.open(path, read_only=True) as store:
        counts = store.counts()
    counts.pop("runs")
    return counts


# --- columns derived from the record classes --------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class _Inner:
    code: str
    weight: float | None


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class _Sample:
    span: Span
    maybe: Span | None
    kind: Literal["a", "b"]
    count: int
    flag: bool
    names: tuple[str, ...]
    spans: tuple[Span, ...]
    inner: _Inner | None
    extra: dict[str, float] | None


def test_columns_follow_the_fields_of_a_record_class():
    columns = [(column.name, column.sql_type) for column in record_columns(_Sample)]

    assert columns == [
        ("span_start", "BIGINT"),
        ("span_end", "BIGINT"),
        ("maybe_start", "BIGINT"),
        ("maybe_end", "BIGINT"),
        ("kind", "VARCHAR"),
        ("count", "BIGINT"),
        ("flag", "BOOLEAN"),
        ("names", "VARCHAR[]"),
        ("spans", "JSON"),
        ("inner_code", "VARCHAR"),
        ("inner_weight", "DOUBLE"),
        ("extra", "JSON"),
    ]


def test_column_getters_read_values_and_nulls():
    sample = _Sample(
        span=Span(1, 4),
        maybe=None,
        kind="b",
        count=3,
        flag=True,
        names=("x", "y"),
        spans=(Span(0, 1),),
        inner=None,
        extra={"compound": 0.5},
    )

    values = {column.name: column.getter(sample) for column in record_columns(_Sample)}

    assert values["span_start"] == 1
    assert values["maybe_end"] is None
    assert values["names"] == ["x", "y"]
    assert json.loads(values["spans"]) == [[0, 1]]
    assert values["inner_code"] is None
    assert json.loads(values["extra"]) == {"compound": 0.5}


def test_every_list_of_records_of_an_article_is_a_table():
    children = record_children(newsgraph.Article)

    assert set(children) == {
        "removed",
        "entities",
        "quotes",
        "events",
        "amounts",
        "dates",
        "places",
    }
    assert set(children) <= set(TABLES)


def test_a_new_record_field_becomes_a_column_when_the_store_is_reopened(db, monkeypatch):
    Store.open(db).close()
    quotes = TABLES["quotes"]
    monkeypatch.setitem(
        TABLES, "quotes", Table("quotes", (*quotes.columns, ("confidence", "DOUBLE")))
    )

    with Store.open(db) as store:
        assert store.has_column("quotes", "confidence")


# --- writing ------------------------------------------------------------------------------------


def test_writing_stores_every_record_kind(db):
    with Store.open(db) as store:
        result = store.write(china_articles())
        counts = store.counts()

    assert result.articles_added == 2
    assert counts["articles"] == 2
    assert counts["entities"] == 6
    assert counts["mentions"] == 7
    assert counts["quotes"] == 2
    assert counts["events"] == 3


def test_writing_the_same_batch_twice_adds_no_rows(db):
    articles = china_articles()
    failure = Failure(
        origin=Origin(path="bad.jsonl", format="jsonl", record=3),
        stage="ingest",
        error="MalformedRecordError",
        reason="invalid JSON",
    )
    with Store.open(db) as store:
        store.write([*articles, failure], doc_keys=["k1", "k2", "k3"])
    first = _counts(db)

    with Store.open(db) as store:
        again = store.write([*articles, failure], doc_keys=["k1", "k2", "k3"])
    assert again.articles_added == again.failures_added == again.documents_added == 0
    assert again.articles_present == 2
    assert _counts(db) == first


class _InterruptedCommit:
    """A connection whose commit is cut by Ctrl-C, as DuckDB reports it mid-statement."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self._connection = connection

    def commit(self) -> None:
        raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")

    def __getattr__(self, name: str) -> object:
        return getattr(self._connection, name)


def test_ctrl_c_inside_duckdb_is_an_interruption_not_a_storage_error_and_stores_nothing(db):
    [first, second] = china_articles()
    with Store.open(db) as store:
        store.write([first], doc_keys=["k1"])
    before = _counts(db)

    with Store.open(db) as store:
        store._con = _InterruptedCommit(store._con)  # type: ignore[assignment]
        with pytest.raises(KeyboardInterrupt):
            store.write([second], doc_keys=["k2"])
        store._con = store._con._connection

    assert _counts(db) == before


def test_the_same_article_twice_in_one_batch_is_stored_once(db):
    article = china_articles()[0]
    with Store.open(db) as store:
        store.write([article, article])

    assert _counts(db)["articles"] == 1
    assert _counts(db)["events"] == 2


def test_an_article_made_by_other_extractors_replaces_the_stored_one(db):
    old = china_articles()[0]
    new = dataclasses.replace(
        old,
        events=old.events[:1],
        provenance=dataclasses.replace(old.provenance, model="newer-model"),
    )
    with Store.open(db) as store:
        store.write([old])
        result = store.write([new])
        models = store.query("SELECT provenance_model FROM articles").column(0).to_pylist()

    assert result.articles_replaced == 1
    assert models == ["newer-model"]
    assert _counts(db)["events"] == 1


def test_documents_already_stored_are_known(db):
    with Store.open(db) as store:
        store.write(china_articles(), doc_keys=["a", "b"])
        assert store.known_documents(["a", "c", "b"]) == {"a", "b"}


def test_the_full_record_json_is_kept(db):
    article = china_articles()[0]
    with Store.open(db) as store:
        store.write([article])
        [record] = store.query("SELECT record FROM articles").column(0).to_pylist()

    assert json.loads(record) == article_to_json(article)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(min_size=1, max_size=300),
    title=st.one_of(st.none(), st.text(max_size=80)),
    published=st.one_of(st.none(), st.dates().map(str), st.text(max_size=12)),
)
def test_store_round_trip_keeps_any_text(tmp_path_factory, text, title, published):
    path = tmp_path_factory.mktemp("rt") / "c.duckdb"
    article = make_article(text, url="https://example.com/x", published=published, title=title)
    with Store.open(path) as store:
        store.write([article])
        [(stored_text, stored_title, record)] = store.connection.execute(
            "SELECT text, title, record FROM articles"
        ).fetchall()

    assert (stored_text, stored_title) == (text, title)
    assert json.loads(record) == article_to_json(article)


# --- bad database files --------------------------------------------------------------------------


def test_a_database_from_a_newer_schema_is_refused_and_left_alone(db):
    with Store.open(db) as store:
        store.write(china_articles())
    with duckdb.connect(str(db)) as connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")

    with pytest.raises(StoreError, match="newer newsgraph"):
        Store.open(db)
    with duckdb.connect(str(db), read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone() == (2,)


def test_an_older_schema_is_migrated_step_by_step(db, monkeypatch):
    Store.open(db).close()
    steps: list[int] = []

    def to_two(connection: duckdb.DuckDBPyConnection) -> None:
        steps.append(1)
        connection.execute("CREATE TABLE migrated_marker (x INTEGER)")

    monkeypatch.setattr(_store, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(_store.MIGRATIONS, 1, to_two)

    with Store.open(db) as store:
        assert store.schema_version() == 2
    with Store.open(db) as store:
        assert store.schema_version() == 2
    assert steps == [1]


def test_an_older_schema_is_not_migrated_by_a_reader(db, monkeypatch):
    Store.open(db).close()
    monkeypatch.setattr(_store, "SCHEMA_VERSION", 2)

    with pytest.raises(StoreError, match="needs upgrading"):
        Store.open(db, read_only=True)


@pytest.mark.parametrize(
    "content",
    [b"this is not a database\n" * 100, os.urandom(8192), b"DUCK" + bytes(4092)],
    ids=["text", "random", "fake-header"],
)
def test_a_file_that_is_not_a_database_gives_a_store_error(db, content):
    db.write_bytes(content)

    with pytest.raises(StoreError, match=str(db.name)):
        Store.open(db)
    assert db.read_bytes() == content


def test_a_damaged_database_gives_a_store_error(db):
    with Store.open(db) as store:
        store.write(china_articles())
    data = bytearray(db.read_bytes())
    # Overwrite the storage blocks after the headers (the first 12 KB) with garbage.
    data[12288:] = os.urandom(len(data) - 12288)
    db.write_bytes(bytes(data))

    with pytest.raises(StoreError), Store.open(db) as store:
        store.query("SELECT * FROM articles")
        store.query("SELECT * FROM quotes")


def test_a_duckdb_file_of_another_application_is_refused(db):
    with duckdb.connect(str(db)) as connection:
        connection.execute("CREATE TABLE orders (id INTEGER)")

    with pytest.raises(StoreError, match="not a newsgraph corpus"):
        Store.open(db)


def test_a_database_in_use_by_another_process_gives_a_store_error(db):
    child = (
        "import sys; from newsgraph.store import Store; from newsgraph import StoreError\n"
        "try:\n    Store.open(sys.argv[1])\nexcept StoreError as error:\n"
        "    print(error); sys.exit(3)\n"
    )
    with Store.open(db):
        result = subprocess.run(
            [sys.executable, "-c", child, str(db)], capture_output=True, text=True, timeout=60
        )

    assert result.returncode == 3, result.stderr
    assert "in use by another process" in result.stdout


def test_reading_a_missing_database_says_to_ingest_first(db):
    with pytest.raises(StoreError, match="newsgraph ingest"):
        Store.open(db, read_only=True)


def test_a_folder_that_cannot_be_made_gives_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")

    with pytest.raises(StoreError, match="cannot create"):
        Store.open(blocker / "sub" / "corpus.duckdb")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_gives_a_store_error(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(StoreError):
            Store.open(folder / "corpus.duckdb")
    finally:
        folder.chmod(0o755)


def test_writing_to_a_read_only_store_gives_a_store_error(db):
    Store.open(db).close()
    with Store.open(db, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.write(china_articles())


# A child process that may write at most FILE_LIMIT bytes per file (RLIMIT_FSIZE): past it
# every write fails with EFBIG, which is what a full disk looks like to DuckDB.
_DISK_FULL_CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    sys.path.insert(0, {tests!r})
    from store_helpers import make_article
    from newsgraph import StoreError
    from newsgraph.store import Store

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = {limit}
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    big = [
        make_article("word " * 40000 + str(i), url=f"https://example.com/big/{{i}}",
                     published=None)
        for i in range(40)
    ]
    try:
        with Store.open({db!r}) as store:
            store.write(big)
    except StoreError as error:
        print("STORE ERROR:", error)
        sys.exit(3)
    print("no error")
    """
)


def test_a_full_disk_gives_a_store_error_and_keeps_what_was_stored(db):
    with Store.open(db) as store:
        store.write(china_articles())
    before = _counts(db)
    size = db.stat().st_size
    child = _DISK_FULL_CHILD.format(
        tests=str(Path(__file__).parent), limit=size + 600_000, db=str(db)
    )

    result = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 3, result.stdout + result.stderr
    assert "disk is full" in result.stdout or "File too large" in result.stdout
    assert _counts(db) == before
    with Store.open(db) as store:  # and the store still takes new batches
        store.write([make_article("Later text.", url="https://example.com/l", published=None)])
    assert _counts(db)["articles"] == before["articles"] + 1
