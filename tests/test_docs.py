"""The docs keep up with the code: every command documented, the description model current."""

from __future__ import annotations

import argparse

from archive import schema_docs
from archive.cli import build_parser
from tests.conftest import REPO


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def test_every_command_is_in_the_readme_and_the_cli_docs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    cli_doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in _commands():
        assert f"mediarch {command}" in readme, command
        assert f"## `mediarch {command}" in cli_doc, command


def test_the_description_model_docs_are_generated_from_the_schemas():
    current = (REPO / "docs" / "metadata.md").read_text(encoding="utf-8")
    assert current == schema_docs.render(), "run: python -m archive.schema_docs > docs/metadata.md"
