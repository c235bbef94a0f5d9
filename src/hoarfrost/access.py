"""API keys: who may call the HTTP API, and with which role.

A key is shown once, when it is made, and the store keeps only its sha256. A key is 32 random bytes
(256 bits) from `secrets`, so no slow password hash (bcrypt, scrypt) is needed: slow hashes protect
guessable passwords against a stolen table, and nobody can guess through 2**256 keys, fast hash or not.
A fast hash also lets every request be checked with one indexed lookup. The lookup is by hash, so
comparing the presented key leaks nothing an attacker could use (they would need a preimage).

Roles are ordered, each including the ones below it: screening < analyst < supervisor < admin.
Making and revoking keys is audited (name, role, prefix; never the key nor its hash).
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Row, bindparam, select

from hoarfrost.cases import audit
from hoarfrost.errors import AuthError, Forbidden, HoarfrostError
from hoarfrost.store import Store
from hoarfrost.store import schema as t

KEY_PREFIX = "hf_"
_SHOWN_PREFIX = len(KEY_PREFIX) + 6  # "hf_" and six random characters: enough to tell keys apart in a list
MAX_NAME_LENGTH = 128  # the api_keys.name column
# Built once: every API request runs it, and building the statement cost more than running it.
_BY_HASH = select(t.api_keys).where(t.api_keys.c.secret_hash == bindparam("secret_hash"))
_REVOKED = select(t.api_keys.c.id, t.api_keys.c.revoked_at).where(
    t.api_keys.c.id.in_(bindparam("ids", expanding=True)), t.api_keys.c.revoked_at.is_not(None))


class Role(StrEnum):
    """What a key may do; each role includes those before it."""

    SCREENING = "screening"  # screen names, read lists and entities
    ANALYST = "analyst"  # work alerts: read customers and alerts, decide
    SUPERVISOR = "supervisor"  # second pair of eyes on escalations, audit export, freeze report
    ADMIN = "admin"  # everything, including customer data management

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def includes(self, other: Role) -> bool:
        return self.rank >= other.rank

    @classmethod
    def parse(cls, text: str) -> Role:
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise HoarfrostError(f"unknown role {text!r}; use one of {', '.join(r.value for r in cls)}") from None


@dataclass(frozen=True)
class KeyInfo:
    """An API key as the store knows it: everything but the secret."""

    id: int
    name: str
    prefix: str
    role: Role
    created_at: str
    revoked_at: str | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "prefix": self.prefix, "role": self.role.value,
                "created_at": self.created_at, "revoked_at": self.revoked_at}


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_key(store: Store, name: str, role: str | Role, *, actor: str = "cli") -> tuple[str, KeyInfo]:
    """A new key for `name` with `role`: the secret (to show once) and what the store keeps of it."""
    holder = _clean_name(name)
    parsed = role if isinstance(role, Role) else Role.parse(role)
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    created = _now()
    with store.writing() as conn:
        key_id = conn.execute(t.api_keys.insert().values(
            name=holder, prefix=secret[:_SHOWN_PREFIX], secret_hash=secret_hash(secret), role=parsed.value,
            created_at=created, revoked_at=None,
        )).inserted_primary_key[0]  # type: ignore[index]
        info = KeyInfo(int(key_id), holder, secret[:_SHOWN_PREFIX], parsed, created, None)
        audit.append(conn, actor=actor, action="key.create", subject=f"api_key:{info.id}",
                     detail={"name": holder, "role": parsed.value, "prefix": info.prefix})
    return secret, info


def list_keys(store: Store) -> list[KeyInfo]:
    """Every key ever made, revoked ones included, oldest first."""
    with store.engine.connect() as conn:
        return [_key_info(row) for row in conn.execute(select(t.api_keys).order_by(t.api_keys.c.id))]


def revoke_key(store: Store, key_id: int, *, actor: str = "cli") -> KeyInfo:
    """Revoke a key: it stops working at once (a request looks its key up, or checks it again as it commits its
    audit record: see KeyCache)."""
    with store.writing() as conn:
        row = conn.execute(select(t.api_keys).where(t.api_keys.c.id == key_id)).first()
        if row is None:
            raise HoarfrostError(f"no API key with id {key_id} (see 'hoarfrost keys list')")
        if row.revoked_at is not None:
            raise HoarfrostError(f"API key {key_id} ({row.name}) was already revoked at {row.revoked_at}")
        revoked = _now()
        conn.execute(t.api_keys.update().where(t.api_keys.c.id == key_id).values(revoked_at=revoked))
        audit.append(conn, actor=actor, action="key.revoke", subject=f"api_key:{key_id}",
                     detail={"name": row.name, "role": row.role, "prefix": row.prefix})
    return KeyInfo(row.id, row.name, row.prefix, Role(row.role), row.created_at, revoked)


def authenticate(store: Store, secret: str) -> KeyInfo:
    """The key's holder and role; AuthError when the key is unknown or revoked."""
    return _lookup(store, secret_hash(secret))


