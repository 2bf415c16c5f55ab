"""The import ledger keeps the sender's audit trail head that each package names (SYNC.md: the manifest's
``audit_chain_head``), so the receiving office holds a copy of it: a trail later cut short at the sender
no longer reaches the head it once sent.

An import now clears the gap note of the package after it; notes left from before, on packages whose
missing predecessor has since been imported, are cleared here the same way.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_package") as batch:
        batch.add_column(sa.Column("audit_head", sa.Text(), nullable=False, server_default=""))
    op.execute("UPDATE sync_package SET gap = '' WHERE direction = 'in' AND gap != '' AND EXISTS ("
               "SELECT 1 FROM sync_package AS earlier WHERE earlier.direction = 'in' "
               "AND earlier.peer_site = sync_package.peer_site AND earlier.channel_seq = sync_package.channel_seq - 1)")


def downgrade() -> None:
    with op.batch_alter_table("sync_package") as batch:
        batch.drop_column("audit_head")
