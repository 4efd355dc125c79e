"""The plan: pydantic models of the YAML plan file and its loader.

A plan says what an office set out to do over a period: objectives,
expected results, indicators with yearly targets, priority territories,
systemic actions with timing windows, and evaluation criteria. Nothing here
knows any particular region: a new plan is a new YAML file.

``load_plan(path)`` returns ``(plan, issues)``. The models check the shape
of each part (strict types, unknown keys rejected); the functions in
:data:`PLAN_CHECKS` check that the parts fit together (ids unique,
references resolve, target years inside the period, territory codes valid).
Every problem carries the YAML line of the offending value.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, StringConstraints, ValidationError
from pydantic_core import PydanticCustomError

from relint_kpi import territories
from relint_kpi.issues import Issue, Message, display_path, message
from relint_kpi.periods import years_between

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_\-]*$", max_length=64)]
Lang = Literal["it", "en"]
LANGS: tuple[str, ...] = ("it", "en")


class Model(BaseModel):
    """Base of every plan model: strict types, unknown keys rejected, immutable."""

    # defer_build: the schema is built once, for the whole plan, when a plan is
    # first validated, rather than model by model at import.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Text(Model):
    """A human-readable text in Italian (the plan's language) and English."""

    it: Annotated[str, StringConstraints(min_length=1)]
    en: Annotated[str, StringConstraints(min_length=1)]

    def get(self, lang: str) -> str:
        """Return the text in ``lang`` ("it" or "en")."""
        return self.en if lang == "en" else self.it


class Period(Model):
    """The dates the plan covers, both inclusive."""

    start: dt.date
    end: dt.date

    @property
    def years(self) -> list[int]:
        """Every calendar year the period touches, in order."""
        return years_between(self.start, self.end)


class Metadata(Model):
    """Who approved the plan, for which territory, from which document."""

    title: Text
    region: Text
    office: Text
    period: Period
    approving_act: Text
    source_document: str
    data_dir: str | None = None  # the plan's data folder, relative to the plan file
    language: Literal["it", "en"] = "it"  # the plan's own language: relint speaks it when the locale names none
    #: The ISO 3166-2 code of the plan's own region (``IT-45``): what the word
    #: ``region`` means in an indicator's ``where`` and in the ``venue`` column.
    region_code: str | None = None
    notes: Text | None = None


#: How an indicator's figure adds up over time. ``annual``: the year's own
#: quantity (rows of the year summed). ``cumulative``: the running total from
#: the plan's start. ``level``: the latest recorded value (agreements in force,
#: a qualitative assessment), never a sum.
Basis = Literal["annual", "cumulative", "level"]

#: What an indicator measures: ``count`` (a number of rows, participants,
#: views…), ``percentage`` (a numerator source over a denominator source) or
#: ``qualitative`` (a level of a scale the indicator declares).
Measure = Literal["count", "percentage", "qualitative"]

#: Whether more is better (``increase``) or less is (``decrease``).
Direction = Literal["increase", "decrease"]


#: Where an indicator's actual figure comes from: ``activity_count`` sums
#: ``value`` over rows of one activity type; ``participants`` sums
#: ``participants`` over rows of one type; ``metric`` sums ``value`` over
#: metric rows (page views); ``new_stakeholders`` counts stakeholders in the
#: year of their first involvement.
SourceKind = Literal["activity_count", "participants", "metric", "new_stakeholders"]

#: The word of a ``where`` territory list that means the plan's own region.
REGION = "region"


class Where(Model):
    """Which of a source's rows count: every list given must match (an empty list matches all).

    ``types``: activity-type ids. ``territories``: the row's territory, as an
    ISO code, a territory group id or ``region`` (the plan's own region);
    ``held_in``: where the activity took place (the ``venue`` column), in the
    same words. ``linked_to_action``: true keeps rows that name a plan action,
    false rows that name none. ``stakeholder_categories``: rows naming a
    stakeholder of one of these categories (for new stakeholders: the
    stakeholder's own category).
    """

    types: list[Identifier] = []
    territories: list[str] = []
    held_in: list[str] = []
    linked_to_action: bool | None = None
    stakeholder_categories: list[Identifier] = []


class Source(Model):
    """The rows an indicator's actuals are computed from."""

    kind: SourceKind
    activity_type: Identifier | None = None
    metric: Identifier | None = None
    where: Where | None = None


#: The breakdowns an indicator is reported by.
Disaggregation = Literal["territory", "type", "internal", "category"]


def _target_value(value: object) -> int | float | str:
    """A target or baseline: a number (count, percentage) or a scale level id (qualitative).

    Which of the two an indicator needs is checked with the whole plan
    (:func:`check_measures`), where the indicator's measure is known.
    """
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    if isinstance(value, (int, float)):
        if value < 0:
            raise PydanticCustomError("greater_than_equal", "Input should be greater than or equal to 0", {"ge": 0})
        return value
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise PydanticCustomError("int_type", "Input should be a valid integer")


#: A target or a baseline value, see :func:`_target_value`.
TargetValue = Annotated[int | float | str, PlainValidator(_target_value)]


class Baseline(Model):
    """Where an indicator stood before the plan: a value (or scale level) and its year."""

    value: TargetValue
    year: int
    notes: Text | None = None


class ScaleLevel(Model):
    """One level of a qualitative indicator's scale (scales go from worst to best)."""

    id: Identifier
    label: Text


class Indicator(Model):
    """A monitored indicator with its targets per year.

    ``territory_targets`` optionally sets targets for single priority
    territories (``{DE-HE: {2023: 2}}``): ``relint status --territory``
    judges a territory against its own target, never the whole plan's.
    ``children``: the ids of the indicators this one is the parent of (its
    breakdown); a parent has no source of its own, its figure is the sum of
    its children's and, without targets of its own, so is its target.
    ``reading``: how relint reads the plan's wording where it is ambiguous.
    """

    id: Identifier
    title: Text
    unit: Text
    measure: Measure = "count"
    source: Source | None = None
    numerator: Source | None = None
    denominator: Source | None = None
    scale: list[ScaleLevel] = []
    basis: Basis
    direction: Direction = "increase"
    baseline: Baseline | None = None
    children: list[Identifier] = []
    disaggregations: list[Disaggregation] = []
    targets: dict[int, TargetValue] = {}
    territory_targets: dict[str, dict[int, Annotated[int, Field(ge=0)]]] = {}
    notes: Text | None = None
    reading: Text | None = None

    def sources(self) -> list[tuple[str, Source]]:
        """The indicator's sources with the key each is written under."""
        named = (("source", self.source), ("numerator", self.numerator), ("denominator", self.denominator))
        return [(key, source) for key, source in named if source is not None]

    def level_index(self, level: object) -> int | None:
        """The position of scale level ``level`` (0 = worst), or None when it is no level of the scale."""
        for position, item in enumerate(self.scale):
            if item.id == level:
                return position
        return None


class Objective(Model):
    """An objective of the office with the activities it lists for it."""

    id: Annotated[int, Field(ge=1)]
    title: Text
    activities: list[Text]


class Result(Model):
    """An expected result (outcome), the objectives it serves and its indicators."""

    id: Identifier
    title: Text
    objectives: list[int]
    indicators: list[Identifier]


class Territory(Model):
    """A priority target territory: an ISO 3166-1 country or ISO 3166-2 subdivision."""

    code: str
    name: Text


class TerritoryGroup(Model):
    """A group of priority territories as the plan groups them.

    ``countries`` lists further ISO 3166-1 codes that belong to the group
    without being named priority territories (the plan sometimes names an
    area, e.g. "the Mediterranean basin", rather than countries).
    """

    id: Identifier
    title: Text
    description: Text | None = None
    territories: list[Territory] = []
    countries: list[str] = []


class Timing(Model):
    """An action's timing window, as written in the plan and as dates."""

    label: Text
    start: dt.date
    end: dt.date


class Action(Model):
    """A systemic international action of the action matrix."""

    id: Identifier
    goal: Identifier
    title: Text
    territory: str | None = None
    timing: Timing
    regional_sectors: list[str] = []
    stakeholders: list[str] = []
    deliverables: list[Text]
    office_support: list[Text] = []
    spillover: list[Text] = []


class StrategicGoal(Model):
    """A strategic goal of the action matrix (first column)."""

    id: Identifier
    title: Text


#: The evaluation criteria relint knows how to compute from the data.
CriterionKind = Literal["relations_continuity", "thematic_coverage", "stakeholder_continuity", "spillover"]


class EvaluationCriterion(Model):
    """An element of the plan's final evaluation and how relint measures it."""

    id: Identifier
    title: Text
    measure: CriterionKind


class ActivityType(Model):
    """A kind of logged activity (delegation, meeting, …) or metric row."""

    id: Identifier
    label: Text
    aliases: list[str] = []
    metric: bool = False
    needs_territory: bool = True


class StakeholderCategory(Model):
    """A category of the stakeholder registry (university, business, …)."""

    id: Identifier
    label: Text


class Thresholds(Model):
    """Status bands, as ratios of actual to the expected-to-date value.

    achieved: actual ≥ the year's target. Otherwise on track when
    actual/expected ≥ ``on_track``, at risk when ≥ ``at_risk``, else behind.
    """

    on_track: Annotated[float, Field(gt=0, le=1)]
    at_risk: Annotated[float, Field(gt=0, le=1)]


class PageViewsImport(Model):
    """How ``import-pageviews`` recognises the plan's web section in an export."""

    metric: Identifier
    url_patterns: list[str]
    label_patterns: list[str] = []


class CsvFormat(Model):
    """How relint writes a data file when the folder has none to copy (its first quarter file).

    A file that exists keeps its own form, and a new quarter file takes the
    form of the folder's other quarter files; this is the form of the very
    first one. The default is what Excel with Italian settings saves ("CSV
    (separatore: punto e virgola)"): ``;``, UTF-8 with a BOM, CRLF line ends,
    dates as 11/03/2023.
    """

    delimiter: Literal[";", ",", "\t"] = ";"
    encoding: Literal["utf-8", "cp1252"] = "utf-8"
    bom: bool = True
    line_end: Literal["crlf", "lf"] = "crlf"
    dates: Literal["dd/mm/yyyy", "yyyy-mm-dd"] = "dd/mm/yyyy"
    #: ``id``: type words as the plan's ids (meeting); ``alias``: each type's first alias (incontro).
    type_words: Literal["id", "alias"] = "id"


#: IATI OrganisationType codes (government, local government, NGOs, multilaterals, …).
OrganisationType = Literal["10", "11", "15", "21", "22", "23", "24", "30", "40", "60", "70", "71", "72", "73", "80", "90"]


class IatiSettings(Model):
    """What an IATI 2.03 export needs that the rest of the plan does not say.

    ``organisation_identifier`` follows org-id.guide (``IT-CF-`` and the
    Italian fiscal code for an Italian public body); ``activity_identifier``
    starts with it. ``dac_sectors`` maps every strategic goal to a DAC
    5-digit purpose code; left empty, the goals are exported as sectors in
    the region's own vocabulary.
    """

    organisation_identifier: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]+(-[A-Za-z0-9._]+)+$", max_length=100)]
    organisation_type: OrganisationType = "11"
    activity_identifier: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=150)]
    language: Lang = "it"
    description: Text | None = None
    dac_sectors: dict[Identifier, Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]] = {}


