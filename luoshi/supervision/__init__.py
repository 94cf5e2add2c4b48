"""Supervision (督查督办): status lights, reminders, 督办单, escalation, copy-paste checks, assessment."""
