#!/usr/bin/env python
"""Build src/newsgraph/extract/data/learned_cues.toml: cue words learned from PolNeAR train.

The hand-made lexicon (``extract/data/cues.toml``) misses a long tail of stance verbs, nouns and
adjectives. This tool finds them on the PolNeAR *train* split (never dev or test) in two passes:

1. **Candidates.** Every token in one of the constructions the quote extractor reads is counted
   by (construction, lemma, preposition): a verb with a clausal complement (``ccomp``), an
   infinitive (``xcomp``) or a direct object (``dobj``); a verb with only a prepositional
   complement ("speak *of*"); an adjective after a copula with "that", "to" or a preposition;
   a noun that names its source (possessive, "from"/"by") with a complement. A (construction,
   lemma) not in the hand-made lexicon is a candidate when at least ``CANDIDATE_MIN_CUES`` of its
   occurrences are inside a gold attribution cue and they are at least ``CANDIDATE_MIN_SHARE``
   of its occurrences.
2. **Effect.** All candidates are added at once and the extractor is run on train; every quote
   that the additions create is credited to the candidate that made it (the construction of its
   content in the parse) and scored against the gold contents as ``newsgraph eval polnear``
   does. A candidate is kept when at least ``KEEP_MIN_MATCHED`` of its new quotes match a gold
   attribution and they are at least ``KEEP_MIN_SHARE`` of its new quotes.

The output lists each kept word with both counts in a comment; the extractor merges it with the
hand-made lexicon at load time. Needs the PolNeAR data (research use only; not in the package):

    .venv/bin/python tools/learn_cues.py --data ../shared/evaldata/polnear
    .venv/bin/python tools/learn_cues.py --data ../shared/evaldata/polnear --check

Parsing the 840 train articles takes about three minutes on one core.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.eval.polnear import (
    GoldAttribution,
    _fragment_tokens,
    _overlap,
    _tokens,
    _utterances,
    attributions_only,
    read_brat,
)
from newsgraph.extract import quotes
from newsgraph.extract.actors import extract_actors
from newsgraph.pipeline import Pipeline
from newsgraph.records import Entity, Quote

OUTPUT = Path(__file__).parent.parent / "src/newsgraph/extract/data/learned_cues.toml"

# Pass 1: a candidate is inside a gold cue at least this often, and in this share of its uses.
# Pass 2 is the real test; 0.2 lets it see more words (0.4 found fewer good ones; 0.1 let in so
# many poor ones that their clauses swallowed good quotes).
CANDIDATE_MIN_CUES = 3
CANDIDATE_MIN_SHARE = 0.2
# Pass 2: a candidate is kept when this many of the quotes it adds match a gold attribution,
# and they are this share of the quotes it adds. A quote raises F1 when it is right more often
# than F1/2 (about 0.35 here); 0.4 leaves a margin for words seen only a few times. (Tried on
# train: 0.5 and 0.45 kept fewer words and scored lower on train and dev; 0.35 scored a little
# higher but sits on the break-even line.)
KEEP_MIN_MATCHED = 3
KEEP_MIN_SHARE = 0.4

# Support verbs whose object is the speech act itself, not what was said ("issued an appeal",
# "made a statement", "gave a speech"): the act happened, as the writer states; PolNeAR puts such
# a noun in the cue ("issued a statement on" + content). Never learned with an object.
SUPPORT_VERBS = frozenset({"issue", "make", "give", "deliver", "release", "take", "have", "hold"})

# Construction → the lexicon table it extends.
TABLES = {
    "ccomp": "clause_content",
    "xcomp": "infinitive_content",
    "dobj": "object_content",
    "prep": "prepositional_content",
    "adjective": "adjective_content",
    "noun": "noun_cues",
}
Key = tuple[str, str, str]  # (construction, lemma, preposition or "")


def constructions(token: Token) -> list[Key]:
    """The attribution constructions ``token`` stands in, as the extractor would read them."""
    found: list[Key] = []
    deps = Counter(c.dep_ for c in token.children)
    if token.pos_ in ("VERB", "AUX"):
        lemma = quotes._lemma(token)
        for dep in ("ccomp", "xcomp", "dobj"):
            if deps[dep]:
                if not (dep == "dobj" and lemma in SUPPORT_VERBS):
                    found.append((dep, lemma, ""))
                break
        if deps["dobj"] and any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
            found.append(("prep", lemma, "as"))  # "saw him as a leader"
        if found:
            return found
        found += [
            ("prep", lemma, child.lower_)
            for child in token.children
            if child.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in child.children)
        ]
    elif token.pos_ == "ADJ" and token.dep_ == "acomp":
        for child in token.children:
            if child.dep_ in ("ccomp", "xcomp"):
                found.append(("adjective", token.lower_, "that" if child.dep_ == "ccomp" else "to"))
            elif child.dep_ == "prep":
                found.append(("adjective", token.lower_, child.lower_))
    elif token.pos_ == "NOUN" and any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "by"))
        for c in token.children
    ):
        _, content_preps, _ = quotes._noun_cues()
        if any(
            c.dep_ in ("acl", "ccomp") or (c.dep_ == "prep" and c.lower_ in content_preps)
            for c in token.children
        ):
            found.append(("noun", token.lemma_.lower(), ""))
    return found


def known(key: Key) -> bool:
    construction, lemma, preposition = key
    objects, infinitives, prepositional = quotes._stance_lexicon()
    if construction == "ccomp":
        return lemma in quotes.cue_lemmas()
    if construction == "xcomp":
        return lemma in infinitives
    if construction == "dobj":
        return lemma in objects
    if construction == "prep":
        return preposition in prepositional.get(lemma, ())
    if construction == "adjective":
        return preposition in quotes._adjective_cues().get(lemma, ())
    return lemma in quotes._noun_cues()[0]


def credited(doc: Doc, quote: Quote) -> Key | None:
    """The construction that made an indirect quote: its cue and how its content hangs."""
    if quote.cue is None:
        return None
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    content = doc.char_span(quote.span.start, quote.span.end, alignment_mode="expand")
    if cue is None or content is None or not len(cue) or not len(content):
        return None
    token = cue[0]
    if token.pos_ == "NOUN":
        return ("noun", token.lemma_.lower(), "")
    root = next((t for t in content if not content.start <= t.head.i < content.end), None)
    if root is None:
        return None
    if token.pos_ == "ADJ":
        link = {"ccomp": "that", "xcomp": "to"}.get(root.dep_, root.head.lower_)
        return ("adjective", token.lower_, link)
    if root.dep_ == "dobj" and any(
        c.dep_ == "prep" and c.lower_ == "as" and content.start <= c.i < content.end
        for c in token.children
    ):
        return ("prep", quotes._lemma(token), "as")
    if root.dep_ in ("ccomp", "xcomp", "dobj"):
        return (root.dep_, quotes._lemma(token), "")
    if root.dep_ in ("pobj", "pcomp"):
        return ("prep", quotes._lemma(token), root.head.lower_)
    return None


Article = tuple[Doc, tuple[Entity, ...], list[GoldAttribution]]


def load(data: Path) -> list[Article]:
    folder = data / "data" / "train"
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    texts = [(folder / "text" / f"{name}.txt").read_text("utf-8") for name in chosen]
    nlp = Pipeline().nlp
    articles = []
    for doc, ann in zip(nlp.pipe(texts, batch_size=32), chosen.values(), strict=True):
        articles.append((doc, extract_actors(doc), read_brat(ann.read_text("utf-8"), doc.text)))
    return articles


def candidate_counts(articles: list[Article]) -> tuple[Counter[Key], Counter[Key]]:
    uses: Counter[Key] = Counter()
    cues: Counter[Key] = Counter()
    for doc, _, gold in articles:
        in_cue: set[int] = set()
        for relation in gold:
            if relation.direct or not relation.cue:
                continue
            for start, end in relation.cue:
                span = doc.char_span(start, end, alignment_mode="expand")
                in_cue.update(t.i for t in span or ())
        for token in doc:
            for key in constructions(token):
                uses[key] += 1
                cues[key] += token.i in in_cue
    return uses, cues


def with_learned(learned: dict[str, Any]) -> None:
    """Make the extractor read the hand-made lexicon plus ``learned`` (cached loaders reset)."""
    merged = quotes._merge_lexicons(quotes._read_lexicon("cues.toml"), learned)
    quotes._cue_data = lambda: merged  # type: ignore[assignment]
    cached: list[Callable[..., Any]] = [
        quotes.cue_lemmas,
        quotes._reporting_lemmas,
        quotes._stance_lexicon,
        quotes._adjective_cues,
        quotes._noun_cues,
        quotes._headline_lemmas,
        quotes._lemma_fixes,
        quotes._particle_cues,
        quotes._idiom_cues,
    ]
    for function in cached:
        function.cache_clear()  # type: ignore[attr-defined]


def as_tables(keys: list[Key]) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for construction, lemma, preposition in sorted(keys):
        table = TABLES[construction]
        if construction in ("prep", "adjective"):
            tables.setdefault(table, {}).setdefault(lemma, []).append(preposition)
        else:
            tables.setdefault(table, {"lemmas": []})["lemmas"].append(lemma)
    return tables


def matched_flags(doc: Doc, gold: list[GoldAttribution], found: tuple[Quote, ...]) -> set[Quote]:
    """The predicted quotes that match a gold attribution, matched as the evaluation does."""
    text = doc.text
    groups = _utterances(attributions_only(found))
    predicted = [set().union(*(_tokens(text, q.span.start, q.span.end) for q in g)) for g in groups]
    golden = [_fragment_tokens(text, g.content) for g in gold]
    pairs = sorted(
        (
            (len(a & b), gi, pi)
            for gi, a in enumerate(golden)
            for pi, b in enumerate(predicted)
            if _overlap(a, b)
        ),
        reverse=True,
    )
    gold_used: set[int] = set()
    pred_used: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in gold_used and pi not in pred_used:
            gold_used.add(gi)
            pred_used.add(pi)
    return {q for pi in pred_used for q in groups[pi]}


def effects(
    articles: list[Article], candidates: list[Key], kept: list[Key]
) -> dict[Key, list[int]]:
    """Candidate → [quotes it adds to the lexicon plus ``kept``, of which match gold], on train."""
    with_learned(as_tables(kept))
    before = [quotes.extract_quotes(doc, entities) for doc, entities, _ in articles]
    with_learned(as_tables(kept + candidates))
    wanted = set(candidates)
    tally: dict[Key, list[int]] = defaultdict(lambda: [0, 0])
    for (doc, entities, gold), old in zip(articles, before, strict=True):
        found = quotes.extract_quotes(doc, entities)
        right = matched_flags(doc, gold, found)
        seen = {(q.span, q.cue) for q in old}
        for quote in found:
            if quote.kind != "indirect" or (quote.span, quote.cue) in seen:
                continue
            key = credited(doc, quote)
            if key in wanted:
                tally[key][0] += 1
                tally[key][1] += quote in right
    return tally


def learn(
    articles: list[Article], candidates: list[Key], uses: Counter[Key], cues: Counter[Key]
) -> dict[Key, tuple[int, int, int, int]]:
    """The candidates whose added quotes are right often enough, with their counts."""
    tally = effects(articles, candidates, [])
    return {
        key: (uses[key], cues[key], added, right)
        for key, (added, right) in tally.items()
        if right >= KEEP_MIN_MATCHED and right >= KEEP_MIN_SHARE * added
    }


def render(kept: dict[Key, tuple[int, int, int, int]], articles: int) -> str:
    lines = [
        "# Cue words learned from PolNeAR train by tools/learn_cues.py — regenerate, do not edit.",
        f"# {articles} train articles, {date.today().isoformat()}. Merged with cues.toml when the",
        "# quote extractor loads its lexicon. Per word: cue = occurrences inside a gold cue / all",
        "# occurrences in the construction; quotes = quotes it adds that match a gold attribution",
        "# / quotes it adds. Kept: quotes matched >= 3 and >= 40%.",
    ]
    by_table: dict[str, list[tuple[Key, tuple[int, int, int, int]]]] = defaultdict(list)
    for key, counts in sorted(kept.items()):
        by_table[TABLES[key[0]]].append((key, counts))
    for table in TABLES.values():
        rows = by_table.get(table, [])
        if not rows:
            continue
        lines += ["", f"[{table}]"]
        if table in ("prepositional_content", "adjective_content"):
            grouped: dict[str, list[tuple[Key, tuple[int, int, int, int]]]] = defaultdict(list)
            for key, counts in rows:
                grouped[key[1]].append((key, counts))
            for lemma, entries in grouped.items():
                preps = ", ".join(f'"{k[2]}"' for k, _ in entries)
                notes = "; ".join(
                    f"{k[2]}: cue {c[1]}/{c[0]}, quotes {c[3]}/{c[2]}" for k, c in entries
                )
                name = f'"{lemma}"' if not lemma.isidentifier() else lemma
                lines.append(f"{name} = [{preps}]  # {notes}")
        else:
            lines.append("lemmas = [")
            for key, c in rows:
                lines.append(f'  "{key[1]}",  # cue {c[1]}/{c[0]}, quotes {c[3]}/{c[2]}')
            lines.append("]")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="PolNeAR folder")
    parser.add_argument("--check", action="store_true", help="fail if the output is stale")
    args = parser.parse_args()
    articles = load(args.data)
    with_learned({})
    uses, cues = candidate_counts(articles)
    candidates = [
        key
        for key, count in uses.items()
        if cues[key] >= CANDIDATE_MIN_CUES
        and cues[key] >= CANDIDATE_MIN_SHARE * count
        and not known(key)
    ]
    kept = learn(articles, candidates, uses, cues)
    output = render(kept, len(articles))
    if args.check:
        stale = OUTPUT.read_text("utf-8").splitlines()[5:] != output.splitlines()[5:]
        print("learned_cues.toml is stale" if stale else "learned_cues.toml is up to date")
        return 1 if stale else 0
    OUTPUT.write_text(output, "utf-8")
    print(f"{len(candidates)} candidates, {len(kept)} kept → {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
