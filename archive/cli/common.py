"""What the handlers of every command group share: the depository they are given, JSON on
standard output, the actor they log as and the note on missing tools."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from archive.errors import ArchiveError

SAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "sample_corpus"
ACTOR = "cli"


def given_root(args: argparse.Namespace) -> Path:
    """The depository named by --root (before or after the command) or MEDIARCH_ROOT."""
    root = getattr(args, "root", None) or os.environ.get("MEDIARCH_ROOT")
    if not root:
        raise ArchiveError("no depository given: use --root PATH or set MEDIARCH_ROOT")
    return Path(root)


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")


def say_missing_tools() -> None:
    """Once, on standard error: which optional tool is not installed and what that costs."""
    from ingest.tools import missing_note

    for line in missing_note():
        print(line, file=sys.stderr)
