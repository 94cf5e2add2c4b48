"""The ledger (台账): decisions, their sections and tasks, units, assignments and the audit trail."""
