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
        # Refuse aliases and deep nesting while composing, before any
        # recursion can run away.
        if self.check_event(yaml.events.AliasEvent):
            event = self.peek_event()
            raise YamlProblem(
                event.start_mark.line + 1,
                event.start_mark.column + 1,
                "yaml-alias",
                {"what": message("yaml-no-alias", name=event.anchor)},
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
            if "found another document" in reason:
                return None, None, [
                    YamlProblem(
                        line, column, "yaml-syntax", {"what": message("yaml-one-document")}
                    )
                ]
            if "maximum nesting depth" in reason:
                # libyaml stops deep flow nesting ([[[…) itself, before the token pre-scan
                # reaches MAX_DEPTH: say the same thing as for deep block nesting.
                return None, None, [YamlProblem(line, column, "yaml-too-deep", _TOO_DEEP)]
            at_tab = mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t"
            syntax = "yaml-syntax-tab" if at_tab or "\t" in reason or "tab" in reason else "yaml-syntax-error"
            return None, None, [YamlProblem(line, column, "yaml-syntax", {"what": message(syntax, reason=reason)})]
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
            reason = (exc.problem or str(exc)).strip()
            tag = "yaml-custom-tag" if "could not determine a constructor" in reason else "yaml-tag-error"
            return None, node, [YamlProblem(line, column, "yaml-tag", {"what": message(tag, reason=reason)})]
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
