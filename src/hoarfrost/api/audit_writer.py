"""Audit records of API calls, committed in groups by one writer thread.

Each screening call must be in the audit trail before it is answered. One transaction per call costs
a write lock and a commit each (about 2 ms here), on the screening thread's time. Instead, calls hand
their record to this thread and wait for it: the thread takes every record waiting, appends them
in one transaction (`audit.append_many_sqlite`) and then releases each caller. Under load, many calls
share one commit; alone, a call waits for its own, as before. Nothing is answered before it is recorded.

The thread keeps one SQLite connection of the store's (its pragmas set) and speaks SQLite's SQL to it,
not SQLAlchemy's: at 200 calls a second SQLAlchemy's own work per commit took more of the server's one
GIL than the screening did (measured under benchmarks/bench_api.py's load: 3.3 ms of CPU per call, 1.9 without
audit records).

A call authenticated from the key cache (`access.KeyCache`) hands over its key too: the same
transaction checks that no key of the group was revoked meanwhile, and a call whose key was is
refused (401) and not recorded, so a revoked key still stops working at once.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import sqlite3
import threading
from collections.abc import Mapping
from concurrent.futures import Future
from typing import Any

from sqlalchemy import PoolProxiedConnection
from sqlalchemy.exc import SQLAlchemyError

from hoarfrost import access
from hoarfrost.access import KeyInfo
from hoarfrost.cases import audit
from hoarfrost.errors import StoreError
from hoarfrost.store import Store

log = logging.getLogger("hoarfrost.api")
_GROUP = 500  # records per transaction at most

Entry = tuple[str, str, str, Mapping[str, Any]]  # actor, action, subject, detail
Waiting = tuple[Entry, KeyInfo | None, Future[None]]  # a record, the key to check again, its caller


class AuditWriter:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._waiting: queue.SimpleQueue[Waiting | None] = queue.SimpleQueue()
        self._connection: PoolProxiedConnection | None = None
        self._thread = threading.Thread(target=self._run, name="audit-writer", daemon=True)
        self._thread.start()

    async def append(self, actor: str, action: str, subject: str, detail: Mapping[str, Any],
                     key: KeyInfo | None = None) -> None:
        """Return once the record is committed; StoreError if it could not be, AuthError if `key` (to check
        again) was revoked."""
        done: Future[None] = Future()
        self._waiting.put(((actor, action, subject, detail), key, done))
        try:
            await asyncio.wrap_future(done)
        except (SQLAlchemyError, sqlite3.Error) as exc:
            raise StoreError(f"the call could not be recorded in the audit trail, so it is not answered "
                             f"({type(exc).__name__})") from None

    def close(self) -> None:
        self._waiting.put(None)
        self._thread.join(timeout=30)

    def _run(self) -> None:
        try:
            while (first := self._waiting.get()) is not None:
                group, stop = self._group(first)
                self._commit(group)
                if stop:
                    return
        finally:
            if self._connection is not None:
                self._connection.close()

    def _group(self, first: Waiting) -> tuple[list[Waiting], bool]:
        """`first` and every record waiting behind it; and whether the writer was asked to stop."""
        group = [first]
        while len(group) < _GROUP:
            try:
                item = self._waiting.get_nowait()
            except queue.Empty:
                break
            if item is None:
                return group, True
            group.append(item)
        return group, False

    def _sqlite(self) -> sqlite3.Connection:
        """The writer's own connection (made on this thread, the only one to use it), the store's pragmas set."""
        if self._connection is None:
            self._connection = self.store.engine.raw_connection()
        connection = self._connection.driver_connection
        if not isinstance(connection, sqlite3.Connection):
            raise StoreError("the audit writer needs the store's SQLite connection")
        return connection

    def _commit(self, group: list[Waiting]) -> None:
        try:
            connection = self._sqlite()
            cursor = connection.cursor()
            cursor.execute("BEGIN IMMEDIATE")
            try:
                revoked = access.revoked_among_sqlite(cursor, [key.id for _, key, _ in group if key is not None])
                audit.append_many_sqlite(cursor, [entry for entry, key, _ in group
                                                  if key is None or key.id not in revoked])
                cursor.execute("COMMIT")
            finally:
                if connection.in_transaction:  # an error before the commit: nothing of the group stays
                    connection.rollback()
        except Exception as exc:  # every waiting caller hears of it; the thread lives on
            log.error("audit records could not be written: %s", type(exc).__name__)
            for _, _, done in group:
                done.set_exception(exc)
            return
        for _, key, done in group:
            if key is not None and key.id in revoked:
                done.set_exception(access.revoked_error(key, revoked[key.id]))
            else:
                done.set_result(None)
