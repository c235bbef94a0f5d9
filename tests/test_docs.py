"""The README does not drift from the code: its settings table, quick start and list table."""

from __future__ import annotations

from hoarfrost.catalog import OFFICIAL_LISTS
from hoarfrost.config import SETTINGS
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_the_two_make_commands() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("```")[1]
    assert quick_start.split() == ["make", "demo", "make", "test"]


def test_every_setting_is_documented() -> None:
    for setting in SETTINGS:
        assert f"`{setting.env}`" in README, setting.env


def test_every_official_list_and_its_url_is_documented() -> None:
    for entry in OFFICIAL_LISTS:
        assert f"`{entry.key}`" in README, entry.key
        assert entry.urls[0].split("?")[0].rsplit("/", 1)[-1] in README, entry.urls[0]


def test_every_command_is_documented() -> None:
    from hoarfrost.cli import app

    commands = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    groups = [g.name for g in app.registered_groups]
    assert len(commands) >= 8 and len(groups) >= 5
    for name in [*commands, *groups]:
        assert f"`hoarfrost {name.replace('_', '-')}" in README, name
    for group in app.registered_groups:  # and each command of a group, `hoarfrost keys create NAME` or
        assert group.typer_instance is not None  # on the group's line after it, "... / `list` / `revoke ID`"
        lines = [line for line in README.splitlines() if f"`hoarfrost {group.name} " in line]
        for command in group.typer_instance.registered_commands:
            name = (command.name or (command.callback.__name__ if command.callback else "")).replace("_", "-")
            assert any(f"`hoarfrost {group.name} {name}" in line or f"/ `{name}" in line for line in lines), name