class Plan(Model):
    """A whole operational plan."""

    schema_version: Literal[1]
    metadata: Metadata
    thresholds: Thresholds
    activity_types: list[ActivityType]
    stakeholder_categories: list[StakeholderCategory]
    objectives: list[Objective]
    results: list[Result]
    indicators: list[Indicator]
    territory_groups: list[TerritoryGroup]
    strategic_goals: list[StrategicGoal]
    actions: list[Action]
    evaluation_criteria: list[EvaluationCriterion]
    pageviews_import: PageViewsImport | None = None
    csv_format: CsvFormat = CsvFormat()
    iati: IatiSettings | None = None

    # -- look-ups used across the code base -------------------------------
    @property
    def years(self) -> list[int]:
        """The calendar years of the plan period."""
        return self.metadata.period.years

    def parent_of(self, indicator_id: str) -> Indicator | None:
        """The indicator whose ``children`` list ``indicator_id``, or None."""
        for indicator in self.indicators:
            if indicator_id in indicator.children:
                return indicator
        return None

    def with_families(self, indicator_ids: list[str]) -> list[str]:
        """``indicator_ids`` with each one's parent before it and its children after it, each once.

        A result lists the indicators it is measured by; a parent of one of
        them, or the children of a parent listed, belong with it wherever a
        result's indicators are shown or exported.
        """
        shown: list[str] = []
        for indicator_id in indicator_ids:
            parent = self.parent_of(indicator_id)
            family = [parent.id] if parent is not None else []
            family += [indicator_id, *self.indicator(indicator_id).children]
            shown += [member for member in family if member not in shown]
        return shown

    def indicator(self, indicator_id: str) -> Indicator:
        """Return the indicator with ``indicator_id`` (KeyError if none)."""
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise KeyError(indicator_id)

    def action(self, action_id: str) -> Action:
        """Return the action with ``action_id`` (KeyError if none)."""
        for action in self.actions:
            if action.id == action_id:
                return action
        raise KeyError(action_id)

    def all_territories(self) -> list[tuple[TerritoryGroup, Territory]]:
        """Every priority territory with its group, in plan order."""
        return [(group, territory) for group in self.territory_groups for territory in group.territories]

    def activity_type(self, word: str) -> ActivityType | None:
        """Find an activity type by id or alias, case-insensitively."""
        wanted = word.strip().casefold()
        for kind in self.activity_types:
            if wanted == kind.id.casefold() or wanted in (a.casefold() for a in kind.aliases):
                return kind
        return None


