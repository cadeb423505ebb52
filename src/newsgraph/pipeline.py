"""The runner: ingest → clean → annotate (spaCy) → extract → Article records.

Extractors declare what they fill, what spaCy annotations they need and which other record
fields they read; :class:`Pipeline` checks all of that when it is built, before the first
document, and raises :class:`ConfigError` if the chosen spaCy pipeline cannot serve them.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from spacy.tokens import Doc

from newsgraph._version import __version__
from newsgraph.clean import DEFAULT_MAX_CHARS, CleanDocument, clean_document
from newsgraph.clean import EXTRACTOR as CLEAN_EXTRACTOR
from newsgraph.errors import ConfigError, InputError
from newsgraph.extract import actors, amounts, dates, events, places, quotes, sentences
from newsgraph.extract._actor_dictionary import user_dictionary
from newsgraph.ingest import DEFAULT_MAX_BYTES
from newsgraph.nlp import (
    DEFAULT_BATCH_SIZE,
    default_model,
    load_pipeline,
    model_label,
    pipeline_assigns,
)
from newsgraph.records import Article, Failure, Provenance, RawDocument

logger = logging.getLogger(__name__)

Found = Mapping[str, tuple[Any, ...]]


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentContext:
    """What extractors may know about a document besides its text (e.g. to anchor dates)."""

    published: str | None = None
    source: str | None = None
    url: str | None = None


# Languages the extractors are written for. Others are recorded with their language and text.
SUPPORTED_LANGUAGES = frozenset({"en"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Extractor:
    """One extraction stage: ``run(doc, found, context)`` returns the records for ``fills``.

    ``found`` holds what earlier extractors produced, by field name; ``reads`` names the fields
    this one needs there, so the order can be checked when the pipeline is built. ``context``
    carries the document's metadata (publication date, outlet, URL).
    """

    name: str
    fills: str
    requires: frozenset[str]
    run: Callable[[Doc, Found, DocumentContext], tuple[Any, ...]]
    reads: frozenset[str] = frozenset()


DEFAULT_EXTRACTORS: tuple[Extractor, ...] = (
    Extractor(
        name=sentences.EXTRACTOR,
        fills="sentences",
        requires=sentences.REQUIRES,
        run=lambda doc, found, context: sentences.extract_sentences(doc),
    ),
    Extractor(
        name=actors.EXTRACTOR,
        fills="entities",
        requires=actors.REQUIRES,
        run=lambda doc, found, context: actors.extract_actors(
            doc, user_dictionary(), context.published
        ),
    ),
    Extractor(
        name=quotes.EXTRACTOR,
        fills="quotes",
        requires=quotes.REQUIRES,
        run=lambda doc, found, context: quotes.extract_quotes(doc, found["entities"]),
        reads=frozenset({"entities"}),
    ),
    Extractor(
        name=amounts.EXTRACTOR,
        fills="amounts",
        requires=amounts.REQUIRES,
        run=lambda doc, found, context: amounts.extract_amounts(doc, found["entities"]),
        reads=frozenset({"entities"}),
    ),
    Extractor(
        name=dates.EXTRACTOR,
        fills="dates",
        requires=dates.REQUIRES,
        run=lambda doc, found, context: dates.extract_dates(doc, context.published),
    ),
    Extractor(
        name=places.EXTRACTOR,
        fills="places",
        requires=places.REQUIRES,
        run=lambda doc, found, context: places.extract_places(doc, found["entities"]),
        reads=frozenset({"entities"}),
    ),
    Extractor(
        name=events.EXTRACTOR,
        fills="events",
        requires=events.REQUIRES,
        run=lambda doc, found, context: events.extract_events(
            doc,
            found["entities"],
            found["quotes"],
            dates=found["dates"],
            places=found["places"],
            published=context.published,
        ),
        reads=frozenset({"entities", "quotes", "dates", "places"}),
    ),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PipelineOptions:
    model: str = field(default_factory=default_model)
    batch_size: int = DEFAULT_BATCH_SIZE
    use_blis: bool | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS


def article_id(url: str | None, text: str) -> str:
    """Content hash of an article: the same URL and clean text always give the same id."""
    payload = json.dumps({"url": url, "text": text}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def check_extractors(
    extractors: tuple[Extractor, ...], assigns: frozenset[str], model: str
) -> None:
    """Raise ConfigError when an extractor's needs are not met by the model or earlier stages."""
    filled: set[str] = set()
    for extractor in extractors:
        missing = extractor.requires - assigns
        if missing:
            raise ConfigError(
                f"{extractor.name} needs {', '.join(sorted(missing))}, which spaCy pipeline"
                f" {model!r} does not set"
            )
        unmet = extractor.reads - filled
        if unmet:
            raise ConfigError(
                f"{extractor.name} reads {', '.join(sorted(unmet))}, which no"
                " earlier extractor fills"
            )
        if extractor.fills in filled:
            raise ConfigError(f"two extractors fill {extractor.fills!r}")
        filled.add(extractor.fills)


