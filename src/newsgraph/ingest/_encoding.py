"""Bytes to text: BOM, UTF-8, declared charset, then charset-normalizer.

Never a UnicodeDecodeError: undecodable input is a BinaryInputError with a reason.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsgraph.errors import BinaryInputError, EmptyInputError

# How much of the start of a document is inspected for NUL bytes and <meta charset>.
SNIFF_BYTES = 8192
# Text decoded by a guessed charset with more control characters than this is taken as binary.
MAX_UNPRINTABLE_SHARE = 0.02

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE
)
# WHATWG encoding standard: these labels are decoded as windows-1252 by every browser.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
}


def declared_html_charset(data: bytes) -> str | None:
    """The charset named by a ``<meta charset>`` or ``http-equiv`` tag near the top, if any."""
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def _normalise_label(label: str) -> str | None:
    label = label.strip().lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text and return ``(text, encoding)``.

    Order: a byte-order mark; strict UTF-8; the ``declared`` charset (HTTP header or HTML meta);
    charset-normalizer's best guess. Raises :class:`BinaryInputError` for data that is not text and
    :class:`EmptyInputError` for nothing at all.
    """
    if not data.strip():
        raise EmptyInputError("empty input")
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    if b"\x00" in data[:SNIFF_BYTES]:
        raise BinaryInputError("binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    label = _normalise_label(declared) if declared else None
    if label and label != "utf-8":
        try:
            return data.decode(label), label
        except UnicodeDecodeError:
            pass
    best = from_bytes(data[: 1 << 20]).best()
    if best is None or best.encoding is None:
        raise BinaryInputError("bytes in no recognisable text encoding")
    text = data.decode(best.encoding, errors="replace")
    if _unprintable_share(text) > MAX_UNPRINTABLE_SHARE:
        raise BinaryInputError("binary data (mostly unprintable characters), not text")
    return text, best.encoding


def _unprintable_share(text: str) -> float:
    sample = text[:SNIFF_BYTES]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / len(sample)