# -- cross-checks -------------------------------------------------------------
# Each check takes the validated plan and returns (location, code, params)
# triples; the loader turns locations into YAML lines, codes and params into issues.
Problem = tuple[tuple, str, dict]


def _duplicates(items: list, attr: str, where: str) -> list[Problem]:
    seen: set = set()
    problems = []
    for index, item in enumerate(items):
        value = getattr(item, attr)
        if value in seen:
            problems.append(
                ((where, index, attr), "duplicate-id", {"what": message("duplicate-plan-id", where=where, id=value)})
            )
        seen.add(value)
    return problems


def check_unique_ids(plan: Plan) -> list[Problem]:
    """Ids of objectives, results, indicators, groups, actions… are unique."""
    problems = []
    for where in ("objectives", "results", "indicators", "territory_groups", "strategic_goals", "actions",
                  "evaluation_criteria", "activity_types", "stakeholder_categories"):
        problems += _duplicates(getattr(plan, where), "id", where)
    seen_codes: dict[str, str] = {}
    for g, group in enumerate(plan.territory_groups):
        for t, territory in enumerate(group.territories):
            earlier = seen_codes.get(territory.code)
            if earlier is not None:
                loc = ("territory_groups", g, "territories", t, "code")
                problems.append((loc, "duplicate-territory", {"code": territory.code, "group": earlier}))
            seen_codes[territory.code] = group.id
    words: dict[str, str] = {}
    for k, kind in enumerate(plan.activity_types):
        for word in [kind.id, *kind.aliases]:
            key = word.casefold()
            if key in words and words[key] != kind.id:
                loc = ("activity_types", k, "aliases")
                problems.append((loc, "duplicate-alias", {"word": word, "first": words[key], "second": kind.id}))
            words[key] = kind.id
    return problems


