"""Every command and option explains itself, and every command is in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from sscard_kg.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = typer.main.get_command(app).commands
runner = CliRunner()


def test_the_app_has_commands():
    assert COMMANDS


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_help(name):
    assert (COMMANDS[name].help or "").strip()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_parameter_has_help(name):
    missing = [p.name for p in COMMANDS[name].params
               if isinstance(p, (click.Option, click.Argument)) and not (getattr(p, "help", None) or "").strip()]
    assert missing == []


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_option_works(name):
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_is_documented_in_the_readme(name):
    assert f"sscard-kg {name}" in README
