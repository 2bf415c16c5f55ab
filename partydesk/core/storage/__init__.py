"""Persistence: SQLAlchemy tables, engine, migrations, repositories and backups."""