def _unknown(value, choices) -> dict:
    # dict.fromkeys: a duplicated id (reported on its own) must not be offered twice.
    return {"value": value, "choices": list(dict.fromkeys(str(c) for c in choices))}


def check_references(plan: Plan) -> list[Problem]:
    """Every reference between parts of the plan resolves."""
    problems: list[Problem] = []
    objective_ids = [o.id for o in plan.objectives]
    indicator_ids = [i.id for i in plan.indicators]
    goal_ids = [g.id for g in plan.strategic_goals]
    type_ids = [t.id for t in plan.activity_types if not t.metric]
    metric_ids = [t.id for t in plan.activity_types if t.metric]
    for r, result in enumerate(plan.results):
        for o, objective in enumerate(result.objectives):
            if objective not in objective_ids:
                problems.append(
                    (("results", r, "objectives", o), "unknown-objective", _unknown(objective, objective_ids))
                )
        for i, indicator in enumerate(result.indicators):
            if indicator not in indicator_ids:
                problems.append(
                    (("results", r, "indicators", i), "unknown-indicator", _unknown(indicator, indicator_ids))
                )
    for i, indicator in enumerate(plan.indicators):
        for key, source in indicator.sources():
            loc = ("indicators", i, key)
            wants_type = source.kind in ("activity_count", "participants")
            if wants_type and (source.activity_type is not None or not (source.where and source.where.types)):
                if source.activity_type not in type_ids:
                    problems.append(
                        (loc + ("activity_type",), "unknown-activity-type", _unknown(source.activity_type, type_ids))
                    )
            elif source.kind == "metric" and source.metric not in metric_ids:
                problems.append((loc + ("metric",), "unknown-metric", _unknown(source.metric, metric_ids)))
            if source.where is not None:
                problems += _where_problems(plan, source.where, loc + ("where",))
    territory_codes = {t.code for _, t in plan.all_territories()}
    for i, indicator in enumerate(plan.indicators):
        for code in indicator.territory_targets:
            if code not in territory_codes:
                loc = ("indicators", i, "territory_targets", code)
                problems.append((loc, "unknown-priority-territory", _unknown(code, sorted(territory_codes))))
    for a, action in enumerate(plan.actions):
        if action.goal not in goal_ids:
            problems.append((("actions", a, "goal"), "unknown-goal", _unknown(action.goal, goal_ids)))
        if action.territory is not None and action.territory not in territory_codes:
            said = _unknown(action.territory, sorted(territory_codes))
            problems.append((("actions", a, "territory"), "unknown-priority-territory", said))
    if plan.pageviews_import and plan.pageviews_import.metric not in metric_ids:
        said = _unknown(plan.pageviews_import.metric, metric_ids)
        problems.append((("pageviews_import", "metric"), "unknown-metric", said))
    return problems


