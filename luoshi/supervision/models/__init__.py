"""The supervision app's models, split by what they hold; import them from here."""

from .checks import CopyFlag, FlagKind, Score
from .config import Channel, ChannelKind, Holiday, NoticeKind, ReportSchedule, Rules
from .lights import SEVERITY, Color, ObligationLight, Suspension, TaskLight
from .notices import (
    Delivery,
    DeliveryAttempt,
    DeliveryState,
    Level,
    Mutex,
    Notice,
    NoticeCounter,
    Receipt,
    Run,
)
from .requests import Request, RequestFile, RequestKind, RequestState

__all__ = [
    "SEVERITY",
    "Channel",
    "ChannelKind",
    "Color",
    "CopyFlag",
    "Delivery",
    "DeliveryAttempt",
    "DeliveryState",
    "FlagKind",
    "Holiday",
    "Level",
    "Mutex",
    "Notice",
    "NoticeCounter",
    "NoticeKind",
    "ObligationLight",
    "Receipt",
    "ReportSchedule",
    "Request",
    "RequestFile",
    "RequestKind",
    "RequestState",
    "Rules",
    "Run",
    "Score",
    "Suspension",
    "TaskLight",
]
