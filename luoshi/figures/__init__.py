"""Every figure a leader reads, defined once: the tasks counted and their lights, completion, the
reports owed for a period and what became of them.

Each surface — the report to the committee, the leaders' dashboard and its snapshots, the REST API,
the Excel exports, the supervision run and its pages — reads its counts from here, so that two pages
cannot disagree about the same number. docs/figures.md lists every figure, its definition and the
surfaces that show it; ``catalogue.FIGURES`` is that list in code (a test keeps the two in step).

- ``colours``: the lights a task can have, their order and their names (no database access, so the
  ledger's forms can import it);
- ``tasks``: which tasks are counted (sub-tasks count through their parent), their lights, completion,
  average progress, and the roll-up of a parent from its sub-tasks;
- ``reporting``: the reports owed for a period (应报), handed in (已报), on time, overdue (逾期未报),
  accepted (已采纳), returned (退回), and the rates built on them.

A Django app without models (``figures``): its words have their own catalogue and its API plugs in
at /api/v1/figures. It reads the ledger, progress and supervision and sits above them; of those, only
``supervision``'s rules import it at module level, to share the definition of a reporting duty
(``reporting.owes``) and the names of the lights (``colours``, which imports nothing of the apps).
"""
