"""What changed between two snapshots of a list: designations added, removed and changed.

Pure functions over the model. Entities are compared by publisher id; a
changed entity lists, field by field, the values that appeared and the values
that went, each written as an analyst would read it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from hoarfrost.model import (
    Address,
    Attribute,
    BirthDate,
    Designation,
    Entity,
    Identifier,
    Name,
    Place,
)

_COMPARED = [f.name for f in fields(Entity) if f.name not in ("source", "source_id", "snapshot_id")]


@dataclass(frozen=True)
class FieldChange:
    field: str
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True)
class EntityChange:
    kind: str  # "added", "removed", "changed"
    source_id: str
    caption: str
    schema: str
    changes: tuple[FieldChange, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "change": self.kind, "source_id": self.source_id, "caption": self.caption, "schema": self.schema,
            "fields": [{"field": c.field, "added": list(c.added), "removed": list(c.removed)} for c in self.changes],
        }


@dataclass(frozen=True)
class ListDiff:
    source: str
    old_snapshot: int
    new_snapshot: int
    added: tuple[EntityChange, ...]
    removed: tuple[EntityChange, ...]
    changed: tuple[EntityChange, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source, "old_snapshot": self.old_snapshot, "new_snapshot": self.new_snapshot,
            "counts": {"added": len(self.added), "removed": len(self.removed), "changed": len(self.changed)},
            "added": [c.as_json() for c in self.added],
            "removed": [c.as_json() for c in self.removed],
            "changed": [c.as_json() for c in self.changed],
        }


def diff_lists(
    source: str, old_snapshot: int, new_snapshot: int,
    old_hashes: Mapping[str, str], new_hashes: Mapping[str, str],
    load: Callable[[set[str]], Mapping[str, Entity]],
) -> ListDiff:
    """Compare two snapshots given their id -> version-hash maps; `load` fetches entities by hash."""
    added_ids = sorted(new_hashes.keys() - old_hashes.keys())
    removed_ids = sorted(old_hashes.keys() - new_hashes.keys())
    changed_ids = sorted(i for i in new_hashes.keys() & old_hashes.keys() if new_hashes[i] != old_hashes[i])
    wanted = {new_hashes[i] for i in added_ids + changed_ids} | {old_hashes[i] for i in removed_ids + changed_ids}
    entities = load(wanted)

    def summary(kind: str, entity: Entity, changes: tuple[FieldChange, ...] = ()) -> EntityChange:
        return EntityChange(kind, entity.source_id, entity.caption, str(entity.schema), changes)

    return ListDiff(
        source, old_snapshot, new_snapshot,
        added=tuple(summary("added", entities[new_hashes[i]]) for i in added_ids),
        removed=tuple(summary("removed", entities[old_hashes[i]]) for i in removed_ids),
        changed=tuple(
            summary("changed", new, compare_entities(old, new))
            for old, new in ((entities[old_hashes[i]], entities[new_hashes[i]]) for i in changed_ids)
        ),
    )


def compare_entities(old: Entity, new: Entity) -> tuple[FieldChange, ...]:
    """Field by field, the values `new` has that `old` lacks and the reverse."""
    changes = []
    for name in _COMPARED:
        before, after = _described(getattr(old, name)), _described(getattr(new, name))
        if before != after:
            changes.append(FieldChange(name, tuple(sorted(after - before)), tuple(sorted(before - after))))
    return tuple(changes)


def _described(value: object) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, tuple):
        return {describe(item) for item in value}
    return {describe(value)}


def describe(value: object) -> str:
    """One value as an analyst reads it."""
    if isinstance(value, Name):
        return f"{value.value} ({value.kind}, {value.script})"
    if isinstance(value, BirthDate):
        text = value.date.iso + (f" to {value.until.iso}" if value.until else "")
        return f"circa {text}" if value.circa else text
    if isinstance(value, Identifier):
        return " ".join(filter(None, [str(value.kind), value.value, value.country]))
    if isinstance(value, Designation):
        parts = [value.authority, value.regime, value.legal_basis, value.listed_on, value.source_id, value.reason]
        return " / ".join(filter(None, parts))
    if isinstance(value, Address):
        return value.full or ", ".join(filter(None, [value.street, value.city, value.region, value.country]))
    if isinstance(value, Place):
        return value.text
    if isinstance(value, Attribute):
        return f"{value.key}: {value.value}"
    return str(value)
