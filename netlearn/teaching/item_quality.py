"""Pure checks of quiz items for cues a test-wise guesser could use (warnings, not errors).

Each check takes the questions of one ``questions.yaml`` (the parsed list) and returns
:class:`Finding` objects whose ``keys`` locate the node in that file, so the caller can
report ``PATH:LINE: warning: …``. The rules follow Haladyna, Downing & Rodriguez (2002);
``docs/content-format.md`` documents each one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

LENGTH_RATIO = 1.25  # a keyed option this many times the mean length of the others is a cue
ALL_BUT_ONE_SHARE = 0.5  # more than this share of a topic's multiple items: a cue

_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|__(.+?)__", re.S)
_MARKUP = re.compile(r"[*_`]")
_NEGATIVE = re.compile(r"\b(?:not|except|never|least|\w+n['’]t)\b", re.I)
_ALWAYS_NEGATIVE = {"except", "least"}
_CLAUSE = re.compile(r"\b(?:when|whenever|if|because|who|whom|whose|that|after|before|since|"
                     r"although|though|while|once|until|unless)\b", re.I)
_ABOVE = re.compile(
    r"\b(?:all|none|both|neither)\s+of\s+(?:the\s+)?(?:above|these|those|the\s+(?:options|answers|"
    r"choices|responses)|them)\b", re.I)
_SENTENCE = re.compile(r"[^.?!]*[.?!]+|[^.?!]+$")


@dataclass(frozen=True)
class Finding:
    """One item-quality warning.

    Attributes
    ----------
    message : str
        What the cue is and how to remove it, in plain words.
    keys : tuple
        The node it is about, as keys into the parsed file (``("questions", 2, "choices", 1)``).
    """

    message: str
    keys: tuple


def text_length(text) -> int:
    """Return the length of an option as read: characters, markup and extra spaces left out."""
    return len(" ".join(_MARKUP.sub("", str(text)).split()))


def longest_key(questions: list) -> list[Finding]:
    """Find keyed options markedly longer than the others.

    A keyed option (a correct choice, or a judgement response rated best) is flagged
    when it is the longest option of its item (strictly, see :func:`text_length`) and
    at least :data:`LENGTH_RATIO` times the mean length of the item's other options.
    """
    found = []
    for i, question in enumerate(questions):
        key = "responses" if question.get("type") == "judgement" else "choices"
        options = question.get(key) or []
        lengths = [text_length(o.get("text", "")) for o in options]
        for j, option in enumerate(options):
            keyed = option.get("rating") == "best" if key == "responses" else option.get("correct")
            others = lengths[:j] + lengths[j + 1:]
            if not keyed or not others or lengths[j] <= max(others):
                continue
            mean = sum(others) / len(others)
            if lengths[j] >= LENGTH_RATIO * mean:
                what = "best response" if key == "responses" else "correct option"
                found.append(Finding(
                    f"question {question.get('id')!r}: the {what} {option.get('id')!r} is the"
                    f" longest ({lengths[j]} characters against a mean of {mean:.0f} for the"
                    f" others); a guesser who picks the longest option finds it. Make the"
                    f" options similar in length", (("questions", i, key, j, "text"))))
    return found


def all_but_one(questions: list) -> list[Finding]:
    """Flag a file whose multiple-answer items are mostly "all but one option correct".

    Flagged when more than :data:`ALL_BUT_ONE_SHARE` of its multiple-answer items (with
    three or more options) have every option but one correct: a guesser who ticks
    everything except the odd one out scores well.
    """
    multiple = [(i, q) for i, q in enumerate(questions) if q.get("type") == "multiple"]
    flagged = [(i, q) for i, q in multiple if len(q.get("choices") or []) >= 3
               and sum(bool(c.get("correct")) for c in q["choices"]) == len(q["choices"]) - 1]
    if not multiple or len(flagged) <= ALL_BUT_ONE_SHARE * len(multiple):
        return []
    ids = ", ".join(str(q.get("id")) for _, q in flagged)
    return [Finding(
        f"{len(flagged)} of {len(multiple)} multiple-answer items have every option but one"
        f" correct ({ids}); ticking all but the odd one out scores well. Vary how many"
        f" options are correct, and keep it to at most half the items",
        ("questions", flagged[0][0]))]


def above_options(questions: list) -> list[Finding]:
    """Flag options such as "all of the above" or "none of the above"."""
    found = []
    for i, question in enumerate(questions):
        key = "responses" if question.get("type") == "judgement" else "choices"
        for j, option in enumerate(question.get(key) or []):
            match = _ABOVE.search(str(option.get("text", "")))
            if match:
                found.append(Finding(
                    f"question {question.get('id')!r}: option {option.get('id')!r} says"
                    f" {match.group(0)!r}; such options can be answered without knowing the"
                    f" content (and shuffling moves them). Write a real alternative",
                    ("questions", i, key, j, "text")))
    return found


def negative_stem(questions: list) -> list[Finding]:
    """Flag a question phrased in the negative without emphasis.

    The question sentence (a sentence of the prompt ending in "?", else the last
    sentence) is negative when it holds "except" or "least", or holds "not", "never"
    or a contraction such as "isn't" before any subordinate clause ("when", "if",
    "that", "who", …: "…when you don't need anything?" asks a positive question).
    Writing the word in capitals ("NOT") or in bold (``**not**``) counts as emphasis.
    """
    found = []
    for i, question in enumerate(questions):
        prompt = str(question.get("prompt", ""))
        bold = [m.span() for m in _EMPHASIS.finditer(prompt)]
        for start, end, word in _question_negatives(prompt):
            emphasised = word.isupper() and len(word) > 1 or any(
                s <= start and end <= e for s, e in bold)
            if not emphasised:
                found.append(Finding(
                    f"question {question.get('id')!r}: the question is phrased in the negative"
                    f" ({word!r}); readers miss a negative. Ask it positively, or write the"
                    f" word in capitals or **bold**", ("questions", i, "prompt")))
                break
    return found


def _question_negatives(prompt: str) -> list[tuple[int, int, str]]:
    sentences = [m for m in _SENTENCE.finditer(prompt) if m.group(0).strip()]
    asking = [m for m in sentences if m.group(0).rstrip().endswith("?")] or sentences[-1:]
    found = []
    for sentence in asking:
        text = sentence.group(0)
        clause = _CLAUSE.search(text)
        main_end = clause.start() if clause else len(text)
        for m in _NEGATIVE.finditer(text):
            if m.start() < main_end or m.group(0).lower() in _ALWAYS_NEGATIVE:
                found.append((sentence.start() + m.start(), sentence.start() + m.end(),
                              m.group(0)))
    return found


CHECKS = (longest_key, all_but_one, above_options, negative_stem)


def review(questions: Iterable[Mapping]) -> list[Finding]:
    """Run every item-quality check over one file's questions; findings in file order."""
    questions = list(questions)
    found = [f for check in CHECKS for f in check(questions)]
    return sorted(found, key=lambda f: f.keys[:2])
