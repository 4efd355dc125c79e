"""Read YAML safely and keep the line of every value.

The plan is hand-edited, so the reader must turn every YAML trap into a clean
``path:line:col`` issue instead of a traceback or a silently changed value:

* only the safe loader; ``!!python/...`` tags are refused by it;
* duplicate mapping keys are an error (PyYAML silently keeps the last one),
  compared as the values they construct, so ``2023`` and ``+2023`` (or
  ``1`` and ``true``) are the same key, as they would be in the plan;
* merge keys (``<<``, ``!!merge``) are refused: they copy keys in silently;
* a value that cannot be built (``end: 2023-02-29``, ``!!int abc``) is
  reported at its own line and column, in plain words;
* anchors and aliases are refused (no "billion laughs" expansion);
* nesting deeper than :data:`MAX_DEPTH` is refused before it can exhaust
  the stack;
* YAML 1.1 implicit types that change a value behind the user's back are
  switched off: ``NO``/``yes``/``on`` stay strings, ``0123`` and ``1:30``
  stay strings, ``5.000`` is a float (so an integer field rejects it).
  Only ``true``/``false``, plain decimal integers, plain decimals and ISO
  dates are typed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

import yaml

from relint_kpi.i18n import render
from relint_kpi.issues import Message, message

MAX_DEPTH = 64
_TOO_DEEP = {"what": message("yaml-deeper-than", levels=MAX_DEPTH)}


class _StrictResolver(yaml.resolver.BaseResolver):
    """YAML 1.2-core-like implicit typing: no yes/no, octal or sexagesimal."""


_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*))$"), list("-+0123456789")
)
_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?)$"),
    list("-+0123456789"),
)
_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp", re.compile(r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2})$"), list("0123456789")
)


_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")


def _date_problem(value: str, year: int, month: int) -> Message:
    """Why ``value`` (YYYY-MM-DD) is no calendar date, in plain words."""
    if not 1 <= month <= 12:
        return message("yaml-no-month", value=value, month=month)
    if year == 0:
        return message("yaml-no-year", value=value)
    return message("yaml-no-day", value=value, month=month, year=year, days=calendar.monthrange(year, month)[1])


#: What a value of each tag must be, for the message when it cannot be built.
_KIND = {"tag:yaml.org,2002:int": "yaml-kind-int", "tag:yaml.org,2002:float": "yaml-kind-float"}


class _Constructor(yaml.constructor.SafeConstructor):
    """The safe constructor, with every value that cannot be built reported at its own node."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError) as exc:
            mark = node.start_mark
            value = node.value if isinstance(node, yaml.ScalarNode) else ""
            date = _ISO_DATE.match(value) if node.tag == "tag:yaml.org,2002:timestamp" else None
            if date:
                text = _date_problem(value, int(date[1]), int(date[2]))
            elif node.tag == "tag:yaml.org,2002:timestamp":
                text = message("yaml-bad-value", value=value, kind=message("yaml-kind-date"))
            elif node.tag in _KIND:
                text = message("yaml-bad-value", value=value, kind=message(_KIND[node.tag]))
            else:
                text = message("yaml-bad-value", value=value, kind=node.tag.rsplit(":", 1)[-1])
            raise YamlProblem(mark.line + 1, mark.column + 1, "yaml-value", {"reason": text}) from exc


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Constructor,
    _StrictResolver,
):
    def __init__(self, stream):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Constructor.__init__(self)
        _StrictResolver.__init__(self)

    def compose_node(self, parent, index):
        # Refuse anchors, aliases and deep nesting while composing, before any
        # recursion can run away (as _prescan does for libyaml).
        event = self.peek_event()
        if getattr(event, "anchor", None) is not None:
            kind = "yaml-no-alias" if isinstance(event, yaml.events.AliasEvent) else "yaml-no-anchor"
            raise YamlProblem(
                event.start_mark.line + 1,
                event.start_mark.column + 1,
                "yaml-alias",
                {"what": message(kind, name=event.anchor)},
            )
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise YamlProblem(
                    mark.line + 1,
                    mark.column + 1,
                    "yaml-too-deep",
                    _TOO_DEEP,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


if yaml.__with_libyaml__:

    class _FastLoader(yaml.cyaml.CParser, _Constructor, _StrictResolver):
        """libyaml's parser (10–20× faster) with the same constructor and resolver.

        libyaml composes recursively and expands nothing itself, so
        :func:`_prescan` refuses aliases and deep nesting from the token
        stream before this loader composes anything.
        """

        def __init__(self, stream):
            yaml.cyaml.CParser.__init__(self, stream)
            _Constructor.__init__(self)
            _StrictResolver.__init__(self)

else:  # pragma: no cover - PyYAML wheels ship libyaml
    _FastLoader = None

_OPENERS = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
_CLOSERS = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _prescan(text: str) -> "YamlProblem | None":
    """Refuse anchors, aliases and deep nesting by reading tokens (no recursion)."""
    depth = 0
    for token in yaml.scan(text, Loader=yaml.CSafeLoader):
        if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
            kind = "yaml-no-alias" if isinstance(token, yaml.AliasToken) else "yaml-no-anchor"
            return YamlProblem(
                token.start_mark.line + 1,
                token.start_mark.column + 1,
                "yaml-alias",
                {"what": message(kind, name=token.value)},
            )
        if isinstance(token, _OPENERS):
            depth += 1
            if depth > MAX_DEPTH:
                return YamlProblem(
                    token.start_mark.line + 1,
                    token.start_mark.column + 1,
                    "yaml-too-deep",
                    _TOO_DEEP,
                )
        elif isinstance(token, _CLOSERS):
            depth -= 1
    return None


def _reader_problem(text: str, exc: yaml.reader.ReaderError) -> "YamlProblem":
    """A character YAML refuses (control characters), with its line and column."""
    before = text[: exc.position]
    line = before.count("\n") + 1
    column = exc.position - (before.rfind("\n") + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    return YamlProblem(
        line, column, "yaml-character", {"char": f"U+{code:04X}"}
    )


#: The line breaks YAML counts (libyaml and PyYAML alike), to find a mark's line in the text.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
#: What the parsers say when a block mapping or list meets something it cannot take (libyaml, PyYAML).
_BLOCK_END = ("did not find expected key", "did not find expected '-' indicator", "expected <block end>")


@dataclass(frozen=True)
class _BadSyntax:
    """A syntax error of libyaml or PyYAML, and the plan's text to read around its marks.

    The two parsers word their errors differently (libyaml: ``mapping values are
    not allowed in this context``, PyYAML: ``… here``) and libyaml names no
    character, so what the user wrote is read from the text at the marks.
    """

    text: str
    context: str
    problem: str
    at: yaml.Mark | None
    opened: yaml.Mark | None

    def _line(self, mark: yaml.Mark | None) -> str:
        lines = _LINE_BREAK.split(self.text)
        return lines[mark.line] if mark is not None and mark.line < len(lines) else ""

    def char(self, mark: yaml.Mark | None = None) -> str:
        """The character at ``mark`` (default: the problem's), ``""`` at a line's or the text's end."""
        mark = mark or self.at
        line = self._line(mark)
        return line[mark.column] if mark is not None and mark.column < len(line) else ""

    def word(self) -> str:
        """The text from the problem's mark to the next space, at most 20 characters."""
        rest = self._line(self.at)[self.at.column :] if self.at is not None else ""
        return (rest.split() or [""])[0][:20]

    def before(self) -> str:
        """The problem's line up to its mark, without trailing spaces."""
        return self._line(self.at)[: self.at.column].rstrip() if self.at is not None else ""

    def escape(self) -> str:
        """The backslash sequence the problem's mark is on or just after (``\\U``, ``\\q``)."""
        line = self._line(self.at)
        start = line.rfind("\\", 0, self.at.column + 1) if self.at is not None else -1
        return line[start : start + 2] if start >= 0 else "\\"

    def opened_at(self) -> tuple[int, int]:
        """1-based line and column of the context mark: where the quote, bracket, key or mapping began."""
        mark = self.opened or self.at
        return (mark.line + 1, mark.column + 1) if mark else (0, 0)


def _syntax_reason(error: _BadSyntax) -> Message:
    """A syntax error a person editing a plan makes, as a catalogued message.

    PyYAML's and libyaml's stable wordings are matched; a wording not listed
    keeps a plain lead and the parser's own text (``yaml-syntax-error``).
    """
    context, problem = error.context, error.problem
    line, column = error.opened_at()
    if "found another document" in problem:
        return message("yaml-one-document")
    if error.char() == "\t" or "\\t" in problem or " tab " in problem:
        return message("yaml-tab")
    if "<document start>" in problem:
        return message("yaml-after-document-end")
    if "cannot start any token" in problem:
        return message("yaml-cannot-start", char=error.char())
    if context in ("while scanning an alias", "while scanning an anchor") and "alphabetic or numeric" in problem:
        return message("yaml-cannot-start", char=error.char(error.opened))  # a value that begins with * or &
    if problem.startswith("mapping values are not allowed"):
        return message("yaml-colon-in-value")
    if "sequence entries are not allowed" in problem:
        return message("yaml-dash-in-value")
    if "could not find expected ':'" in problem:
        return message("yaml-missing-colon", line=line)
    if context == "while scanning a quoted scalar" and ("end of stream" in problem or "document" in problem):
        return message("yaml-unclosed-quote", quote=error.char(error.opened), line=line, column=column)
    if context in ("while parsing a flow sequence", "while parsing a flow mapping") and "expected ',' or" in problem:
        brackets = "[]" if "sequence" in context else "{}"
        return message("yaml-unclosed-bracket", open=brackets[0], close=brackets[1], line=line, column=column)
    found = error.char()
    if context == "while parsing a flow node" and "node content" in problem:
        return message("yaml-flow-missing-value", found=found) if found else message("yaml-flow-ends-early")
    if context == "while parsing a block node" and "node content" in problem and found:
        return message("yaml-stray-closer", found=found) if found in "]}" else message("yaml-cannot-start", char=found)
    if context in ("while parsing a block mapping", "while parsing a block collection") and problem.startswith(_BLOCK_END):
        return _misplaced(error, line, column)
    # libyaml says "hexdecimal", PyYAML "hexadecimal": a \U in double quotes, as in a Windows path (C:\Users).
    if "unknown escape character" in problem or ("hex" in problem and "quoted scalar" in context):
        return message("yaml-bad-escape", escape=error.escape())
    if context == "while scanning a block scalar" and ("comment or" in problem or "chomping or indentation" in problem):
        return message("yaml-block-scalar-header", indicator=error.char(error.opened))
    # No "found duplicate anchor" or "found undefined alias" here: every anchor and
    # alias is refused before the parser could say so (yaml-no-anchor, yaml-no-alias).
    return message("yaml-syntax-error", reason=problem)


def _constructor_reason(problem: str) -> Message:
    """A value the safe loader cannot build (a tag, a list as a key), as a catalogued message."""
    tag = re.search(r"constructor for the tag '([^']*)'", problem)
    if tag:
        # Shown as the file writes it: '!!python/…', not the tag's long form.
        return message("yaml-custom-tag", tag=re.sub(r"^tag:yaml\.org,2002:", "!!", tag.group(1)))
    if "unhashable key" in problem:
        return message("yaml-complex-key")
    return message("yaml-error", reason=problem)


def _misplaced(error: _BadSyntax, line: int, column: int) -> Message:
    """Something a block mapping or list cannot take: text after a closed value, or a line indented wrong.

    ``line`` and ``column`` are where the mapping or list began.
    """
    before = error.before()
    if before.endswith("'"):
        return message("yaml-text-after-single-quote")
    if before.endswith('"'):
        return message("yaml-text-after-double-quote")
    if before:
        return message("yaml-text-after-value", found=error.word())
    if "collection" in error.context:
        return message("yaml-bad-indent-item", line=line, column=column)
    if error.char() == "-":
        return message("yaml-item-in-mapping", line=line, column=column)
    return message("yaml-bad-indent", line=line, column=column)


def _syntax_problem(text: str, exc: yaml.MarkedYAMLError) -> YamlProblem:
    """A syntax error at its line and column, said in the run's language."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    what = _syntax_reason(_BadSyntax(text, exc.context or "", exc.problem or str(exc), mark, exc.context_mark))
    return YamlProblem(line, column, "yaml-syntax", {"what": what})


@dataclass
class YamlProblem(Exception):
    """A problem found while reading YAML, with its 1-based position."""

    line: int
    column: int
    code: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The problem in the run's language."""
        return render(self.code, self.params)


_MERGE = "tag:yaml.org,2002:merge"


def _check_keys(node: yaml.Node, loader, problems: list[YamlProblem]) -> None:
    """Refuse merge keys, and keys equal once built (``2023`` and ``+2023``), in every mapping.

    Keys are built with the loader's own constructor, so two keys are the
    same exactly when the plan's dict would hold only one of them.
    """
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[object, yaml.Node] = {}
            for key_node, value_node in current.value:
                stack.append(value_node)
                if not isinstance(key_node, yaml.ScalarNode):
                    continue  # a mapping or list as a key: the constructor refuses it, with its line
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                if key_node.tag == _MERGE or (key_node.value == "<<" and not key_node.style):
                    problems.append(YamlProblem(line, column, "yaml-merge-key"))
                    continue
                key = loader.construct_object(key_node)
                try:
                    first = seen.get(key)
                except TypeError:
                    continue  # an unhashable key: the constructor says so
                if first is None:
                    seen[key] = key_node
                    continue
                at = first.start_mark.line + 1
                if first.value == key_node.value:
                    text = message("yaml-repeated-key", key=key_node.value, first=at)
                else:
                    text = message("yaml-same-key", key=key_node.value, first=first.value, line=at)
                problems.append(YamlProblem(line, column, "yaml-duplicate-key", {"what": text}))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def load_yaml(text: str) -> tuple[object, yaml.Node | None, list[YamlProblem]]:
    """Parse ``text`` and return ``(data, root_node, problems)``.

    ``root_node`` lets callers find the line of any value (see
    :func:`node_at`). When there are problems, ``data`` is ``None``.
    """
    if _FastLoader is not None:
        try:
            problem = _prescan(text)
        except yaml.reader.ReaderError as exc:
            problem = _reader_problem(text, exc)
        except yaml.YAMLError:
            problem = None  # the loader below reports syntax errors with their position
        if problem is not None:
            return None, None, [problem]
        loader = _FastLoader(text)
    else:
        loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except YamlProblem as problem:
            return None, None, [problem]
        except yaml.reader.ReaderError as exc:
            return None, None, [_reader_problem(text, exc)]
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            reason = exc.problem or str(exc)
            if "maximum nesting depth" in reason:
                # libyaml stops deep flow nesting ([[[…) itself, before the token pre-scan
                # reaches MAX_DEPTH: say the same thing as for deep block nesting.
                return None, None, [YamlProblem(line, column, "yaml-too-deep", _TOO_DEEP)]
            return None, None, [_syntax_problem(text, exc)]
        except yaml.YAMLError as exc:
            return None, None, [YamlProblem(0, 0, "yaml-syntax", {"what": message("yaml-error", reason=str(exc))})]
        except RecursionError:
            return None, None, [YamlProblem(0, 0, "yaml-too-deep", {"what": message("yaml-too-deep-indentation")})]
        if node is None:
            return None, None, [YamlProblem(1, 1, "yaml-empty")]
        problems: list[YamlProblem] = []
        try:
            _check_keys(node, loader, problems)
        except YamlProblem as problem:
            problems.append(problem)
        if problems:
            return None, node, sorted(problems, key=lambda p: (p.line, p.column))
        try:
            data = loader.construct_document(node)
        except YamlProblem as problem:
            return None, node, [problem]
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            return None, node, [YamlProblem(line, column, "yaml-tag", {"what": _constructor_reason((exc.problem or str(exc)).strip())})]
        except (ValueError, TypeError) as exc:
            mark = node.start_mark
            return None, node, [YamlProblem(mark.line + 1, mark.column + 1, "yaml-value", {"reason": str(exc)})]
        return data, node, []
    finally:
        loader.dispose()


def node_at(root: yaml.Node | None, path: tuple) -> tuple[int, int]:
    """Return the 1-based ``(line, column)`` of the value at ``path``.

    ``path`` is a pydantic-style location (keys and list indexes). Walks as
    far as the path resolves and returns the position of the deepest node
    found, so a missing field points at its parent mapping.
    """
    if root is None:
        return 0, 0
    node = root
    for part in path:
        nxt = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                    nxt = value_node
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            nxt = node.value[part]
        if nxt is None:
            break
        node = nxt
    return node.start_mark.line + 1, node.start_mark.column + 1
