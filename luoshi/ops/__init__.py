"""Operations: the production server, health and readiness, scheduled work, locks across nodes, object
storage, backups and moving a ledger from one database to another (docs/deployment.md)."""
