"""Load and validate course content: safe YAML, JSON Schema, then meaning, with file:line errors."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from netlearn.plumbing.errors import ContentError, ContentWarning
from netlearn.plumbing.paths import default_content_dir, override_content_dir

MAX_FILE_BYTES = 1_000_000
TOPIC_FILES = {
    # file name -> (schema name, required for kinds)
    "topic.yaml": ("topic", {"intro", "mistake", "plan", "check-in"}),
    "questions.yaml": ("questions", {"mistake"}),
    "self-assessment.yaml": ("self-assessment", {"mistake"}),
    "reflections.yaml": ("reflections", {"intro", "mistake", "plan", "check-in"}),
    "scenarios.yaml": ("scenarios", set()),
    "facilitator.yaml": ("facilitator", {"intro", "mistake", "plan", "check-in"}),
}
MIN_ITEMS_PER_OBJECTIVE = 2


@dataclass
class Topic:
    """One topic of the course (a notebook): its metadata and content."""

    id: str
    kind: str
    title: str
    minutes: int
    key_question: str
    mistake: str = ""
    core_minutes: int = 0  # minutes of the core sections alone; 0: not stated (all core)
    objectives: list = field(default_factory=list)
    tips: list = field(default_factory=list)
    key_points: list = field(default_factory=list)
    questions: list = field(default_factory=list)
    reserve_questions: list = field(default_factory=list)
    pretest_questions: list = field(default_factory=list)  # asked before the teaching, never scored
    statements: list = field(default_factory=list)
    prompts: list = field(default_factory=list)
    scenarios: list = field(default_factory=list)
    facilitator: dict = field(default_factory=dict)

    def question(self, question_id: str) -> dict:
        """Return the question with this id (a quiz item, a reserve item or a pre-question)."""
        for question in [*self.questions, *self.reserve_questions, *self.pretest_questions]:
            if question["id"] == question_id:
                return question
        raise KeyError(question_id)

    def scenario(self, scenario_id: str | None = None) -> dict:
        """Return the scenario with this id (or the topic's first one)."""
        for scenario in self.scenarios:
            if scenario_id in (None, scenario["id"]):
                return scenario
        raise KeyError(scenario_id)


@dataclass
class Course:
    """The whole course: ordered topics plus course-wide settings."""

    title: str
    version: int
    words_per_minute: int  # speaking rate, for timing a pitch
    topics: list[Topic]
    sources: dict[str, Path] = field(default_factory=dict)  # relative path -> file used
    validation_keys: set = field(default_factory=set, repr=False)  # see validate()
    reading_words_per_minute: int = 200  # reading rate, for a notebook's estimated minutes

    def topic(self, topic_id: str) -> Topic:
        """Return the topic with this id (== its notebook's stem)."""
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(f"no topic {topic_id!r} in course.yaml")

    @property
    def mistakes(self) -> list[Topic]:
        """The topics that each teach one mistake, in course order."""
        return [t for t in self.topics if t.kind == "mistake"]

    @property
    def minutes(self) -> int:
        """Total minutes of the course."""
        return sum(t.minutes for t in self.topics)


# -- reading one YAML file -----------------------------------------------------------


@dataclass
class Document:
    """A parsed YAML file, with the line of every node for error messages."""

    path: Path
    data: object
    lines: dict
    digest: str = ""  # sha256 of the file's bytes

    def line(self, *keys) -> int | None:
        """Return the 1-based line of the node at ``keys`` (or of its nearest parent)."""
        keys = tuple(keys)
        while keys:
            if keys in self.lines:
                return self.lines[keys]
            keys = keys[:-1]
        return self.lines.get((), 1)

    def error(self, message: str, *keys) -> ContentError:
        """Return a ContentError at the node ``keys`` of this file."""
        return ContentError(message, path=self.path, line=self.line(*keys))


@cache
def _content_loader():
    """A SafeLoader with YAML 1.2 booleans: only true/false, so an answer "No" stays text."""
    import re

    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when available

    class ContentLoader(base):
        pass

    ContentLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers
                if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    ContentLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"))
    return ContentLoader


def read_yaml(path: Path) -> Document:
    """Parse a YAML file safely, rejecting tags, aliases and oversize files.

    Uses ``yaml.SafeLoader`` (never a full loader) with YAML 1.2 booleans, so
    ``Yes``/``No``/``on`` stay text and dates stay strings.

    Parameters
    ----------
    path : Path
        The file to read.

    Returns
    -------
    Document
        The plain data (dicts, lists, strings, numbers) and a line index.

    Raises
    ------
    ContentError
        Naming the file and line of the first problem.
    """
    import yaml

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"cannot read ({exc.strerror or exc})", path=path) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError(f"is larger than {MAX_FILE_BYTES // 1000} kB", path=path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError("is not UTF-8 text", path=path, line=line) from None
    if "\x00" in text:
        raise ContentError("contains a NUL byte (not a text file)", path=path,
                           line=text[: text.index("\x00")].count("\n") + 1)
    try:
        loader_class = _content_loader()
        for event in yaml.parse(text, Loader=loader_class):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise ContentError(
                    "YAML anchors and aliases (& and *) are not allowed in course content",
                    path=path, line=event.start_mark.line + 1)
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        lines_of_text = text.splitlines()
        if mark and mark.line < len(lines_of_text) and "\t" in lines_of_text[mark.line]:
            problem += " (a tab: use spaces, not tabs, to indent)"
        if "could not determine a constructor" in problem:
            problem = "YAML tags (!!python/…, !tag) are not allowed: " + problem
        raise ContentError(problem, path=path, line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise ContentError(f"invalid YAML ({exc})", path=path) from None
    lines: dict = {}
    if node is not None:
        _index_lines(node, (), lines)
    return Document(path, data, lines, hashlib.sha256(raw).hexdigest())


def _index_lines(node, keys, lines) -> None:
    import yaml

    lines[keys] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[keys + (key,)] = key_node.start_mark.line + 1
            _index_lines(value_node, keys + (key,), lines)
            lines[keys + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, keys + (index,), lines)


@cache
def _schema_text(name: str) -> str:
    return (default_content_dir() / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")


@cache
def _schema(name: str):
    import jsonschema

    return jsonschema.Draft202012Validator(json.loads(_schema_text(name)))


def _validated_cache() -> Path:
    from netlearn.plumbing.paths import data_home

    return data_home() / "cache" / "validated-content.json"


def _write_cache(path: Path, value) -> None:
    """Write a cache file whole (``.part``, then rename); best effort: a cache, not learner data."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        partial.write_text(json.dumps(value), encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass


MANIFEST = "validated.json"  # beside the schemas: keys of the default files, shipped


def _known_valid() -> set:
    known = set()
    for path in (_validated_cache(), default_content_dir() / "schema" / MANIFEST):
        try:
            known |= set(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            pass
    return known


def default_validation_manifest() -> str:
    """Return the manifest text of validation keys for the default content.

    Shipped as ``content/schema/validated.json`` (kept current by
    ``tools/build_notebooks.py``) so a fresh kernel, e.g. on Binder, skips the
    JSON Schema check of unmodified default files. A changed file has another
    key and is validated as usual.
    """
    loaded, problems = _load(None, None, use_cache=False, override=False)
    if problems:
        raise problems[0]
    keys = sorted(loaded.validation_keys)
    return json.dumps(keys, indent=0) + "\n"


def _remember_valid(keys: set) -> None:
    """Record documents that passed their schema (best effort: a cache, not learner data)."""
    _write_cache(_validated_cache(), sorted(_known_valid() | keys)[-2000:])


def _validation_key(doc: Document, schema_name: str) -> str:
    from netlearn import __version__

    schema_digest = hashlib.sha256(_schema_text(schema_name).encode()).hexdigest()
    return hashlib.sha256(f"{__version__}|{schema_digest}|{doc.digest}".encode()).hexdigest()


def validate(doc: Document, schema_name: str, known_valid: set | None = None) -> None:
    """Check a document against its JSON Schema; raise at the first (deepest) problem.

    ``known_valid`` holds keys of (file bytes, schema, netlearn version) that passed
    before; such a document is not checked again. Importing jsonschema costs
    seconds where its format extras are installed, so kernels reuse the result.
    """
    if known_valid is not None and _validation_key(doc, schema_name) in known_valid:
        return
    errors = list(_schema(schema_name).iter_errors(doc.data))
    if not errors:
        return
    import jsonschema

    error = jsonschema.exceptions.best_match(errors)
    while error.context:  # oneOf / if-then: report the most specific reason
        error = jsonschema.exceptions.best_match(error.context)
    keys = tuple(error.absolute_path)
    where = ".".join(str(k) for k in keys) or "top level"
    message = error.message
    if len(message) > 200:
        message = message[:197] + "..."
    if error.validator == "additionalProperties":
        message = message.replace("Additional properties are not allowed", "unknown field")
    raise doc.error(f"{where}: {message}", *keys)


# -- the course -------------------------------------------------------------------------


class Layers:
    """Resolve a relative content path: the facilitator's file if present, else the default."""

    def __init__(self, override: Path | None = None, default: Path | None = None):
        self.default = default or default_content_dir()
        self.override = override

    def find(self, relative: str) -> Path | None:
        """Return the file to use for ``relative``, or None when neither layer has it."""
        if self.override is not None:
            candidate = self.override / relative
            if candidate.is_file():
                return candidate
        candidate = self.default / relative
        return candidate if candidate.is_file() else None


def load_course(content_dir=None, *, check_notebooks=None, use_cache=False) -> Course:
    """Load, validate and return the course.

    Parameters
    ----------
    content_dir : path-like, optional
        A facilitator's content directory layered over the default content
        (default: ``NETLEARN_CONTENT`` if set).
    check_notebooks : path-like, optional
        A ``notebooks/`` directory in which every topic must have its notebook.
    use_cache : bool
        Skip the JSON Schema check for files that passed it before (see :func:`validate`).

    Raises
    ------
    ContentError
        The first problem found, naming file and line. :func:`check` collects all.
    """
    loaded, problems = _load(content_dir, check_notebooks, use_cache)
    if problems:
        raise problems[0]
    return loaded


def check(content_dir=None, *, check_notebooks=None) -> list[ContentError]:
    """Validate content and return every problem found (an empty list when all is well).

    Parameters
    ----------
    content_dir : path-like, optional
        A facilitator's directory layered over the default content.
    check_notebooks : path-like, optional
        A ``notebooks/`` directory in which every topic must have its notebook.

    Returns
    -------
    list of ContentError
        Problems in file order; empty when the content is valid.
    """
    return _load(content_dir, check_notebooks)[1]


def review(content_dir=None, *, check_notebooks=None
           ) -> tuple[list[ContentError], list[ContentWarning]]:
    """Validate content and review its quiz items, as ``netlearn check`` does.

    Parameters
    ----------
    content_dir : path-like, optional
        A facilitator's directory layered over the default content.
    check_notebooks : path-like, optional
        A ``notebooks/`` directory in which every topic must have its notebook.

    Returns
    -------
    problems : list of ContentError
        As :func:`check` returns them.
    warnings : list of ContentWarning
        Item-quality warnings (:mod:`netlearn.teaching.item_quality`) for every questions file
        that parsed, and a note for each facilitator item that is a past default
        version the defaults have since corrected (:mod:`netlearn.teaching.item_history`).
    """
    warnings: list[ContentWarning] = []
    problems = _load(content_dir, check_notebooks, warnings=warnings)[1]
    return problems, warnings


def _review_questions(doc: Document, layers: Layers, relative: str, warnings: list) -> None:
    from netlearn.teaching import item_history, item_quality

    questions = doc.data["questions"]
    for finding in item_quality.review(questions):
        warnings.append(ContentWarning(finding.message, path=doc.path,
                                       line=doc.line(*finding.keys)))
    default_path = layers.default / relative
    if doc.path == default_path or not default_path.is_file():
        return
    try:
        defaults = {q["id"]: q for q in read_yaml(default_path).data["questions"]}
    except (ContentError, KeyError, TypeError):
        return
    where = {q["id"]: i for i, q in enumerate(questions)}
    for item in item_history.corrected_items(questions, defaults, item_history.load_history()):
        warnings.append(ContentWarning(
            f"the defaults have since corrected item {item!r}; compare with `netlearn content"
            f" copy`", path=doc.path, line=doc.line("questions", where[item], "id"),
            level="note"))


def _load(content_dir, check_notebooks, use_cache=False, override=True, warnings=None
          ) -> tuple[Course | None, list[ContentError]]:
    if not override:
        override = None
    else:
        override = Path(content_dir) if content_dir is not None else override_content_dir()
    if override is not None and not override.is_dir():
        return None, [ContentError("is not a directory", path=override)]
    layers = Layers(override)
    problems: list[ContentError] = []
    sources: dict[str, Path] = {}
    known_valid = _known_valid() if use_cache else None
    newly_valid: set = set()

    def load(relative, schema_name):
        path = layers.find(relative)
        if path is None:
            return None
        sources[relative] = path
        try:
            doc = read_yaml(path)
            validate(doc, schema_name, known_valid)
        except ContentError as exc:
            problems.append(exc)
            return None
        newly_valid.add(_validation_key(doc, schema_name))
        return doc

    course_doc = load("course.yaml", "course")
    if course_doc is None:
        if not problems:
            problems.append(ContentError("course.yaml is missing", path=override or layers.default))
        return None, problems
    course_data = course_doc.data
    topics = []
    seen_topics: dict[str, int] = {}
    ids: dict[str, tuple] = {}  # course-wide unique ids -> (doc, keys)

    def unique(doc, value, *keys):
        if value in ids:
            other_doc, other_keys = ids[value]
            problems.append(doc.error(
                f"duplicate id {value!r} (also at {other_doc.path.name}:"
                f"{other_doc.line(*other_keys)})", *keys))
        else:
            ids[value] = (doc, keys)

    for index, entry in enumerate(course_data["topics"]):
        topic_id = entry["id"]
        if topic_id in seen_topics:
            problems.append(course_doc.error(f"duplicate topic id {topic_id!r}",
                                             "topics", index, "id"))
            continue
        seen_topics[topic_id] = index
        if entry["kind"] == "mistake" and not entry.get("mistake"):
            problems.append(course_doc.error(
                f"topic {topic_id!r} is a mistake topic but names no 'mistake'",
                "topics", index))
        topic = Topic(id=topic_id, kind=entry["kind"], title=entry["title"],
                      minutes=entry["minutes"], key_question=entry["key_question"],
                      mistake=entry.get("mistake", ""),
                      core_minutes=entry.get("core_minutes", 0))
        if topic.core_minutes > topic.minutes:
            problems.append(course_doc.error(
                f"topic {topic_id!r}: core_minutes ({topic.core_minutes}) is more than"
                f" minutes ({topic.minutes})", "topics", index, "core_minutes"))
        docs = {}
        for name, (schema_name, required_for) in TOPIC_FILES.items():
            relative = f"{topic_id}/{name}"
            if layers.find(relative) is None:
                if entry["kind"] in required_for:
                    problems.append(course_doc.error(
                        f"topic {topic_id!r} has no {relative}", "topics", index, "id"))
                continue
            doc = load(relative, schema_name)
            if doc is not None:
                docs[name] = doc
        _fill_topic(topic, docs, unique, problems)
        if warnings is not None and "questions.yaml" in docs:
            _review_questions(docs["questions.yaml"], layers, f"{topic_id}/questions.yaml",
                              warnings)
        topics.append(topic)

    if check_notebooks is not None:
        notebooks = Path(check_notebooks)
        for index, entry in enumerate(course_data["topics"]):
            if not (notebooks / f"{entry['id']}.ipynb").is_file():
                problems.append(course_doc.error(
                    f"topic {entry['id']!r} has no notebook {entry['id']}.ipynb in {notebooks}",
                    "topics", index, "id"))
    if problems:
        return None, problems
    if use_cache and not newly_valid <= known_valid:
        _remember_valid(newly_valid)
    return Course(
        title=course_data["title"], version=course_data["version"],
        words_per_minute=course_data.get("words_per_minute", 130), topics=topics,
        sources=sources, validation_keys=newly_valid,
        reading_words_per_minute=course_data.get("reading_words_per_minute", 200),
    ), []


def _fill_topic(topic: Topic, docs: dict, unique, problems: list) -> None:
    """Copy validated documents into ``topic`` and check what the schema cannot."""
    if "topic.yaml" in docs:
        doc = docs["topic.yaml"]
        topic.objectives = doc.data["objectives"]
        topic.tips = doc.data["tips"]
        topic.key_points = doc.data["key_points"]
        for i, item in enumerate(topic.objectives):
            unique(doc, item["id"], "objectives", i, "id")
        for i, item in enumerate(topic.tips):
            unique(doc, item["id"], "tips", i, "id")
        if topic.kind == "mistake" and not topic.tips:
            problems.append(doc.error("a mistake topic must name at least one tip", "tips"))
    if "questions.yaml" in docs:
        doc = docs["questions.yaml"]
        every = doc.data["questions"]
        topic.questions = [q for q in every
                           if not q.get("reserve", False) and not q.get("pretest", False)]
        topic.reserve_questions = [q for q in every if q.get("reserve", False)]
        topic.pretest_questions = [q for q in every if q.get("pretest", False)]
        # without a valid topic.yaml, reference checks would only repeat that problem
        _check_questions(topic, doc, unique, problems, check_refs="topic.yaml" in docs)
    if "self-assessment.yaml" in docs:
        doc = docs["self-assessment.yaml"]
        topic.statements = doc.data["statements"]
        for i, item in enumerate(topic.statements):
            unique(doc, item["id"], "statements", i, "id")
    if "reflections.yaml" in docs:
        doc = docs["reflections.yaml"]
        topic.prompts = doc.data["prompts"]
        for i, item in enumerate(topic.prompts):
            unique(doc, item["id"], "prompts", i, "id")
    if "scenarios.yaml" in docs:
        doc = docs["scenarios.yaml"]
        topic.scenarios = doc.data["scenarios"]
        for i, scenario in enumerate(topic.scenarios):
            unique(doc, scenario["id"], "scenarios", i, "id")
            problems.extend(scenario_problems(scenario, doc, ("scenarios", i)))
    if "facilitator.yaml" in docs:
        doc = docs["facilitator.yaml"]
        topic.facilitator = doc.data
        problems.extend(_note_problems(doc, [*topic.questions, *topic.reserve_questions]))


def _note_problems(doc: Document, questions: list) -> list[ContentError]:
    """Facilitator-note answers naming options their item does not have (errors, not cues)."""
    from netlearn.teaching.item_quality import note_problems

    notes = str(doc.data.get("notes") or "")
    block = 1 if "\n" in notes else 0  # a block scalar's text starts on the next line
    return [ContentError(finding.message, path=doc.path,
                         line=doc.line("notes") + block + notes[:finding.at].count("\n"))
            for finding in note_problems(notes, questions)]


def _check_questions(topic: Topic, doc: Document, unique, problems: list,
                     check_refs: bool = True) -> None:
    objective_ids = {o["id"] for o in topic.objectives}
    tip_ids = {t["id"] for t in topic.tips}
    assessed = {o: 0 for o in objective_ids}
    exercised = {t: 0 for t in tip_ids}
    for i, question in enumerate(doc.data["questions"]):
        unique(doc, question["id"], "questions", i, "id")
        if question.get("reserve", False) and question.get("pretest", False):
            problems.append(doc.error(
                f"question {question['id']!r} is marked both reserve and pretest; a"
                f" pre-question is neither in the quiz nor a reserve", "questions", i, "pretest"))
        options = question.get("choices") or question.get("responses") or []
        option_key = "choices" if "choices" in question else "responses"
        seen = set()
        for j, option in enumerate(options):
            if option["id"] in seen:
                problems.append(doc.error(f"duplicate {option_key[:-1]} id {option['id']!r} in"
                                          f" question {question['id']!r}",
                                          "questions", i, option_key, j, "id"))
            seen.add(option["id"])
        if question["type"] == "single":
            right = sum(c["correct"] for c in options)
            if right != 1:
                problems.append(doc.error(
                    f"single-choice question {question['id']!r} must have exactly one correct"
                    f" choice (has {right})", "questions", i, "choices"))
        elif question["type"] == "multiple":
            if not any(c["correct"] for c in options):
                problems.append(doc.error(
                    f"question {question['id']!r} has no correct choice",
                    "questions", i, "choices"))
        elif not any(r["rating"] == "best" for r in options):
            problems.append(doc.error(
                f"judgement question {question['id']!r} rates no response as best",
                "questions", i, "responses"))
        if not check_refs:
            continue
        for j, objective in enumerate(question["objectives"]):
            if objective not in objective_ids:
                problems.append(doc.error(
                    f"question {question['id']!r} names objective {objective!r}, which is not"
                    f" in {topic.id}/topic.yaml", "questions", i, "objectives", j))
            else:
                assessed[objective] += 1
        for j, tip in enumerate(question.get("tips", [])):
            if tip not in tip_ids:
                problems.append(doc.error(
                    f"question {question['id']!r} names tip {tip!r}, which is not in"
                    f" {topic.id}/topic.yaml", "questions", i, "tips", j))
            else:
                exercised[tip] += 1
    if not check_refs:
        return
    for objective, count in sorted(assessed.items()):
        if count < MIN_ITEMS_PER_OBJECTIVE:
            problems.append(doc.error(
                f"objective {objective!r} is assessed by {count} quiz item(s); at least"
                f" {MIN_ITEMS_PER_OBJECTIVE} are needed", "questions"))
    for tip, count in sorted(exercised.items()):
        if count == 0:
            problems.append(doc.error(f"tip {tip!r} is exercised by no quiz item", "questions"))


def scenario_problems(scenario: dict, doc: Document, keys: tuple) -> list[ContentError]:
    """Return problems in a branching scenario's graph.

    Dangling ``next`` references, a missing start node, nodes unreachable from the
    start, no ending at all, and nodes from which no ending can be reached.
    """
    nodes = scenario["nodes"]
    problems = []
    if scenario["start"] not in nodes:
        return [doc.error(f"scenario {scenario['id']!r} starts at {scenario['start']!r},"
                          " which is not a node", *keys, "start")]
    edges = {}
    for name, node in nodes.items():
        edges[name] = []
        for j, choice in enumerate(node.get("choices", [])):
            if choice["next"] not in nodes:
                problems.append(doc.error(
                    f"scenario {scenario['id']!r}: node {name!r} leads to {choice['next']!r},"
                    " which is not a node", *keys, "nodes", name, "choices", j, "next"))
            else:
                edges[name].append(choice["next"])
    endings = {name for name, node in nodes.items() if node.get("ending")}
    if not endings:
        problems.append(doc.error(f"scenario {scenario['id']!r} has no ending", *keys))
        return problems
    reachable = _walk(scenario["start"], edges)
    for name in nodes:
        if name not in reachable:
            problems.append(doc.error(
                f"scenario {scenario['id']!r}: node {name!r} cannot be reached from the start",
                *keys, "nodes", name))
    reverse: dict[str, list] = {name: [] for name in nodes}
    for name, targets in edges.items():
        for target in targets:
            reverse[target].append(name)
    can_finish = set()
    for ending in endings:
        can_finish |= _walk(ending, reverse)
    for name in sorted(reachable - can_finish):
        problems.append(doc.error(
            f"scenario {scenario['id']!r}: from node {name!r} no ending can be reached",
            *keys, "nodes", name))
    return problems


def _walk(start: str, edges: dict) -> set:
    seen = {start}
    stack = [start]
    while stack:
        for target in edges.get(stack.pop(), []):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


_cache: dict = {}


def course(content_dir=None) -> Course:
    """Return the course for the current settings, loading it once per content layer.

    The cache is keyed by the override directory and the files' modification
    times, so an edited YAML file is picked up on the next call.
    """
    override = Path(content_dir) if content_dir is not None else override_content_dir()
    key = override
    cached = _cache.get(key)
    if cached is not None:
        loaded, stamps = cached
        if all(_mtime(p) == m for p, m in stamps.items()) and _no_new_override(override, loaded):
            return loaded
    loaded = load_course(override, use_cache=True)
    _cache[key] = (loaded, {p: _mtime(p) for p in loaded.sources.values()})
    return loaded


def _no_new_override(override, loaded: Course) -> bool:
    if override is None:
        return True
    return all(
        loaded.sources.get(rel) == override / rel
        for rel in loaded.sources if (override / rel).is_file()
    )


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1
