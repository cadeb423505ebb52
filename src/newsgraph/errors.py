"""Exceptions raised by newsgraph.

Every exception derives from :class:`NewsgraphError`, so callers can catch one type::

    NewsgraphError
    ├── InputError                 a document (or one record of a container) cannot be used
    │   ├── EmptyInputError        zero bytes, or nothing but white space
    │   ├── BinaryInputError       bytes that are not text (NUL bytes, no decodable charset)
    │   ├── InputTooLargeError     over the configured byte or character limit
    │   ├── MalformedRecordError   invalid JSON line, unreadable WARC or feed, missing fields
    │   ├── UnsupportedFormatError a file whose format newsgraph does not read
    │   └── NoContentError         cleaning found no article text
    ├── ConfigError                the pipeline cannot be built (model missing, stage needs unmet)
    └── StoreError                 the corpus database cannot be opened, read or written
                                   (newer schema, corrupt file, locked, read-only, disk full)

A batch never stops on an :class:`InputError`: the runner turns it into a
:class:`newsgraph.records.Failure` and goes on. :class:`ConfigError` stops the run before the
first document, because every document would fail the same way. :class:`StoreError` stops an
ingest after the last committed batch: what was stored before stays stored.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class of every newsgraph exception."""


class InputError(NewsgraphError):
    """A document or a record that cannot be analysed; the batch goes on."""


class EmptyInputError(InputError):
    """The input holds no text at all."""


class BinaryInputError(InputError):
    """The input is binary data, or bytes in no charset that can be identified."""


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""


class MalformedRecordError(InputError):
    """A record inside a container (JSON line, WARC record, feed item) is broken."""


class UnsupportedFormatError(InputError):
    """newsgraph does not read this kind of file."""


class NoContentError(InputError):
    """Cleaning left no article text."""


class ConfigError(NewsgraphError):
    """The pipeline cannot be built as configured."""


class StoreError(NewsgraphError):
    """The corpus database cannot be opened, read or written; nothing committed is lost."""
