"""API tokens for the REST API: created once, shown once, stored only as a SHA-256 hash.

    token = create_token(engine, "analyst-1")   # print it to the user once
    verify_token(engine, token)                 # -> "analyst-1" or None
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.exc import IntegrityError

from sitrep.errors import InputError
from sitrep.models import utcnow
from sitrep.store.db import transaction
from sitrep.store.schema import api_tokens

TOKEN_PREFIX = "sitrep_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(engine: Engine, name: str) -> str:
    """A new random token for `name`; only its hash is stored, so the caller must show it now."""
    name = (name or "").strip()
    if not name or len(name) > 128:
        raise InputError("a token name must be 1 to 128 characters, e.g. `sitrep token create analyst-1`.")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    try:
        with engine.begin() as conn:
            conn.execute(insert(api_tokens), [{"name": name, "token_hash": hash_token(token), "created_at": utcnow()}])
    except IntegrityError as e:
        raise InputError(
            f"a token named '{name}' already exists. Revoke it first (`sitrep token revoke {name}`) or pick another name.",
            input=name,
        ) from e
    return token


def verify_token(engine: Engine, token: str | None) -> str | None:
    """The name of the token's owner, or None when the token is unknown or empty."""
    if not token:
        return None
    digest = hash_token(token)
    with engine.connect() as conn:
        row = conn.execute(select(api_tokens.c.name, api_tokens.c.token_hash).where(api_tokens.c.token_hash == digest)).first()
    if row is None or not hmac.compare_digest(row.token_hash, digest):
        return None
    return str(row.name)


def list_tokens(engine: Engine) -> list[dict[str, Any]]:
    """Names and creation times (never the hashes)."""
    with engine.connect() as conn:
        rows = conn.execute(select(api_tokens.c.name, api_tokens.c.created_at).order_by(api_tokens.c.name))
        return [{"name": r.name, "created_at": r.created_at.isoformat() if r.created_at else None} for r in rows]


def revoke_token(engine: Engine, name: str) -> bool:
    """Delete the token called `name`; False when there was none."""
    with transaction(engine) as conn:
        return bool(conn.execute(delete(api_tokens).where(api_tokens.c.name == name)).rowcount)
