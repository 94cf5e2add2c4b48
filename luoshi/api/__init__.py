"""The REST API at /api/v1/ (django-ninja): the ledger, reports, targets and lights for other systems."""
