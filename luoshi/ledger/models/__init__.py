"""The ledger's models, split by what they hold; import them from here."""

from .audit import Audited, AuditEntry, HardDeleteRefused, acting_as, current_actor, record
from .decisions import Decision, ReportingPeriod, Revision, Section, text_digest
from .locking import StaleEdit, Versioned
from .people import Profile, Role, unit_of
from .rules import Suggester, Suggestion, SuggestionRule
from .tasks import (
    DEADLINE_FILTERS,
    STATUS_FILTERS,
    SUBTASK_FILTERS,
    DeadlineKind,
    Milestone,
    ProgressStatus,
    SavedView,
    Target,
    Task,
    TaskOrigin,
    TaskPlace,
    TaskQuerySet,
    TaskState,
    TaskUnit,
    TaskUnitRole,
)
from .units import Unit, UnitKind, UnitQuerySet

__all__ = [
    "DEADLINE_FILTERS",
    "STATUS_FILTERS",
    "SUBTASK_FILTERS",
    "AuditEntry",
    "Audited",
    "DeadlineKind",
    "Decision",
    "HardDeleteRefused",
    "Milestone",
    "Profile",
    "ProgressStatus",
    "ReportingPeriod",
    "Revision",
    "Role",
    "SavedView",
    "Section",
    "StaleEdit",
    "Suggester",
    "Suggestion",
    "SuggestionRule",
    "Target",
    "Task",
    "TaskOrigin",
    "TaskPlace",
    "TaskQuerySet",
    "TaskState",
    "TaskUnit",
    "TaskUnitRole",
    "Unit",
    "UnitKind",
    "UnitQuerySet",
    "Versioned",
    "acting_as",
    "current_actor",
    "record",
    "text_digest",
    "unit_of",
]