class Pipeline:
    """A built, checked pipeline. Build once, run on any number of documents."""

    def __init__(
        self,
        options: PipelineOptions | None = None,
        extractors: tuple[Extractor, ...] = DEFAULT_EXTRACTORS,
    ) -> None:
        self.options = options or PipelineOptions()
        self.nlp = load_pipeline(self.options.model, self.options.use_blis)
        # spaCy refuses texts over nlp.max_length; our own limit is the one users set.
        self.nlp.max_length = max(self.nlp.max_length, self.options.max_chars)
        check_extractors(extractors, pipeline_assigns(self.nlp), self.options.model)
        self.extractors = extractors
        self.model = model_label(self.nlp)
        self.extractor_names = (CLEAN_EXTRACTOR, *(e.name for e in extractors))

    def run(self, items: Iterable[RawDocument | Failure]) -> Iterator[Article | Failure]:
        """Analyse documents as they stream in; results come out in input order.

        Documents are cleaned and parsed in chunks of ``batch_size``; a document that fails at
        any stage becomes a :class:`Failure` and the others go on.
        """
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, self.options.batch_size)):
            yield from self._run_chunk(chunk)

    def _run_chunk(self, chunk: list[RawDocument | Failure]) -> Iterator[Article | Failure]:
        cleaned = [item if isinstance(item, Failure) else self._clean(item) for item in chunk]
        to_parse = [
            (position, entry)
            for position, entry in enumerate(cleaned)
            if isinstance(entry, tuple) and entry[1].language in SUPPORTED_LANGUAGES
        ]
        parsed = self._parse([entry for _, entry in to_parse])
        docs = dict(zip((position for position, _ in to_parse), parsed, strict=True))
        for position, entry in enumerate(cleaned):
            if isinstance(entry, Failure):
                yield entry
                continue
            raw, clean = entry
            if position not in docs:
                yield self._article(
                    raw,
                    clean,
                    {},
                    skipped=(
                        f"language {clean.language!r} is not analysed (supported:"
                        f" {', '.join(sorted(SUPPORTED_LANGUAGES))})"
                    ),
                )
                continue
            doc = docs[position]
            yield doc if isinstance(doc, Failure) else self._extract(raw, clean, doc)

    def _parse(self, entries: list[tuple[RawDocument, CleanDocument]]) -> list[Doc | Failure]:
        """Parse a batch with spaCy; if the batch fails, parse one by one to isolate the culprit."""
        results: list[Doc | Failure | None] = [None] * len(entries)
        batch = []
        for index, (raw, clean) in enumerate(entries):
            if len(clean.text) > self.nlp.max_length:
                results[index] = Failure(
                    origin=raw.origin,
                    stage="annotate",
                    error="InputTooLargeError",
                    reason=f"clean text of {len(clean.text):,} characters is over the spaCy"
                    f" pipeline's limit of {self.nlp.max_length:,}",
                )
            else:
                batch.append(index)
        try:
            texts = [entries[i][1].text for i in batch]
            for index, doc in zip(
                batch, self.nlp.pipe(texts, batch_size=self.options.batch_size), strict=True
            ):
                results[index] = doc
        except Exception:  # one document broke the batch: find it, keep the others
            logger.debug("batch parse failed; parsing one by one", exc_info=True)
            for index in batch:
                raw, clean = entries[index]
                try:
                    results[index] = self.nlp(clean.text)
                except Exception as error:
                    results[index] = Failure(
                        origin=raw.origin,
                        stage="annotate",
                        error=type(error).__name__,
                        reason=f"spaCy could not parse the text: {error}",
                    )
        return [result for result in results if result is not None]

    def _clean(self, raw: RawDocument) -> Failure | tuple[RawDocument, CleanDocument]:
        try:
            return raw, clean_document(raw, max_chars=self.options.max_chars)
        except InputError as error:
            return Failure(
                origin=raw.origin, stage="clean", error=type(error).__name__, reason=str(error)
            )
        except Exception as error:  # a library bug on one page must not end the batch
            logger.debug("cleaning %s failed", raw.origin.path, exc_info=True)
            return Failure(
                origin=raw.origin,
                stage="clean",
                error=type(error).__name__,
                reason=f"unexpected error while cleaning: {error}",
            )

    def extract_text(
        self, text: str, context: DocumentContext | None = None
    ) -> dict[str, tuple[Any, ...]]:
        """Parse ``text`` as it is (no cleaning) and run the extractors: their records by field.

        For evaluation on gold data whose offsets index the raw text. Raises on failure.
        """
        doc = self.nlp(text)
        context = context or DocumentContext()
        found: dict[str, tuple[Any, ...]] = {}
        for extractor in self.extractors:
            found[extractor.fills] = extractor.run(doc, found, context)
        return found

    def _extract(self, raw: RawDocument, clean: CleanDocument, doc: Doc) -> Article | Failure:
        context = DocumentContext(published=clean.published, source=clean.source, url=clean.url)
        found: dict[str, tuple[Any, ...]] = {}
        for extractor in self.extractors:
            try:
                found[extractor.fills] = extractor.run(doc, found, context)
            except Exception as error:  # recorded with its stage; the batch goes on
                logger.debug("%s failed on %s", extractor.name, raw.origin.path, exc_info=True)
                return Failure(
                    origin=raw.origin,
                    stage=extractor.name,
                    error=type(error).__name__,
                    reason=f"extractor failed: {error}",
                )
        return self._article(raw, clean, found)

    def _article(
        self, raw: RawDocument, clean: CleanDocument, found: Found, skipped: str | None = None
    ) -> Article:
        return Article(
            id=article_id(clean.url, clean.text),
            source=clean.source,
            url=clean.url,
            title=clean.title,
            authors=clean.authors,
            published=clean.published,
            language=clean.language,
            text=clean.text,
            removed=clean.removed,
            **cast(dict[str, Any], found),
            provenance=Provenance(
                origin=raw.origin,
                newsgraph=__version__,
                model=None if skipped else self.model,
                extractors=(CLEAN_EXTRACTOR,) if skipped else self.extractor_names,
                skipped=skipped,
            ),
        )
