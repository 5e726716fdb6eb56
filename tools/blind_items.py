"""Write the default quiz items for a blind reading: stems and options only, shuffled.

    python tools/blind_items.py OUT.md [--seed N] [--parts N]
    python tools/blind_items.py --score OUT.key.json ANSWERS.json [KEY ANSWERS ...]

The first form writes ``OUT.md``, every quiz, reserve and pre-question item of the default
content with its stem (and situation) and options, and nothing else: no ids, keys, feedback,
explanations, objectives or topics. Items are grouped by type (single, judgement, multiple)
and shuffled, and so are the options of each item, from a seed, so the same seed gives the
same file. It also writes ``OUT.key.json``, the answer key for scoring, which names each
blind number's item id and pool. With ``--parts N`` the items are dealt, type by type, into
N files of about the size of one notebook's quiz (``OUT.part1.md`` …, each with its key), so
that no reader sees the whole bank: a reader of all 102 items at once learns the course's
rules from the items themselves, which no learner facing one quiz can do.

A reader answers in a JSON file: ``{"S1": "B", "J1": "C", "M1": ["A", "D"]}`` (for a
judgement item, the response they would rate best). The second form scores such a file
against the key, per item type, beside the chance figures; given several key and answer
pairs (one per part), it scores them together. ``docs/item-review.md`` says how
the course uses it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TYPES = (("single", "S", "Single answer: pick the one best option"),
         ("judgement", "J", "Judgement: pick the response you would rate best"),
         ("multiple", "M", "Multiple answer: pick every option that applies"))
DEFAULT_SEED = 24


def pool(topic, question) -> str:
    """Which pool ``question`` of ``topic`` belongs to: quiz, reserve or pretest."""
    if any(q is question for q in getattr(topic, "pretest_questions", [])):
        return "pretest"
    return "reserve" if question.get("reserve") else "quiz"


def every_item(course) -> list[tuple[str, dict]]:
    """``(pool, question)`` for every item of every mistake topic, in course order."""
    items = []
    for topic in course.mistakes:
        for question in [*topic.questions, *topic.reserve_questions,
                         *getattr(topic, "pretest_questions", [])]:
            items.append((pool(topic, question), question))
    return items


def blind(items, seed: int = DEFAULT_SEED) -> tuple[str, dict]:
    """Return the blind Markdown and its answer key for ``items`` (``(pool, question)``).

    Parameters
    ----------
    items : list of (str, dict)
        Each item's pool and its question as loaded from ``questions.yaml``.
    seed : int
        Seeds the order of the items within each type and of the options of each item.

    Returns
    -------
    tuple of (str, dict)
        The Markdown to show a reader, and the key: blind number -> item id, pool, type,
        option count and answer (``"B"``, ``["A", "D"]``, or for judgement items the
        letters rated best and every letter's rating).
    """
    rng = random.Random(seed)
    lines = ["# Quiz items, blind", "",
             "Answer from what you know. Nothing here says which option is keyed.", ""]
    key = {}
    for kind, prefix, heading in TYPES:
        chosen = [(p, q) for p, q in items if q["type"] == kind]
        rng.shuffle(chosen)
        lines += [f"## {heading}", ""]
        for number, (where, question) in enumerate(chosen, start=1):
            label = f"{prefix}{number}"
            options = list(question.get("choices") or question.get("responses") or [])
            rng.shuffle(options)
            letters = string.ascii_uppercase[:len(options)]
            stem = " ".join(filter(None, [question.get("situation"), question["prompt"]]))
            lines += [f"**{label}.** {' '.join(stem.split())}", ""]
            lines += [f"- {letter}. {' '.join(str(o['text']).split())}"
                      for letter, o in zip(letters, options, strict=True)]
            lines.append("")
            entry = {"id": question["id"], "pool": where, "type": kind,
                     "options": len(options)}
            if kind == "judgement":
                entry["ratings"] = {letter: o["rating"]
                                    for letter, o in zip(letters, options, strict=True)}
                entry["answer"] = [letter for letter, rating in entry["ratings"].items()
                                   if rating == "best"]
            else:
                right = [letter for letter, o in zip(letters, options, strict=True)
                         if o["correct"]]
                entry["answer"] = right[0] if kind == "single" else right
            key[label] = entry
    return "\n".join(lines), key


def dealt(items, parts: int, seed: int = DEFAULT_SEED) -> list[list[tuple[str, dict]]]:
    """Deal ``items`` into ``parts`` lists, each type shuffled and dealt in turn, so every
    part holds about the same mix of single, judgement and multiple-answer items."""
    rng = random.Random(seed)
    hands: list[list[tuple[str, dict]]] = [[] for _ in range(parts)]
    dealt_so_far = 0
    for kind, _, _ in TYPES:
        of_kind = [(p, q) for p, q in items if q["type"] == kind]
        rng.shuffle(of_kind)
        for item in of_kind:
            hands[dealt_so_far % parts].append(item)
            dealt_so_far += 1
    return hands


def chance(entry: dict) -> float:
    """The chance of scoring on one key entry by guessing at random."""
    n = entry["options"]
    if entry["type"] == "multiple":
        return 1 / (2 ** n - 1)  # one exact set among every non-empty set
    if entry["type"] == "judgement":
        return len(entry["answer"]) / n
    return 1 / n


def scored(entry: dict, answer) -> bool:
    """Whether ``answer`` scores on ``entry``: the key, the best response, the exact set."""
    if entry["type"] == "multiple":
        return sorted(answer or []) == sorted(entry["answer"])
    if entry["type"] == "judgement":
        return answer in entry["answer"]
    return answer == entry["answer"]


def score(key: dict, answers: dict) -> dict:
    """Per item type: items, how many scored, the share, and the chance share.

    Unanswered items count as not scored.
    """
    out = {}
    for kind, _, _ in TYPES:
        entries = {label: e for label, e in key.items() if e["type"] == kind}
        if not entries:
            continue
        right = sum(scored(e, answers.get(label)) for label, e in entries.items())
        out[kind] = {"items": len(entries), "scored": right,
                     "share": round(right / len(entries), 3),
                     "chance": round(sum(map(chance, entries.values())) / len(entries), 3)}
    return out


def _default_course():
    from netlearn.plumbing.errors import ContentError
    from netlearn.teaching.content import load_course

    os.environ.pop("NETLEARN_CONTENT", None)  # the default items, never a facilitator's copy
    try:
        return load_course()
    except ContentError as exc:
        raise SystemExit(f"fix the default content first: {exc}") from None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", help="the blind Markdown file to write")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--parts", type=int, default=1,
                        help="deal the items into this many files, one reader each")
    parser.add_argument("--score", nargs="+", metavar="KEY ANSWERS",
                        help="score a reader's answers (JSON) against a key file; several"
                             " pairs are scored together")
    args = parser.parse_args(argv)
    if args.score:
        if len(args.score) % 2:
            parser.error("--score takes key and answer files in pairs")
        key, answers = {}, {}
        for n, (key_path, answer_path) in enumerate(
                zip(args.score[::2], args.score[1::2], strict=True)):
            part_key, part_answers = (json.loads(Path(p).read_text(encoding="utf-8"))
                                      for p in (key_path, answer_path))
            key.update({f"{n}:{label}": e for label, e in part_key.items()})
            answers.update({f"{n}:{label}": a for label, a in part_answers.items()})
        for kind, row in score(key, answers).items():
            print(f"{kind}: {row['scored']} of {row['items']} ({row['share']:.0%});"
                  f" chance {row['chance']:.0%}")
        return 0
    if not args.out:
        parser.error("name the Markdown file to write, or use --score")
    items = every_item(_default_course())
    out = Path(args.out)
    if args.parts > 1:
        hands = dealt(items, args.parts, seed=args.seed)
        targets = [out.with_suffix(f".part{n}.md") for n in range(1, args.parts + 1)]
    else:
        hands, targets = [items], [out]
    for number, (hand, target) in enumerate(zip(hands, targets, strict=True)):
        text, key = blind(hand, seed=args.seed + number)
        target.write_text(text + "\n", encoding="utf-8")
        key_path = target.with_suffix(".key.json")
        key_path.write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")
        counts = {kind: sum(e["type"] == kind for e in key.values()) for kind, _, _ in TYPES}
        print(f"wrote {target} ({', '.join(f'{n} {k}' for k, n in counts.items())})"
              f" and {key_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