def check_dates_and_targets(plan: Plan) -> list[Problem]:
    """The period is ordered; targets and action windows fall inside it."""
    problems: list[Problem] = []
    period = plan.metadata.period
    if period.start > period.end:
        problems.append((("metadata", "period"), "bad-period", {}))
    # An inverted period has no years: report it once rather than calling every target outside it.
    years = period.years if period.start <= period.end else None
    for i, indicator in enumerate(plan.indicators):
        if not indicator.targets and not indicator.children:
            problems.append((("indicators", i, "targets"), "no-targets", {"id": indicator.id}))
        located = [(("targets", year), year) for year in indicator.targets] + [
            (("territory_targets", code, year), year)
            for code, targets in indicator.territory_targets.items()
            for year in targets
        ]
        for where, year in located:
            if years is not None and year not in years:
                loc = ("indicators", i, *where)
                problems.append((loc, "target-outside-period", {"year": year, "first": years[0], "last": years[-1]}))
        if indicator.basis == "cumulative" and all(isinstance(v, (int, float)) for v in indicator.targets.values()):
            ordered = [indicator.targets[y] for y in sorted(indicator.targets)]
            if ordered != sorted(ordered):
                problems.append((("indicators", i, "targets"), "cumulative-decreasing", {}))
    if plan.thresholds.at_risk > plan.thresholds.on_track:
        problems.append((("thresholds", "at_risk"), "bad-thresholds", {}))
    for a, action in enumerate(plan.actions):
        if action.timing.start > action.timing.end:
            problems.append((("actions", a, "timing"), "bad-timing", {}))
    return problems


