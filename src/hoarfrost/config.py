"""Every setting, declared once: name, environment variable, default, help.

Settings are read into a `Settings` object that is passed to whatever needs
it; nothing reads the environment at import time. The README's settings table
is tested against `SETTINGS`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from hoarfrost.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "HOARFROST_DB", "",
            "Path of the SQLite store (default: the user data folder) or a SQLAlchemy URL."),
    Setting("lists_dir", "HOARFROST_LISTS_DIR", "",
            "Folder of local list copies used when a publisher URL cannot be reached."),
    Setting("download_timeout", "HOARFROST_DOWNLOAD_TIMEOUT", "30",
            "Seconds to wait for a publisher before using local copies."),
    Setting("sources", "HOARFROST_SOURCES", "",
            "Comma-separated list keys that 'update' fetches (default: all official lists)."),
)


@dataclass(frozen=True)
class Settings:
    db: Path | str
    lists_dir: Path | None = None
    download_timeout: float = 30.0
    sources: tuple[str, ...] = ()
    url_overrides: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from the environment, with CLI flags (`overrides`, None = not given) on top."""
        env = os.environ if env is None else env
        db = overrides.get("db") or env.get("HOARFROST_DB") or default_db_path()
        lists_dir = overrides.get("lists_dir") or env.get("HOARFROST_LISTS_DIR") or None
        timeout_text = env.get("HOARFROST_DOWNLOAD_TIMEOUT", "30")
        try:
            timeout = float(timeout_text)
        except ValueError:
            raise ConfigError(f"HOARFROST_DOWNLOAD_TIMEOUT must be a number of seconds, not {timeout_text!r}") from None
        sources = tuple(s.strip() for s in env.get("HOARFROST_SOURCES", "").split(",") if s.strip())
        urls = {k[len("HOARFROST_URL_"):].lower(): v for k, v in env.items() if k.startswith("HOARFROST_URL_")}
        return cls(
            db=db if isinstance(db, str) and "://" in db else Path(str(db)),
            lists_dir=Path(str(lists_dir)) if lists_dir else None,
            download_timeout=timeout,
            sources=sources,
            url_overrides=urls,
        )


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("hoarfrost")) / "hoarfrost.db"
