"""Alembic environment: runs on the connection that ``partydesk.core.storage.migrate`` hands over."""

from alembic import context

from partydesk.core.storage import tables  # noqa: F401  (registers the tables on the metadata)
from partydesk.core.storage.base import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
