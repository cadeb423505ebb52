"""The spaCy adapter: what newsgraph adds to the loaded pipeline."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "He said the deal was good for the country\nThe minister left the hall.",
            ["He said the deal was good for the country", "The minister left the hall."],
        ),
        ("Talks went on\n\nthe minister left early", ["Talks went on", "the minister left early"]),
    ],
)
def test_a_line_break_always_starts_a_sentence(pipeline, text, sentences):
    doc = pipeline.nlp(text)
    assert [s.text.strip() for s in doc.sents] == sentences


def test_paragraph_breaks_component_runs_before_the_parser(pipeline):
    names = pipeline.nlp.pipe_names
    assert names.index("newsgraph_paragraph_breaks") < names.index("parser")
