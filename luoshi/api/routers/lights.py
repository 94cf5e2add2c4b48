"""Status lights (亮灯) of the tasks the caller may read: see luoshi/api/lights.py for where they come
from. When the supervision app plugs in its own router at /lights, it takes this one's place."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import paginate

from ..errors import errors
from ..lights import light_of
from ..pagination import Pages
from ..schemas import TaskLightOut
from .ledger import TaskFilters, filtered_tasks

router = Router(tags=["lights"])


@router.get("", response={200: list[TaskLightOut], **errors(422)}, summary="任务亮灯")
@paginate(Pages)
def list_lights(request: HttpRequest, filters: Query[TaskFilters]) -> Any:
    return _LightRows(filtered_tasks(request, filters))


class _LightRows:
    """The tasks as light rows, lazily: pagination counts and slices the queryset underneath."""

    def __init__(self, tasks: Any) -> None:
        self.tasks = tasks
        self.queryset = tasks  # what pagination counts

    def count(self) -> int:
        return self.tasks.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item: slice) -> list[dict[str, Any]]:
        return [{"task": t.pk, "key": t.key, "light": light_of(t).as_dict()} for t in self.tasks[item]]