def _lookup(store: Store, digest: str) -> KeyInfo:
    with store.engine.connect() as conn:
        row = conn.execute(_BY_HASH, {"secret_hash": digest}).first()
    if row is None:
        raise AuthError("unknown API key")
    info = _key_info(row)
    if not info.active:
        raise revoked_error(info, info.revoked_at)
    return info


def revoked_error(key: KeyInfo, revoked_at: str | None) -> AuthError:
    return AuthError(f"this API key ({key.prefix}...) was revoked at {revoked_at}")


def revoked_among(conn: Connection, key_ids: Iterable[int]) -> dict[int, str]:
    """Which of these keys are revoked now, with when: the check a `KeyCache` user makes in its write."""
    ids = sorted(set(key_ids))
    return {row.id: row.revoked_at for row in conn.execute(_REVOKED, {"ids": ids})} if ids else {}


def revoked_among_sqlite(cursor: sqlite3.Cursor, key_ids: Iterable[int]) -> dict[int, str]:
    """revoked_among on a sqlite3 cursor: for the API's audit writer (see cases.audit.append_many_sqlite)."""
    ids = sorted(set(key_ids))
    if not ids:
        return {}
    keys = t.api_keys.name
    found = cursor.execute(f"SELECT id, revoked_at FROM {keys} WHERE revoked_at IS NOT NULL AND id IN "  # noqa: S608
                           f"({', '.join('?' * len(ids))})", ids)  # placeholders only: the ids are parameters
    return {key_id: revoked_at for key_id, revoked_at in found}


class KeyCache:
    """Keys found valid in the last `max_age` seconds, by their hash: most requests then read nothing.

    A read of the store on the HTTP server's event loop costs far more than the query itself (three
    calls into SQLite, each giving up the GIL to the screening thread and waiting to get it back). But
    a cached key may have been revoked since: whoever authenticates through this cache must check the
    key again (`revoked_among`) in the transaction that commits its work, and refuse it there. Unknown
    and revoked keys are never cached; every miss is the usual lookup.
    """

    _MAX_KEYS = 10_000  # past this many live keys, start afresh rather than grow

    def __init__(self, max_age: float = 30.0) -> None:
        self.max_age = max_age
        self._keys: dict[str, tuple[KeyInfo, float]] = {}

    def authenticate(self, store: Store, secret: str) -> KeyInfo:
        digest = secret_hash(secret)
        now = time.monotonic()
        hit = self._keys.get(digest)
        if hit is not None and now - hit[1] < self.max_age:
            return hit[0]
        if len(self._keys) >= self._MAX_KEYS:
            self._keys.clear()
        info = _lookup(store, digest)
        self._keys[digest] = (info, now)
        return info


def require(key: KeyInfo, role: Role) -> None:
    """Forbidden unless the key's role includes `role`."""
    if not key.role.includes(role):
        raise Forbidden(f"this needs the role '{role.value}' or higher; the key of '{key.name}' has "
                        f"'{key.role.value}'")


def _clean_name(name: str) -> str:
    holder = " ".join(name.split())
    if not holder:
        raise HoarfrostError("a key needs the name of who holds it")
    if len(holder) > MAX_NAME_LENGTH:
        raise HoarfrostError(f"the key's name is longer than {MAX_NAME_LENGTH} characters")
    if not holder.isprintable():
        raise HoarfrostError("the key's name holds control characters")
    return holder


def _key_info(row: Row[Any]) -> KeyInfo:
    return KeyInfo(row.id, row.name, row.prefix, Role(row.role), row.created_at, row.revoked_at)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
