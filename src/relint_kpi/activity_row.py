"""The pydantic contract of a checked activity row.

A module of its own so that importing the reader (:mod:`relint_kpi.actuals`)
does not import pydantic: ``add-activity`` with a plainly valid row never
needs it (see :func:`relint_kpi.actuals.check_new_activity`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints


class ActivityRow(BaseModel):
    """The contract of a checked activity row, in pydantic.

    :func:`relint_kpi.actuals.check_activity` turns text cells into these
    typed values (the plan-dependent checks — types, territories, actions,
    stakeholders, quarters — happen there, with messages that say how to fix
    a cell) and then validates them here. The reader's fast path builds the
    same record without paying for pydantic row by row; a property test
    (tests/test_actuals_fastpath.py) proves both agree.
    """

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")

    id: str
    date: dt.date
    type: Annotated[str, StringConstraints(min_length=1)]
    territory: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")] | None
    title: Annotated[str, StringConstraints(min_length=1)]
    action: str | None
    participants: Annotated[int, Field(ge=0)] | None
    stakeholders: tuple[str, ...]
    value: Annotated[int, Field(ge=1)]
    notes: str
