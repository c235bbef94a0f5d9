"""The one exception tree of hoarfrost.

Everything hoarfrost raises on purpose derives from `HoarfrostError`, so a
face (CLI, API) can turn any of them into a clear message without a traceback::

    HoarfrostError
    ├── ConfigError            a setting is missing or malformed
    ├── ListFileError          a list file cannot be read as its format says
    │   ├── UnknownFormatError no reader recognises the file (or --format is unknown)
    │   └── HostileInputError  DTDs, entity expansion, zip bombs, oversized fields
    ├── StoreError             the store cannot be opened or written
    │   └── SnapshotNotFound   a source or snapshot id that is not in the store
    ├── DownloadError          a publisher URL could not be fetched
    ├── QueryError             a screening query is malformed (empty name, bad date, ...)
    ├── CustomerFileError      a customer file cannot be read (the message names the row)
    ├── CaseError              an alert or decision request that cannot be carried out
    │   ├── AlertNotFound      no such alert (or customer, allow-list entry)
    │   ├── DecisionConflict   another decision on the alert came first (HTTP 409)
    │   └── FourEyesError      the same user may not both propose and close
    ├── AuditError             the audit trail is broken (see `hoarfrost audit verify`)
    └── AuthError              an API key is missing, unknown or revoked (HTTP 401)
        └── Forbidden          the key's role may not do this (HTTP 403)
"""

from __future__ import annotations


class HoarfrostError(Exception):
    """Base of every error hoarfrost raises on purpose."""


class ConfigError(HoarfrostError):
    """A setting is missing or malformed."""


class ListFileError(HoarfrostError):
    """A list file is truncated, malformed, empty or wrongly encoded.

    The message names the file and, where known, the line or element.
    """

    def __init__(self, file: str, problem: str, *, where: str | None = None) -> None:
        self.file = file
        self.problem = problem
        self.where = where
        location = f" ({where})" if where else ""
        super().__init__(f"{file}{location}: {problem}")


class UnknownFormatError(ListFileError):
    """No reader recognises the file, or a forced --format does not exist."""


class HostileInputError(ListFileError):
    """The file tries something a list never needs: a DTD, entity expansion, a bomb."""


class StoreError(HoarfrostError):
    """The store cannot be opened, migrated or written."""


class SnapshotNotFound(StoreError):
    """A source key or snapshot id that the store does not hold."""


class DownloadError(HoarfrostError):
    """A publisher URL could not be fetched."""


class QueryError(HoarfrostError):
    """A screening query is malformed: empty name, unknown schema, bad date."""


class CustomerFileError(HoarfrostError):
    """A customer file is unreadable, or a row of it is malformed (the message names the row)."""

    def __init__(self, file: str, problem: str, *, row: int | None = None) -> None:
        self.file = file
        self.problem = problem
        self.row = row
        location = f" (row {row})" if row is not None else ""
        super().__init__(f"{file}{location}: {problem}")


class CaseError(HoarfrostError):
    """An alert or decision request that cannot be carried out as asked."""


class AlertNotFound(CaseError):
    """No alert (or customer, or allow-list entry) with that id."""


class DecisionConflict(CaseError):
    """Another decision on the same alert was recorded first; re-read the alert and decide again."""


class FourEyesError(CaseError):
    """Closing a true match or an escalation needs a second user, different from the first."""


class AuditError(HoarfrostError):
    """The audit trail cannot be read or is broken."""


class AuthError(HoarfrostError):
    """An API key is missing, unknown or revoked."""


class Forbidden(AuthError):
    """The key's role does not allow this."""
