"""The scheduling engine: plain dataclasses in, a schedule out.

Pure Python and OR-Tools. It imports neither Qt, nor SQLite, nor any file
format, so that the CLI, the GUI and the tests all drive the same engine.
"""

from solver.bound import value_bound
from solver.cancel import CancelToken
from solver.explain import explain_schedule, schedule_value
from solver.options import SolveOptions
from solver.problem import (
    Attendee,
    Exclusion,
    LockedMeeting,
    Problem,
    ProblemError,
    Request,
    Slot,
    Table,
)
from solver.replan import AttendeeChanges, ReplanResult, replan
from solver.result import (
    AttendeeFigures,
    LevelResult,
    Meeting,
    Progress,
    SolveResult,
    StopReason,
    UnmetReason,
    UnmetRequest,
)
from solver.solve import solve

__all__ = [
    "Attendee",
    "AttendeeChanges",
    "AttendeeFigures",
    "CancelToken",
    "Exclusion",
    "LevelResult",
    "LockedMeeting",
    "Meeting",
    "Problem",
    "ProblemError",
    "Progress",
    "ReplanResult",
    "Request",
    "Slot",
    "SolveOptions",
    "SolveResult",
    "StopReason",
    "Table",
    "UnmetReason",
    "UnmetRequest",
    "explain_schedule",
    "replan",
    "schedule_value",
    "solve",
    "value_bound",
]