def _where_problems(plan: Plan, where: Where, loc: tuple) -> list[Problem]:
    """A ``where`` filter's words resolve: activity types, territories, groups, the region, categories."""
    problems: list[Problem] = []
    type_ids = [t.id for t in plan.activity_types]
    for n, kind in enumerate(where.types):
        if kind not in type_ids:
            problems.append((loc + ("types", n), "unknown-activity-type", _unknown(kind, type_ids)))
    group_ids = [g.id for g in plan.territory_groups]
    for key in ("territories", "held_in"):
        for n, word in enumerate(getattr(where, key)):
            if word == REGION:
                if plan.metadata.region_code is None:
                    problems.append((loc + (key, n), "no-region-code", {}))
            elif word not in group_ids and not territories.is_valid_code(word):
                problems.append((loc + (key, n), "unknown-where-territory", {"value": word, "groups": group_ids}))
    category_ids = [c.id for c in plan.stakeholder_categories]
    for n, category in enumerate(where.stakeholder_categories):
        if category not in category_ids:
            problems.append((loc + ("stakeholder_categories", n), "unknown-category", _unknown(category, category_ids)))
    return problems


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _measure_problems(plan: Plan, i: int, indicator: Indicator) -> list[Problem]:
    """One indicator's parts fit its measure, direction and baseline."""
    loc = ("indicators", i)
    problems: list[Problem] = []
    wanted = {"count": ("source",), "percentage": ("numerator", "denominator"), "qualitative": ()}[indicator.measure]
    given = [key for key, _ in indicator.sources()]
    for key in given:
        if key not in wanted:
            problems.append((loc + (key,), "measure-mismatch", {"what": message("measure-has-no", measure=indicator.measure, key=key)}))
    if not indicator.children:
        for key in wanted:
            if key not in given:
                problems.append((loc, "measure-mismatch", {"what": message("measure-needs", measure=indicator.measure, key=key)}))
    if indicator.measure == "qualitative":
        if len(indicator.scale) < 2:
            problems.append((loc + ("scale",), "bad-scale", {}))
        problems += _duplicates(indicator.scale, "id", f"indicators.{i}.scale")
        if indicator.basis != "level":
            problems.append((loc + ("basis",), "bad-basis", {}))
        if indicator.direction == "decrease":
            problems.append((loc + ("direction",), "bad-direction", {}))
    elif indicator.scale:
        problems.append((loc + ("scale",), "measure-mismatch", {"what": message("measure-has-no-scale", measure=indicator.measure)}))
    values = [(("targets", year), value) for year, value in indicator.targets.items()]
    if indicator.baseline is not None:
        values.append((("baseline", "value"), indicator.baseline.value))
    for where, value in values:
        if indicator.measure == "qualitative":
            if indicator.scale and indicator.level_index(value) is None:
                listed = [level.id for level in indicator.scale]
                problems.append((loc + where, "unknown-level", _unknown(value, listed)))
        elif not _is_number(value):
            said = message("plan-got-text", expected=message("yaml-kind-int"), value=repr(value))
            problems.append((loc + where, "plan-int_type", {"what": said}))
        elif indicator.measure == "count" and isinstance(value, float) and where[0] == "targets":
            problems.append((loc + where, "plan-int_type", {"what": message("plan-thousands", value=repr(value))}))
        elif indicator.measure == "percentage" and value > 100:
            problems.append((loc + where, "bad-percentage", {"value": repr(value)}))
    if indicator.direction == "decrease":
        if indicator.baseline is None:
            problems.append((loc + ("direction",), "no-baseline", {}))
        else:
            for year, value in indicator.targets.items():
                if _is_number(value) and _is_number(indicator.baseline.value) and value >= indicator.baseline.value:
                    problems.append((loc + ("targets", year), "bad-target", {"baseline": indicator.baseline.value}))
    if indicator.baseline is not None and plan.years and indicator.baseline.year > plan.years[0]:
        problems.append((loc + ("baseline", "year"), "bad-baseline", {"first": plan.years[0]}))
    return problems


def _children_problems(plan: Plan, i: int, indicator: Indicator, parents: dict[str, str]) -> list[Problem]:
    """A parent's children exist, are counts of the parent's basis, belong to it alone and have no children."""
    problems: list[Problem] = []
    ids = {item.id: item for item in plan.indicators}
    loc = ("indicators", i)
    if indicator.children and indicator.measure != "count":
        problems.append((loc + ("measure",), "bad-parent", {"what": message("parent-not-count")}))
    for n, child_id in enumerate(indicator.children):
        where = loc + ("children", n)
        child = ids.get(child_id)
        if child is None or child_id == indicator.id:
            problems.append((where, "unknown-indicator", _unknown(child_id, [x for x in ids if x != indicator.id])))
            continue
        if child_id in parents:
            problems.append((where, "bad-parent", {"what": message("child-twice", id=child_id, parent=parents[child_id])}))
        parents[child_id] = indicator.id
        if child.children:
            problems.append((where, "bad-parent", {"what": message("child-has-children", id=child_id)}))
        if child.measure != "count" or child.basis != indicator.basis or child.direction != indicator.direction:
            problems.append((where, "bad-parent", {"what": message("child-does-not-add-up", id=child_id)}))
    return problems


