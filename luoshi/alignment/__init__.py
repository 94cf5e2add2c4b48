"""对标对表: a subordinate plan against the decision it implements (docs/alignment.md).

``matching`` and ``rendering`` are pure (no Django); the rest is the Django app that keeps plans,
corrections and synonyms, and turns a confirmed alignment into sub-tasks.
"""
