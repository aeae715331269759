"""gazetteer: GeoNames places and name keys, staging tables for imports, metadata

The tables behind ``sitrep.resolve.gazetteer`` (``GAZETTEER_METADATA``): an import fills
the staging tables and swaps them in inside one transaction, so a corrupt dump leaves the
gazetteer in use untouched.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _place_columns() -> list[sa.Column]:
    return [
        sa.Column("geonameid", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("country", sa.String(2), nullable=False, server_default=""),
        sa.Column("admin1", sa.String(20), nullable=False, server_default=""),
        sa.Column("admin2", sa.String(80), nullable=False, server_default=""),
        sa.Column("fclass", sa.String(1), nullable=False, server_default=""),
        sa.Column("fcode", sa.String(10), nullable=False, server_default=""),
        sa.Column("population", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("source", sa.String(20), nullable=False, server_default=""),
    ]


def _name_columns() -> list[sa.Column]:
    return [
        sa.Column("geonameid", sa.BigInteger(), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("skeleton", sa.String(200), nullable=False),
        sa.Column("source", sa.String(20), nullable=False, server_default=""),
    ]


def upgrade() -> None:
    op.create_table("gaz_place", *_place_columns(), if_not_exists=True)
    op.create_table("gaz_name", *_name_columns(), if_not_exists=True)
    op.create_index("ix_gaz_name_key", "gaz_name", ["name_key"], if_not_exists=True)
    op.create_index("ix_gaz_name_skeleton", "gaz_name", ["skeleton"], if_not_exists=True)
    op.create_index("ix_gaz_name_geonameid", "gaz_name", ["geonameid"], if_not_exists=True)
    op.create_table("gaz_place_staging", *_place_columns(), if_not_exists=True)
    op.create_table("gaz_name_staging", *_name_columns(), if_not_exists=True)
    op.create_index("ix_gaz_name_staging_gid", "gaz_name_staging", ["geonameid"], if_not_exists=True)
    op.create_table(
        "gaz_meta",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
        if_not_exists=True,
    )


def downgrade() -> None:
    for table in ("gaz_meta", "gaz_name_staging", "gaz_place_staging", "gaz_name", "gaz_place"):
        op.drop_table(table)
