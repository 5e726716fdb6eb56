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
ECHO_WORDS = 3  # a key repeating at least this many of the stem's content words ...
ECHO_LEAD = 2  # ... this many more than any other option (one word apart is noise) ...
ECHO_RATIO = 2.0  # ... and this many times the others' mean is a cue

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
_QUOTES = "\"“”‘’'«»"
_TRAILING = re.compile(r"(?:…|\.\.\.)[\"”’'»]?$")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.?!:;]\s+|[\"“‘(]\s*)$")
_STOP = frozenset("""
a about after again all also an and any are as at be been before being both but by can
could did do does doing done each even every few for from had has have having he her here
him his how i if in into is it its just me more most my no nor not now of off on once one
only or other our out over own same she should so some such than that the their them then
there these they this those through to too two three under until up us very was we were
what when where which while who whom whose why will with would you your yours
""".split())


@dataclass(frozen=True)
class Finding:
    """One item-quality warning.

    Attributes
    ----------
    message : str
        What the cue is and how to remove it, in plain words.
    keys : tuple
        The node it is about, as keys into the parsed file (``("questions", 2, "choices", 1)``).
    at : int
        Where in the node's text, as a character offset (facilitator notes); 0 otherwise.
    """

    message: str
    keys: tuple
    at: int = 0


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


def _plain_text(text) -> str:
    return " ".join(_MARKUP.sub("", str(text)).split())


def option_form(text) -> dict[str, bool]:
    """Return the form of an option as a reader sees it at a glance.

    ``quoted``: it opens with a quotation mark (a message, as said or written);
    ``trailing``: it trails off in "…" or "..." (and "and…"); ``question``: it is not
    quoted and ends in a question mark.
    """
    plain = _plain_text(text)
    quoted = plain[:1] in _QUOTES
    return {"quoted": quoted, "trailing": bool(_TRAILING.search(plain)),
            "question": not quoted and plain.endswith("?")}


_FORM_WORDS = {
    ("quoted", True): "the only quoted message among descriptions",
    ("quoted", False): "the only description among quoted messages",
    ("trailing", True): "the only option trailing off in \"…\"",
    ("trailing", False): "the only option that does not trail off in \"…\"",
    ("question", True): "the only question among statements",
    ("question", False): "the only statement among questions",
}


def odd_form_key(questions: list) -> list[Finding]:
    """Flag a keyed option that is the only option of its item in a different form.

    With three or more options, a keyed option (a correct choice, or a judgement response
    rated best) is flagged when it alone differs from all the others in one of the forms
    of :func:`option_form`: a description among quoted messages (or a message among
    descriptions), the one option trailing off in "…", a question among statements. A
    reader who spots the odd one out finds the key. (An odd-form *distractor* is not
    flagged here: the form may be the point, e.g. doing nothing.)
    """
    found = []
    for i, question in enumerate(questions):
        key = "responses" if question.get("type") == "judgement" else "choices"
        options = question.get(key) or []
        if len(options) < 3:
            continue
        forms = [option_form(o.get("text", "")) for o in options]
        for j, option in enumerate(options):
            if not _is_keyed(option, key):
                continue
            for feature in ("quoted", "trailing", "question"):
                mine = forms[j][feature]
                if sum(f[feature] == mine for f in forms) == 1:
                    found.append(Finding(
                        f"question {question.get('id')!r}: the {_keyed_word(key)}"
                        f" {option.get('id')!r} is {_FORM_WORDS[(feature, mine)]}; a reader"
                        f" who picks the odd one out finds it. Write the options in one form",
                        ("questions", i, key, j, "text")))
                    break
    return found


def _is_keyed(option: Mapping, key: str) -> bool:
    return option.get("rating") == "best" if key == "responses" else bool(option.get("correct"))


def _keyed_word(key: str) -> str:
    return "best response" if key == "responses" else "correct option"


def content_words(text, leave_out=frozenset()) -> set[str]:
    """Return the content words of a text, reduced to a rough stem.

    Words of three or more letters that are not function words ("the", "when", "your" …),
    lower-cased, with common endings taken off ("introduced" and "introduce" meet, as do
    "letting" and "let", "minutes" and "minute"); words in ``leave_out`` (lower case)
    are skipped.
    """
    words = set()
    for token in _TOKEN.findall(_plain_text(text)):
        word = token.lower().replace("’", "'")
        if len(word) >= 3 and word not in _STOP and word not in leave_out:
            words.add(_stem(word))
    return words