def check_measures(plan: Plan) -> list[Problem]:
    """Each indicator's sources, scale, targets and baseline fit its measure; parents fit their children."""
    problems: list[Problem] = []
    parents: dict[str, str] = {}
    for i, indicator in enumerate(plan.indicators):
        problems += _measure_problems(plan, i, indicator)
        problems += _children_problems(plan, i, indicator, parents)
    code = plan.metadata.region_code
    if code is not None and not territories.is_valid_code(code):
        said = message("not-a-region-code", value=code)
        problems.append((("metadata", "region_code"), "bad-territory-code", {"what": said}))
    return problems


def check_territory_codes(plan: Plan) -> list[Problem]:
    """Territory codes are valid ISO 3166-1 alpha-2 or ISO 3166-2 codes."""
    problems: list[Problem] = []
    for g, group in enumerate(plan.territory_groups):
        for t, territory in enumerate(group.territories):
            if not territories.is_valid_code(territory.code):
                loc = ("territory_groups", g, "territories", t, "code")
                said = message("not-a-territory-code", value=territory.code)
                problems.append((loc, "bad-territory-code", {"what": said}))
        for c, code in enumerate(group.countries):
            if not territories.is_valid_code(code) or "-" in code:
                said = message("not-a-country-code", value=code)
                problems.append((("territory_groups", g, "countries", c), "bad-territory-code", {"what": said}))
    return problems


def check_iati_settings(plan: Plan) -> list[Problem]:
    """The IATI activity identifier starts with the organisation's; the DAC map covers every goal or none."""
    settings = plan.iati
    if settings is None:
        return []
    problems: list[Problem] = []
    prefix = settings.organisation_identifier + "-"
    if not settings.activity_identifier.startswith(prefix):
        problems.append((("iati", "activity_identifier"), "iati-identifier-prefix", {"prefix": prefix}))
    goals = [goal.id for goal in plan.strategic_goals]
    unknown = [goal for goal in settings.dac_sectors if goal not in goals]
    missing = [goal for goal in goals if goal not in settings.dac_sectors]
    if unknown:
        problems.append((("iati", "dac_sectors"), "iati-unknown-goals", {"goals": unknown}))
    elif settings.dac_sectors and missing:
        problems.append((("iati", "dac_sectors"), "iati-sectors-incomplete", {"goals": missing}))
    return problems


#: The cross-checks run, in order, on a plan whose shape is valid.
PLAN_CHECKS = [check_unique_ids, check_references, check_measures, check_dates_and_targets, check_territory_codes, check_iati_settings]


#: The kind of value each pydantic type error expected, as a catalogued phrase.
_PYDANTIC_KINDS = {
    "bool_type": "plan-kind-bool",
    "int_type": "yaml-kind-int",
    "int_parsing": "yaml-kind-int",
    "float_type": "yaml-kind-float",
    "date_type": "yaml-kind-date",
}

#: Bounds pydantic checks: the message and the bound's name in the error's context.
_BOUNDS = {
    "less_than_equal": ("plan-at-most", "le"),
    "less_than": ("plan-less-than", "lt"),
    "greater_than": ("plan-more-than", "gt"),
}


#: pydantic's error types that have a code of their own (``plan-<type>``); any other is ``plan-invalid``.
PYDANTIC_CODES = {
    kind: f"plan-{kind}"
    for kind in (
        "extra_forbidden", "missing", "int_type", "int_parsing", "bool_type", "bool_parsing", "float_type",
        "float_parsing", "date_type", "date_parsing", "date_from_datetime_parsing", "string_type", "model_type",
        "dict_type", "list_type", "literal_error", "greater_than_equal", "less_than_equal", "value_error",
        "less_than", "greater_than", "string_too_short", "string_too_long", "string_pattern_mismatch",
    )
}


