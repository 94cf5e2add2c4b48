from django.urls import path

from .views import assignments, audit, decisions, tasks, units

app_name = "ledger"
urlpatterns = [
    path("decisions/", decisions.decision_list, name="decision-list"),
    path("decisions/import/", decisions.import_upload, name="import-upload"),
    path("decisions/import/<int:pk>/", decisions.import_preview, name="import-preview"),
    path("decisions/<int:pk>/", decisions.decision_detail, name="decision-detail"),
    path("decisions/<int:pk>/tasks/", tasks.decision_tasks_redirect, name="decision-tasks"),
    path("decisions/<int:pk>/suggestions/", assignments.suggestions, name="suggestions"),
    path("tasks/", tasks.task_list, name="task-list"),
    path("tasks/views/", tasks.save_view, name="save-view"),
    path("tasks/views/<int:pk>/archive/", tasks.archive_view, name="archive-view"),
    path("tasks/<int:pk>/", tasks.task_detail, name="task-detail"),
    path("tasks/<int:pk>/edit/", tasks.task_edit, name="task-edit"),
    path("tasks/<int:pk>/split/", tasks.task_split, name="task-split"),
    path("tasks/<int:pk>/merge/", tasks.task_merge, name="task-merge"),
    path("tasks/<int:pk>/withdraw/", tasks.task_withdraw, name="task-withdraw"),
    path("tasks/<int:pk>/restore/", tasks.task_restore, name="task-restore"),
    path("tasks/<int:pk>/assign/", assignments.task_assign, name="task-assign"),
    path("tasks/<int:pk>/cascade/", assignments.task_cascade, name="task-cascade"),
    path("rules/", assignments.rule_list, name="rule-list"),
    path("rules/new/", assignments.rule_edit, name="rule-new"),
    path("rules/<int:pk>/", assignments.rule_edit, name="rule-edit"),
    path("rules/<int:pk>/toggle/", assignments.rule_toggle, name="rule-toggle"),
    path("units/", units.unit_tree, name="unit-tree"),
    path("units/import/", units.units_import, name="units-import"),
    path("audit/", audit.audit_list, name="audit-list"),
    path("audit/export.csv", audit.audit_export, {"fmt": "csv"}, name="audit-export-csv"),
    path("audit/export.xlsx", audit.audit_export, {"fmt": "xlsx"}, name="audit-export-xlsx"),
]
