"""The one contract of an activity row: what a valid row is, in pydantic.

:class:`ActivityRow` takes a row's text cells as a person typed them (in a
quarterly file or as ``add-activity`` options) and, with a
:class:`RowContext` (the plan, the stakeholder registry, the file's quarter
and delimiter) as pydantic's validation context, gives the typed row or
errors. Each field's type is an ``Annotated`` type whose validator says in
plain words what is wrong (a :class:`~pydantic_core.PydanticCustomError`
whose type is the issue's stable code), so :func:`issues_of` turns
pydantic's errors into :class:`~relint_kpi.issues.Issue` values without any
pydantic wording.

The reader of a whole file (:mod:`relint_kpi.actuals`) validates each
distinct cell text of a column once through the same field types
(:data:`FIELD_TYPES`), and maps the verdicts back to the rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError, ValidationInfo
from pydantic_core import PydanticCustomError

from relint_kpi.issues import BadValue, Issue, Message, message
from relint_kpi.numbers import parse_italian_int
from relint_kpi.periods import parse_date, quarter_bounds, quarter_label, quarter_of
from relint_kpi.plan import Plan
from relint_kpi.records import Stakeholder
from relint_kpi.territories import TerritoryIndex

M = TypeVar("M", bound=BaseModel)

COLUMNS = ("id", "date", "type", "territory", "title", "action", "participants", "stakeholders", "value", "notes", "venue")
#: The words of the ``venue`` column that mean the plan's own region.
REGION_WORDS = ("region", "regione", "sul territorio", "in the region")
REQUIRED_COLUMNS = ("date", "type", "title")


@dataclass(frozen=True)
class RowContext:
    """What a row is checked against: the plan, the registry, and the file it sits in.

    ``quarter``: the ``(year, quarter)`` of the file the row lives in (None
    for a row about to be written, which goes to its date's quarter);
    ``delimiter`` decides whether ``5.000`` means 5000 (only in ``;`` files).
    """

    plan: Plan
    stakeholders: dict[str, Stakeholder]
    quarter: tuple[int, int] | None = None
    delimiter: str = ","
    row_type: str | None = None  # the row's type id, when a territory is validated on its own

    @cached_property
    def types(self) -> dict[str, tuple[str, bool]]:
        """``(type id, needs a territory)`` by every word that names a type, casefolded."""
        return {
            word.casefold(): (kind.id, kind.needs_territory)
            for kind in self.plan.activity_types
            for word in [kind.id, *kind.aliases]
        }

    @cached_property
    def type_choices(self) -> Message:
        """The type words a message offers: each id with its label, then each type's first alias."""
        ids = [
            message("labelled-choice", id=kind.id, label={"it": kind.label.it, "en": kind.label.en})
            for kind in self.plan.activity_types
        ]
        aliases = [kind.aliases[0] for kind in self.plan.activity_types if kind.aliases]
        return message("choices-with-aliases", ids=ids, aliases=aliases) if aliases else message("choices", ids=ids)

    @cached_property
    def territories(self) -> TerritoryIndex:
        """Look-ups from codes and names to the plan's territories."""
        return TerritoryIndex(self.plan)

    @cached_property
    def action_ids(self) -> frozenset[str]:
        """The plan's action ids."""
        return frozenset(action.id for action in self.plan.actions)

    @cached_property
    def registry_by_folded_name(self) -> dict[str, str]:
        """Registered names by their casefolded form (names are unique case-insensitively)."""
        return {name.casefold(): name for name in self.stakeholders}


def fail(code: str, **params) -> PydanticCustomError:
    """The error a validator raises: ``code`` and ``params`` become the issue's (see :data:`relint_kpi.i18n.MESSAGES`)."""
    # The message goes in the context, rendered later in the run's language; user text
    # in its parameters is never read as a template.
    return PydanticCustomError(code, "{message}", {"message": Message(code, params)})


def _context(info: ValidationInfo) -> RowContext:
    return info.context


def _cell(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _date(value: Any, info: ValidationInfo) -> dt.date:
    text = _cell(value)
    if not text:
        raise fail("missing-date")
    try:
        date = parse_date(text)
    except BadValue as exc:
        raise fail("bad-date", reason=exc.message) from None
    context = _context(info)
    period = context.plan.metadata.period
    if context.quarter is not None and quarter_of(date) != context.quarter:
        first, last = quarter_bounds(*context.quarter)
        raise fail(
            "date-outside-quarter",
            date=date.isoformat(),
            quarter=quarter_label(*context.quarter),
            first=first.isoformat(),
            last=last.isoformat(),
            file=quarter_label(*quarter_of(date)) + ".csv",
        )
    if not period.start <= date <= period.end:
        raise fail("date-outside-plan", date=date.isoformat(), start=period.start.isoformat(), end=period.end.isoformat())
    return date


def _type(value: Any, info: ValidationInfo) -> str:
    text = _cell(value)
    context = _context(info)
    if not text:
        raise fail("missing-type", choices=context.type_choices)
    kind = context.types.get(text.casefold())
    if kind is None:
        raise fail("unknown-type", value=text, choices=context.type_choices)
    return kind[0]


def _territory(value: Any, info: ValidationInfo) -> str | None:
    """The territory's ISO code; required by the row's type (``info.data``, or the context's ``row_type``)."""
    text = _cell(value)
    context = _context(info)
    if text:
        code = context.territories.resolve(text)
        if code is None:
            raise fail("unknown-territory", value=text)
        return code
    row_type = info.data.get("type") if info.data is not None else context.row_type
    needs = context.types.get((row_type or "").casefold())
    if needs is not None and needs[1]:
        raise fail("missing-territory", type=needs[0])
    return None


def _venue(value: Any, info: ValidationInfo) -> str | None:
    """Where the activity took place, as an ISO code; None (blank) means where its territory is."""
    text = _cell(value)
    if not text:
        return None
    context = _context(info)
    region = context.plan.metadata.region_code
    names = {context.plan.metadata.region.it.casefold(), context.plan.metadata.region.en.casefold()}
    if text.casefold() in REGION_WORDS or text.casefold() in names:
        if region is None:
            raise fail("venue-no-region-code", value=text)
        return region
    code = context.territories.resolve(text)
    if code is None:
        raise fail("unknown-venue", value=text)
    return code


def _action(value: Any, info: ValidationInfo) -> str | None:
    text = _cell(value)
    action_ids = _context(info).action_ids
    if text and text not in action_ids:
        raise fail("unknown-action", value=text, choices=sorted(action_ids))
    return text or None


def _participants(value: Any, info: ValidationInfo) -> int | None:
    text = _cell(value)
    if not text:
        return None
    try:
        return parse_italian_int(text, _context(info).delimiter)
    except BadValue as exc:
        raise fail("bad-participants", reason=exc.message) from None


def _value(value: Any, info: ValidationInfo) -> int:
    text = _cell(value)
    if not text:
        return 1
    try:
        number = parse_italian_int(text, _context(info).delimiter)
    except BadValue as exc:
        raise fail("bad-value", reason=message("in-field", field="value", reason=exc.message)) from None
    if number < 1:
        raise fail("bad-value", reason=message("value-below-one"))
    return number


def _title(text: str) -> str:
    text = text.strip()
    if not text:
        raise fail("missing-title")
    return text


def split_names(value: Any) -> list[str]:
    """A stakeholders cell's names: split at ``|``, trimmed, empty parts dropped."""
    return [name.strip() for name in _cell(value).split("|") if name.strip()]


def _stakeholder(value: Any, info: ValidationInfo) -> str:
    """A registered stakeholder's name as the registry writes it (matched case-insensitively)."""
    name = _cell(value)
    context = _context(info)
    if name in context.stakeholders:
        return name
    known = context.registry_by_folded_name.get(name.casefold())
    if known is None:
        raise fail("unknown-stakeholder", name=name)
    return known


def once_each(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names in order, each once (a cell may name a stakeholder twice, in two spellings)."""
    return tuple(dict.fromkeys(names))


# Python's str.strip: it trims what a person sees as blank, control separators included.
Text = Annotated[str, AfterValidator(str.strip)]
Title = Annotated[str, AfterValidator(_title)]  # trimmed as Text, then required
Date = Annotated[dt.date, BeforeValidator(_date)]
TypeId = Annotated[str, BeforeValidator(_type)]
Territory = Annotated[str | None, BeforeValidator(_territory)]
Action = Annotated[str | None, BeforeValidator(_action)]
Venue = Annotated[str | None, BeforeValidator(_venue)]
Participants = Annotated[int | None, BeforeValidator(_participants)]
Value = Annotated[int, BeforeValidator(_value)]
StakeholderName = Annotated[str, BeforeValidator(_stakeholder)]
StakeholderNames = Annotated[tuple[StakeholderName, ...], BeforeValidator(split_names), AfterValidator(once_each)]


class ActivityRow(BaseModel):
    """A valid activity row: the plan's type id, an ISO territory code, registered names.

    Validate text cells with ``ActivityRow.model_validate(cells,
    context=RowContext(...))``; a column left out of the file is an empty
    cell. ``type`` is declared before ``territory`` because whether a
    territory is required depends on the row's type.
    """

    # defer_build: the schema is built when a row is first validated, not at import.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: Text = Field(default="", validate_default=True)
    date: Date = Field(default="", validate_default=True)
    type: TypeId = Field(default="", validate_default=True)
    territory: Territory = Field(default="", validate_default=True)
    title: Title = Field(default="", validate_default=True)
    action: Action = Field(default="", validate_default=True)
    participants: Participants = Field(default="", validate_default=True)
    stakeholders: StakeholderNames = Field(default="", validate_default=True)
    value: Value = Field(default="", validate_default=True)
    notes: Text = Field(default="", validate_default=True)
    venue: Venue = Field(default="", validate_default=True)


#: Each column's field type, to validate a column's distinct values through it
#: (the reader builds its adapters: add-activity validates one row, with the model).
FIELD_TYPES = {
    "id": Text,
    "date": Date,
    "type": TypeId,
    "territory": Territory,
    "title": Title,
    "action": Action,
    "participants": Participants,
    "stakeholders": StakeholderNames,
    "value": Value,
    "notes": Text,
    "venue": Venue,
}


@lru_cache(maxsize=None)
def _field_adapter(name: str) -> TypeAdapter:
    """A validator of one column's cell, built the first time a cell of it is checked alone."""
    return TypeAdapter(FIELD_TYPES[name])


def check_cell(name: str, text: str, context: RowContext, *, path: str = "add-activity") -> tuple[Any, Issue | None]:
    """One cell checked on its own through its field type: ``(value, None)`` or ``(None, issue)``.

    For a prompt that checks each answer as it is given; whether a blank
    territory is allowed depends on ``context.row_type``.
    """
    try:
        return _field_adapter(name).validate_python(text, context=context), None
    except ValidationError as exc:
        error = exc.errors()[0]
        return None, issue_of({**error, "loc": (name, *error["loc"])}, path, 0, {})


def issue_of(error: dict, path: str, line: int, columns: dict[str, int]) -> Issue:
    """One pydantic error of a row's validation as an :class:`Issue` at the cell's column.

    ``error`` is an entry of ``ValidationError.errors()``; its first ``loc``
    item names the field. Errors raised by this module carry their code and
    message; pydantic's own are translated by :data:`_BUILT_IN`.
    """
    field = str(error["loc"][0]) if error["loc"] else ""
    said = (error.get("ctx") or {}).get("message")
    if not isinstance(said, Message):
        said = message("bad-cell", field=field)
    return Issue(path, line, columns.get(field, 0), said.code, said.params)


def validate_cells(model: type[M], cells: dict[str, str], context: Any, *, path: str, line: int, columns: dict[str, int]) -> tuple[M | None, list[Issue]]:
    """Validate one row of text cells with ``model``; ``(row, [])`` or ``(None, issues)`` in column order."""
    try:
        return model.model_validate(cells, context=context), []
    except ValidationError as exc:
        return None, sorted(issue_of(error, path, line, columns) for error in exc.errors())


def validate_row(cells: dict[str, str], context: RowContext, *, path: str, line: int, columns: dict[str, int]) -> tuple[ActivityRow | None, list[Issue]]:
    """Validate one activity row of text cells (see :func:`validate_cells`)."""
    return validate_cells(ActivityRow, cells, context, path=path, line=line, columns=columns)
