"""The `mediarch` command: the one place where the archive, ingest and the web UI meet.

Every command but `init` and `demo` works on an existing depository named by `--root PATH`
(before or after the command) or the MEDIARCH_ROOT environment variable. Errors are shown
once, plainly, and the exit code is non-zero (which code for which error: `exits`).

`parser` holds every command and its options, and names its handler; the handlers are grouped
by what they work on: `records` (show, confirm, publish, import-metadata, log, audit), `search`
(search, reindex, indexer), `access` (users, release, embargo), `ingest` (ingest, jobs) and
`depository` (init, check, fixity, backup, restore, export, serve, demo); `common` holds what
they share. This package is the composition root: it alone in `archive/` imports `ingest/` and
`webui/`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from archive.cli import exits
from archive.cli.parser import build_parser

__all__ = ["build_parser", "main"]


@functools.cache
def _parser():
    """Built once a process: a server's schedule and the tests call `main` many times."""
    return build_parser()


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    # argparse gives a word after an option to no positional (`export csv SEL --as staff OUT`):
    # such words fill the command's optional positionals still empty, in order
    late = [name for name in getattr(args, "late_positionals", ()) if getattr(args, name) is None]
    while extra and late and not extra[0].startswith("-"):
        setattr(args, late.pop(0), extra.pop(0))
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command == "init" and args.path:
        args.root = args.path
    return exits.run(args.handler, args)
