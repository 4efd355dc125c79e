"""The records read from the actuals: activities, stakeholders, deliverables.

Plain dataclasses with no I/O, shared by the reader (``actuals``), the
writers and the computation (``progress``, ``report``). Each record keeps the
file and line it came from, so every figure can be traced back to its rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Activity(NamedTuple):
    """One row of a quarterly actuals file, validated and normalised.

    ``type`` is the plan's activity-type id (aliases resolved), ``territory``
    a canonical ISO 3166 code or None (metric rows), ``value`` defaults to 1.
    A named tuple, so a list of them becomes the log's frame directly
    (:func:`activities_frame`).
    """

    path: str
    line: int
    id: str
    date: dt.date
    type: str
    territory: str | None
    title: str
    action: str | None
    participants: int | None
    stakeholders: tuple[str, ...]
    value: int
    notes: str
    venue: str | None = None  # where it took place; None: where its territory is

    @property
    def year(self) -> int:
        """Calendar year of the activity."""
        return self.date.year

    @property
    def quarter(self) -> int:
        """Calendar quarter (1–4) of the activity."""
        return (self.date.month - 1) // 3 + 1


@dataclass(frozen=True, slots=True)
class Stakeholder:
    """One entry of the stakeholder registry."""

    path: str
    line: int
    name: str
    internal: bool
    category: str
    first_involved: dt.date | None


@dataclass(frozen=True, slots=True)
class Deliverable:
    """A recorded deliverable of a plan action (``relint complete-action``)."""

    path: str
    line: int
    action: str
    date: dt.date
    note: str


@dataclass(frozen=True, slots=True)
class Note:
    """The office's note on an indicator or action (``notes.csv``): why, and what will be done.

    ``kind`` is ``indicator`` or ``action``; ``year`` is None for an action's
    note that stands in every year.
    """

    path: str
    line: int
    subject: str
    kind: str
    year: int | None
    reason: str
    next_steps: str


@dataclass(frozen=True, slots=True)
class Assessment:
    """A recorded level of a qualitative indicator, with its reason (``assessments.csv``)."""

    path: str
    line: int
    indicator: str
    date: dt.date
    level: str
    reason: str


@dataclass
class ActivityLog:
    """Everything read from the data folder, ready for computation.

    ``activities`` is a pandas DataFrame, one row per activity in file order
    (see :data:`FRAME_COLUMNS` for its columns and types); a list of
    :class:`Activity` records given instead is turned into one.
    """

    activities: Any = field(default_factory=list, compare=False)
    stakeholders: dict[str, Stakeholder] = field(default_factory=dict)
    deliverables: list[Deliverable] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    #: Each stakeholder's first involvement, worked out once per log by
    #: :func:`relint_kpi.progress.first_involvement_frame` (a report asks three times).
    first_involvements: Any = field(default=None, compare=False, repr=False)
    #: Each (activity, stakeholder) it names, worked out once per log by
    #: :func:`relint_kpi.progress.stakeholder_mentions`.
    mentions: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.activities, list):
            self.activities = activities_frame(self.activities)


#: The columns of the log's DataFrame, in order, with their dtypes.
#: ``territory`` and ``action`` are NaN where a row has none; ``participants``
#: is 0 where a row gives none (both add nothing); ``stakeholders`` holds a
#: tuple of registered names per row; ``year`` and ``quarter`` come from ``date``;
#: ``venue`` (where the activity took place) is the row's ``territory`` where
#: the row gives none.
FRAME_COLUMNS = {
    "path": "category",
    "line": "int64",
    "id": "object",
    "date": "datetime64[ns]",
    "year": "int64",
    "quarter": "int64",
    "type": "category",
    "territory": "category",
    "title": "object",
    "action": "category",
    "participants": "int64",
    "stakeholders": "object",
    "value": "int64",
    "notes": "object",
    "venue": "category",
}


def activities_frame(activities: list[Activity]):
    """The log's DataFrame of ``activities`` (see :data:`FRAME_COLUMNS`)."""
    # pandas only here: the recording commands use records without a frame.
    import pandas as pd

    frame = pd.DataFrame.from_records(activities, columns=Activity._fields)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["year"] = frame["date"].dt.year.astype("int64")
    frame["quarter"] = frame["date"].dt.quarter.astype("int64")
    frame["participants"] = frame["participants"].fillna(0)
    frame["venue"] = default_venue(frame["venue"], frame["territory"])
    return frame[list(FRAME_COLUMNS)].astype(FRAME_COLUMNS)


def default_venue(venue, territory):
    """The venue column with a blank venue read as the row's territory (held where it concerns)."""
    return venue.astype(object).where(venue.notna(), territory.astype(object))
