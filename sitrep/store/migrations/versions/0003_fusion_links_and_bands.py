"""fusion: analysts' split/merge decisions, claim links, near-duplicate band index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fusion_links",
        sa.Column("mention_id", sa.String(length=64), nullable=False),
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("mention_id", name=op.f("pk_fusion_links")),
    )
    op.create_index(op.f("ix_fusion_links_event_id"), "fusion_links", ["event_id"])
    op.create_table(
        "claim_links",
        sa.Column("claim_id", sa.String(length=64), nullable=False),
        sa.Column("other_id", sa.String(length=64), nullable=False),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.Column("event_id", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("claim_id", "other_id", "relation", name=op.f("pk_claim_links")),
    )
    op.create_index(op.f("ix_claim_links_other_id"), "claim_links", ["other_id"])
    op.create_index(op.f("ix_claim_links_event_id"), "claim_links", ["event_id"])
    op.create_table(
        "article_bands",
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("band", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "band", name=op.f("pk_article_bands")),
    )
    op.create_index("ix_article_bands_band", "article_bands", ["band"])


def downgrade() -> None:
    op.drop_index("ix_article_bands_band", table_name="article_bands")
    op.drop_table("article_bands")
    op.drop_index(op.f("ix_claim_links_event_id"), table_name="claim_links")
    op.drop_index(op.f("ix_claim_links_other_id"), table_name="claim_links")
    op.drop_table("claim_links")
    op.drop_index(op.f("ix_fusion_links_event_id"), table_name="fusion_links")
    op.drop_table("fusion_links")
