"""The notebook API: ``newsgraph.open("corpus.duckdb")`` and questions answered as DataFrames."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import pyarrow as pa

from newsgraph.store import _queries
from newsgraph.store._store import Store

FrameKind = Literal["pandas", "polars", "arrow"]


class Corpus:
    """A corpus database opened for reading. Every method returns a DataFrame.

    ``frame`` chooses the kind: ``"pandas"`` (default), ``"polars"`` or ``"arrow"``.
    """

    def __init__(self, store: Store, frame: FrameKind = "pandas") -> None:
        self.store = store
        self.frame = frame

    def _frame(self, table: pa.Table) -> Any:
        if self.frame == "arrow":
            return table
        if self.frame == "polars":
            import polars

            return polars.from_arrow(table)
        return table.to_pandas()

    def quotes(
        self,
        speaker: str | None = None,
        *,
        outlet: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        text: str | None = None,
        limit: int = _queries.DEFAULT_LIMIT,
    ) -> Any:
        """Quotes (by ``speaker``: a name, part of one, or a country), oldest first."""
        return self._frame(
            _queries.quotes(
                self.store,
                speaker=speaker,
                outlet=outlet,
                since=since,
                until=until,
                text=text,
                limit=limit,
            )
        )

    def events(
        self,
        source: str | None = None,
        target: str | None = None,
        *,
        type: str | None = None,
        quad_class: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        limit: int = _queries.DEFAULT_LIMIT,
    ) -> Any:
        """Coded events between actors (names, country codes or country names)."""
        return self._frame(
            _queries.events(
                self.store,
                source=source,
                target=target,
                event_type=type,
                quad_class=quad_class,
                since=since,
                until=until,
                limit=limit,
            )
        )

    def actors(self, top: int = 20, *, type: str | None = None) -> Any:
        """The actors covered most, with articles, outlets, mentions and quotes."""
        return self._frame(_queries.actors(self.store, top=top, entity_type=type))

    def timeline(self, actor: str, *, since: str | None = None, until: str | None = None) -> Any:
        """What an actor said and did, in date order."""
        return self._frame(_queries.timeline(self.store, actor, since=since, until=until))

    def dyad(self, source: str, target: str, *, both_directions: bool = False) -> Any:
        """Weekly event counts by quad class from ``source`` to ``target``."""
        return self._frame(
            _queries.dyad(self.store, source, target, both_directions=both_directions)
        )

    def search(self, query: str, *, limit: int = 20) -> Any:
        """Articles matching every word of ``query``, best first (BM25)."""
        return self._frame(_queries.search(self.store, query, limit=limit))

    def articles(self, *, limit: int | None = None) -> Any:
        """The articles (without their full text and record), newest first."""
        sql = (
            "SELECT id, source, url, title, authors, published, published_date, language,"
            " length(text) AS characters FROM articles"
            " ORDER BY published_date DESC NULLS LAST, id"
        )
        return self._frame(
            self.store.query(sql + (" LIMIT ?" if limit else ""), [limit] if limit else None)
        )

    def sql(self, query: str, params: list[Any] | None = None) -> Any:
        """Any SQL over the corpus tables."""
        return self._frame(self.store.query(query, params))

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_corpus(path: str | Path, *, frame: FrameKind = "pandas", read_only: bool = True) -> Corpus:
    """Open a corpus database for questions (read-only unless told otherwise)."""
    return Corpus(Store.open(path, read_only=read_only), frame)
