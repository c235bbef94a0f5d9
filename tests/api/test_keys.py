"""API keys through the real CLI: shown once, stored as a hash only, roles ordered, making and revoking audited."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from hoarfrost import access
from hoarfrost.access import Role
from hoarfrost.cases import audit
from hoarfrost.errors import AuthError, Forbidden
from hoarfrost.store import Store
from hoarfrost.store import schema as t
from tests.helpers import run_cli


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "keys.db"
    Store.open(path).close()
    return path


def test_a_key_is_shown_once_and_stored_as_its_hash(db: Path) -> None:
    created = run_cli("keys", "create", "Core banking", "--role", "analyst", db=db)
    secret = created.stdout.strip()
    assert secret.startswith("hf_") and len(secret) >= 40 and "shown once" in created.stderr
    listed = json.loads(run_cli("keys", "list", "--json", db=db).stdout)
    assert listed == [{"id": 1, "name": "Core banking", "prefix": secret[:9], "role": "analyst",
                       "created_at": listed[0]["created_at"], "revoked_at": None}]
    assert secret not in run_cli("keys", "list", db=db).stdout
    store = Store.open(db)
    try:
        with store.engine.connect() as conn:
            row = conn.execute(select(t.api_keys)).one()
        assert row.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
        assert access.authenticate(store, secret).name == "Core banking"
        with pytest.raises(AuthError, match="unknown API key"):
            access.authenticate(store, secret + "x")
    finally:
        store.close()
    assert secret.encode() not in db.read_bytes()


def test_revoking_is_audited_and_refuses_the_key(db: Path) -> None:
    secret = run_cli("keys", "create", "Analyst Ann", "--role", "supervisor", db=db).stdout.strip()
    assert "revoked at" in run_cli("keys", "revoke", "1", db=db).stdout
    again = run_cli("keys", "revoke", "1", db=db, check=False)
    unknown = run_cli("keys", "revoke", "7", db=db, check=False)
    assert again.returncode == 1 and "already revoked" in again.stderr and "Traceback" not in again.stderr
    assert unknown.returncode == 1 and "no API key with id 7" in unknown.stderr
    store = Store.open(db)
    try:
        with pytest.raises(AuthError, match="revoked"):
            access.authenticate(store, secret)
        records = list(audit.records(store))
        assert audit.verify(store).ok
    finally:
        store.close()
    assert [(r.action, r.subject) for r in records] == [("key.create", "api_key:1"), ("key.revoke", "api_key:1")]
    assert all(json.loads(r.detail)["role"] == "supervisor" for r in records)
    text = json.dumps([r.as_json() for r in records])
    assert secret not in text and hashlib.sha256(secret.encode()).hexdigest() not in text


@pytest.mark.parametrize(("args", "message"), [
    (["create", "Bob", "--role", "boss"], "unknown role 'boss'"),
    (["create", "   "], "needs the name"),
    (["create", "x" * 200], "longer than 128"),
])
def test_bad_key_commands_say_what_is_wrong(db: Path, args: list[str], message: str) -> None:
    result = run_cli("keys", *args, db=db, check=False)
    assert result.returncode != 0 and message in result.stderr and "Traceback" not in result.stderr


def test_each_role_includes_the_ones_below() -> None:
    order = [Role.SCREENING, Role.ANALYST, Role.SUPERVISOR, Role.ADMIN]
    for i, held in enumerate(order):
        key = access.KeyInfo(1, "k", "hf_", held, "", None)
        for j, needed in enumerate(order):
            if j <= i:
                access.require(key, needed)
            else:
                with pytest.raises(Forbidden, match=f"'{needed.value}' or higher"):
                    access.require(key, needed)