def _stem(word: str) -> str:
    for ending in ("'s", "ing", "ed", "es", "s", "ly"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[:-len(ending)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]  # letting -> lett -> let
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def _names(text: str) -> set[str]:
    """Capitalised words not at the start of a sentence: names, left out of the echo."""
    plain = _plain_text(text)
    return {m.group(0).lower() for m in _TOKEN.finditer(plain)
            if m.group(0)[0].isupper() and not _SENTENCE_START.search(plain[:m.start()])}


def stem_echo(questions: list) -> list[Finding]:
    """Flag keys that repeat the stem's content words markedly more than the other options.

    The stem is the prompt (and a judgement item's situation). Each option's echo is how
    many of the stem's content words (:func:`content_words`; names left out) it repeats.
    The key (the least-echoing correct choice, or the best response) is flagged when its
    echo is at least :data:`ECHO_WORDS`, at least :data:`ECHO_LEAD` more than every other
    option's, and at least :data:`ECHO_RATIO` times the others' mean: a reader who picks
    the option that sounds most like the question finds it. Keyword lists are not flagged
    as such: only the stem's words count, whatever the options' form.
    """
    found = []
    for i, question in enumerate(questions):
        key = "responses" if question.get("type") == "judgement" else "choices"
        options = question.get(key) or []
        stem = f"{question.get('prompt', '')} {question.get('situation', '')}"
        words = content_words(stem, leave_out=_names(stem))
        echoes = [len(content_words(o.get("text", "")) & words) for o in options]
        keyed = [j for j, o in enumerate(options) if _is_keyed(o, key)]
        others = [echoes[j] for j in range(len(options)) if j not in keyed]
        if not keyed or not others:
            continue
        j = min(keyed, key=lambda k: echoes[k])
        mean = sum(others) / len(others)
        if (echoes[j] >= ECHO_WORDS and echoes[j] >= max(others) + ECHO_LEAD
                and echoes[j] >= ECHO_RATIO * mean):
            found.append(Finding(
                f"question {question.get('id')!r}: the {_keyed_word(key)}"
                f" {options[j].get('id')!r} repeats {echoes[j]} of the stem's words against"
                f" a mean of {mean:.1f} for the others; a reader who picks the option that"
                f" sounds most like the question finds it. Let the distractors use the"
                f" stem's words too, or the key its own", ("questions", i, key, j, "text")))
    return found


CHECKS = (longest_key, all_but_one, above_options, negative_stem, odd_form_key, stem_echo)


def review(questions: Iterable[Mapping]) -> list[Finding]:
    """Run every item-quality check over one file's questions; findings in file order."""
    questions = list(questions)
    found = [f for check in CHECKS for f in check(questions)]
    return sorted(found, key=lambda f: f.keys[:2])


# -- facilitator notes ------------------------------------------------------------------

_RATED = re.compile(r"\b(?:is|are)\s+(?:rated\s+)?(best|acceptable|poor)\b")
_KEY_END = re.compile(r" — | – |; |\. |: | \(|\.$")
_PARTS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_ITEM_ID = re.compile(r"(?<![\w-])([a-z][a-z0-9]*(?:-[a-z0-9]+)*-q\d+)"
                      r"(?:\s+\((?:judgement|single|multiple)\))?:\s")


def note_problems(notes: str, questions: list) -> list[Finding]:
    """Find facilitator-note answers that name an option the item does not have.

    The notes' answer rationale names each item's key in words: an entry starts with the
    item id and a colon (``maintain-q4: the promotion and the article — …``; a judgement
    item's entry says which responses ``is best``, ``is acceptable`` and ``are poor``).
    Each option the entry names (the part before the first dash, semicolon, sentence end
    or parenthesis, split at commas and "and", a part of one content word joined to the
    next; a quoted key as a whole) must share a content word (:func:`content_words`; words
    of five letters or more meet on their first five) with the item's options or their
    feedback or rationales: otherwise it names something the item does not have. An entry
    for an id the file has no question for is a problem too.

    Parameters
    ----------
    notes : str
        A topic's ``facilitator.yaml`` notes.
    questions : list of mapping
        The topic's quiz items (reserve items included).

    Returns
    -------
    list of Finding
        Keys ``("notes",)``, ``at`` the entry's offset in the notes.
    """
    by_id = {str(q.get("id")): q for q in questions}
    entries = list(_ITEM_ID.finditer(notes or ""))
    found = []
    for n, entry in enumerate(entries):
        end = entries[n + 1].start() if n + 1 < len(entries) else len(notes)
        body = re.split(r"\n\s*\n|\n\s*-\s*Held back", notes[entry.end():end])[0]
        body = " ".join(body.split())
        item = entry.group(1)
        question = by_id.get(item)
        if question is None:
            found.append(Finding(f"the facilitator notes give an answer for {item!r}, which is"
                                 f" not a question of this topic", ("notes",), entry.start()))
            continue
        known = set()
        for option in question.get("choices") or question.get("responses") or []:
            known |= content_words(f"{option.get('text', '')} {option.get('feedback', '')}"
                                   f" {option.get('rationale', '')}")
        known |= {word[:5] for word in known}
        for name in _named_options(body, question.get("type") == "judgement"):
            words = content_words(name)
            if words and not any(w in known or w[:5] in known for w in words):
                found.append(Finding(
                    f"the facilitator notes' answer for {item!r} names {name.strip()!r}, which"
                    f" matches none of its options (no word of it is in their text or"
                    f" feedback); name the options the item has", ("notes",), entry.start()))
    return found


def _named_options(body: str, judgement: bool) -> list[str]:
    if body[:1] in _QUOTES and not judgement:
        closing = re.search(r"[\"”’']", body[1:])
        return [body[1:closing.start() + 1] if closing else body[1:]]
    parts = []
    clauses = re.split(r"; |\. ", body) if judgement else [_KEY_END.split(body, maxsplit=1)[0]]
    for clause in clauses:
        rated = _RATED.search(clause)
        if judgement and not rated:
            continue
        parts += _joined(_PARTS.split(clause[:rated.start()] if judgement else clause))
    return parts


def _joined(parts: list[str]) -> list[str]:
    """Join a part of fewer than two content words to the next ("bounded, deliberate
    giving" names one option, not two)."""
    names, pending = [], ""
    for part in (p for p in parts if p.strip()):
        pending = f"{pending} {part}".strip()
        if len(content_words(pending)) >= 2:
            names.append(pending)
            pending = ""
    if pending:
        names.append(pending)
    return names