def _pydantic_message(error: dict) -> Message:
    """One of pydantic's errors on the plan as a catalogued message (code ``plan-<type>``)."""
    kind = error["type"]
    code = PYDANTIC_CODES.get(kind, "plan-invalid")
    given = repr(error.get("input"))
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        what = message("plan-unknown-key", key=error["loc"][-1])
    elif kind == "missing":
        what = message("plan-missing-key", key=error["loc"][-1])
    elif kind in ("int_type", "int_parsing") and isinstance(error.get("input"), float):
        what = message("plan-thousands", value=given)
    elif kind in _PYDANTIC_KINDS and isinstance(error.get("input"), str):
        what = message("plan-got-text", expected=message(_PYDANTIC_KINDS[kind]), value=given)
    elif kind in _PYDANTIC_KINDS:
        what = message("plan-expected", expected=message(_PYDANTIC_KINDS[kind]), value=given)
    elif kind == "string_type" and not isinstance(error.get("input"), (dict, list)):
        what = message("plan-expected-text", value=given)
    elif kind == "model_type" and ctx.get("class_name") == "Text":
        what = message("plan-expected-both-languages")
    elif kind in ("model_type", "dict_type"):
        what = message("plan-expected-mapping")
    elif kind == "list_type":
        what = message("plan-expected-list")
    elif kind == "literal_error":
        what = message("plan-not-allowed", value=given, expected=_either(ctx.get("expected", "")))
    elif kind == "greater_than_equal":
        what = message("plan-too-small", minimum=format(ctx.get("ge"), "g"), value=given)
    elif kind in _BOUNDS:
        bound_code, bound = _BOUNDS[kind]
        limit = ctx[bound]
        what = message(bound_code, bound=int(limit) if float(limit).is_integer() else limit, value=given)
    elif kind == "string_too_short":
        what = message("plan-empty-text")
    elif kind == "string_too_long":
        what = message("plan-too-long", limit=ctx["max_length"])
    elif kind == "string_pattern_mismatch":
        what = message("plan-bad-id", value=given)
    else:
        # pydantic's own wording ("Input should be …") never reaches the user
        what = message("plan-value-unfit", value=given)
    return message(code, what=what)


def _either(expected: str) -> Message:
    """pydantic's ``'annual' or 'cumulative'`` as a message: the choices joined by the language's "or"."""
    choices = [part.strip() for part in expected.replace(" or ", ",").split(",") if part.strip()]
    if len(choices) < 2:
        return message("choices", ids=choices)
    return message("one-or-other", first=choices[:-1], last=choices[-1])


def load_plan(path: str | Path, raw: bytes | None = None) -> tuple[Plan | None, list[Issue]]:
    """Read, validate and cross-check the plan at ``path``.

    Returns ``(plan, issues)``; ``plan`` is ``None`` whenever ``issues`` is
    not empty, so a half-valid plan is never used. ``raw``: the file's bytes,
    when the caller has read them (the plan validated is then the one they hold).
    """
    shown = display_path(path)
    try:
        raw = Path(path).read_bytes() if raw is None else raw
    except FileNotFoundError:
        return None, [Issue(shown, 0, 0, "plan-not-found")]
    except OSError as exc:
        return None, [Issue(shown, 0, 0, "plan-unreadable", {"reason": exc.strerror})]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - raw.rfind(b"\n", 0, exc.start)  # 1-based, in bytes: the text cannot be decoded
        return None, [Issue(shown, line, column, "plan-encoding", {"byte": exc.start})]
    # PyYAML only here: a plan answered from the cache is never parsed.
    from relint_kpi.yamlsafe import load_yaml, node_at

    data, root, problems = load_yaml(text)
    if problems:
        return None, [Issue(shown, p.line, p.column, p.code, p.params) for p in problems]
    if not isinstance(data, dict):
        return None, [Issue(shown, 1, 1, "plan-not-mapping")]
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        issues = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            line, column = node_at(root, loc)
            # "[key]": pydantic's mark for a mapping's key, which the path already names
            field = ".".join(str(part) for part in loc if part != "[key]")
            said = _pydantic_message(error)
            issues.append(Issue(shown, line, column, said.code, said.params, subject=field))
        return None, issues
    issues = []
    for check in PLAN_CHECKS:
        for loc, code, params in check(plan):
            line, column = node_at(root, loc)
            field = ".".join(str(part) for part in loc)
            issues.append(Issue(shown, line, column, code, params, subject=field))
    return (None if issues else plan), issues
