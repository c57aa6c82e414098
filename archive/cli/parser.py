"""The `mediarch` command line: every command, its options and its handler; nothing else."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from archive import __version__
from archive.audiences import AUDIENCES, ROLES
from archive.cli.access import cmd_embargo, cmd_release, cmd_users
from archive.cli.common import SAMPLE_CORPUS
from archive.cli.depository import (
    cmd_backup,
    cmd_check,
    cmd_demo,
    cmd_export,
    cmd_fixity,
    cmd_init,
    cmd_restore,
    cmd_serve,
)
from archive.cli.ingest import cmd_ingest, cmd_jobs
from archive.cli.records import (
    cmd_audit,
    cmd_confirm,
    cmd_import_metadata,
    cmd_log,
    cmd_publish,
    cmd_show,
)
from archive.cli.search import cmd_indexer, cmd_reindex, cmd_search


def build_parser() -> argparse.ArgumentParser:
    # --root is accepted before or after the command; SUPPRESS keeps one from erasing the other.
    root_option = argparse.ArgumentParser(add_help=False)
    root_option.add_argument(
        "--root",
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="the depository's folder (or MEDIARCH_ROOT)",
    )
    parser = argparse.ArgumentParser(
        prog="mediarch",
        parents=[root_option],
        description="The mediation depository: a bilingual archive of peace mediation records.",
    )
    parser.add_argument("--version", action="version", version=f"mediarch {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, handler: Callable[[argparse.Namespace], int], help_: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[root_option], help=help_, description=help_)
        p.set_defaults(handler=handler)
        return p

    p = command(
        "init", cmd_init, "create a depository (catalog, store, index folder, configuration)"
    )
    p.add_argument("path", nargs="?", help="where to create it (or --root)")
    p.add_argument(
        "--name-en", default="The Mediation Depository", help="the institution's name in English"
    )
    p.add_argument("--name-ar", default="مستودع الوساطة", help="the institution's name in Arabic")
    p = command("show", cmd_show, "print a record as JSON")
    p.add_argument("identifier")
    p.add_argument(
        "--as",
        dest="audience",
        default="staff",
        help=f"what this audience sees of it: {', '.join(AUDIENCES)} (default: staff)",
    )
    p.add_argument("--by", help="the reader or staff member reading it (the view is audited)")
    p = command(
        "fixity", cmd_fixity, "re-hash every original; exit 1 when any is missing or altered"
    )
    p.add_argument("--fast", action="store_true", help="compare sizes and counts only")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p = command("search", cmd_search, "search the depository in Arabic or English")
    p.add_argument(
        "query",
        help='words, "phrases", OR, -not, title: process: type: lang: agent: date:2019..2021',
    )
    p.add_argument(
        "--as",
        dest="audience",
        default="staff",
        help=f"the audience to search as: {', '.join(AUDIENCES)} (default: staff)",
    )
    p.add_argument(
        "--at",
        default=None,
        help="a staff preview: what the audience will see on this date (YYYY-MM-DD) or moment",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--limit", type=int, default=10, help="hits per page (default 10)")
    p.add_argument("--page", type=int, default=1, help="page of hits (default 1)")
    p.add_argument(
        "--sort",
        choices=["relevance", "date", "title"],
        help="default: relevance, or date without words",
    )
    p.add_argument("--no-expand", action="store_true", help="no thesaurus or name expansion")
    p = command(
        "reindex", cmd_reindex, "rebuild the search index from the catalog and the kept text"
    )
    p = command("users", cmd_users, "add, list, approve, change or disable users")
    by_option = argparse.ArgumentParser(add_help=False)
    by_option.add_argument("--by", help="who makes the change (default: $USER)")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("add", parents=[root_option, by_option], help="add a user")
    a.add_argument("name")
    a.add_argument("--role", choices=ROLES, default=ROLES[0])
    a.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    a = actions.add_parser("list", parents=[root_option], help="list the users")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser(
        "set-role", parents=[root_option, by_option], help="change a user's role"
    )
    a.add_argument("name")
    a.add_argument("role", choices=ROLES)
    for name, text in (("approve", "let a registered reader in"), ("disable", "shut a user out")):
        a = actions.add_parser(name, parents=[root_option, by_option], help=text)
        a.add_argument("name")
    p = command("release", cmd_release, "release an embargoed record early (two staff members)")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("propose", parents=[root_option], help="propose an early release")
    a.add_argument("identifier")
    a.add_argument("--redacted", action="store_true", help="release the redacted version only")
    a.add_argument("--basis", help="on what basis (a declassification decision, say)")
    a.add_argument("--by", required=True, help="the staff member who proposes it")
    a = actions.add_parser("approve", parents=[root_option], help="approve a proposed release")
    a.add_argument("identifier")
    a.add_argument("--by", required=True, help="another staff member, who approves it")
    p = command("confirm", cmd_confirm, "confirm values ingest guessed for a record")
    p.add_argument("identifier")
    p.add_argument("fields", nargs="*", metavar="FIELD", help="only these (default: all)")
    p.add_argument("--by", help="the staff member who confirms (default: $USER)")
    p = command(
        "publish", cmd_publish, "publish an agent, process or session no public record names"
    )
    p.add_argument("kind", choices=["agent", "process", "session"])
    p.add_argument("identifier")
    p.add_argument("--yes", action="store_true", help="publish (without it: say what would show)")
    p.add_argument("--by", help="the staff member who publishes (default: $USER)")
    p = command("check", cmd_check, "is the catalog consistent with the store and every index?")
    p.add_argument("--json", action="store_true")
    p = command("export", cmd_export, "Dublin Core, EAD3, CSV or BagIt, as an audience sees them")
    p.add_argument("kind", choices=["dc", "ead", "csv", "bagit"])
    p.add_argument(
        "selector",
        nargs="?",
        help="a record (dc), a process (ead), a collection or process (csv: optional; bagit)",
    )
    p.add_argument("out", nargs="?", help="the file to write (the bag's folder for bagit)")
    p.set_defaults(late_positionals=("selector", "out"))
    p.add_argument("--as", dest="audience", default="public", choices=AUDIENCES,
                   help="whose view (default public; staff for the spreadsheet round trip)")  # fmt: skip
    p = command("import-metadata", cmd_import_metadata, "apply an edited spreadsheet's changes")
    p.add_argument(
        "file", help="CSV (any manifest encoding), XLSX or JSON in the manifest's columns"
    )
    p.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    p.add_argument("--by", help="who makes the changes (default: $USER)")
    p.add_argument("--json", action="store_true")
    p = command("backup", cmd_backup, "a verified copy of catalog, originals and configuration")
    p.add_argument("out", help="a new folder")
    p = command(
        "restore", cmd_restore, "restore a backup into a new depository and rebuild its indexes"
    )
    p.add_argument("backup", help="the backup's folder")
    p.add_argument("target", help="the new depository's folder")
    p = command("jobs", cmd_jobs, "list or run the ingest jobs queued from the web")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("list", parents=[root_option], help="the latest jobs and their state")
    a.add_argument("--json", action="store_true")
    actions.add_parser(
        "run", parents=[root_option], help="run every waiting or interrupted job, then exit"
    )
    p = command("embargo", cmd_embargo, "list the records under embargo")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("list", parents=[root_option], help="when each embargo lifts")
    a.add_argument("--lifting-within", metavar="DURATION", help="only those lifting within (90d)")
    a.add_argument("--json", action="store_true")
    p = command(
        "indexer",
        cmd_indexer,
        "keep the indexes current: apply changes and lift embargoes when due, until stopped",
    )
    p.add_argument("--every", type=float, default=15.0, help="seconds between rounds (15)")
    p.add_argument("--once", action="store_true", help="one round, then exit")
    p.add_argument("--quiet", action="store_true", help="print nothing after starting")
    p = command("serve", cmd_serve, "serve the web site (gunicorn), or answer one request")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    p.add_argument("--port", type=int, default=5000, help="port (5000)")
    p.add_argument("--workers", type=int, default=3, help="worker processes (3)")
    p.add_argument("--get", metavar="PATH", help="answer one request in-process and exit")
    p = command("audit", cmd_audit, "who read or downloaded records that are not public")
    p.add_argument("--record", help="only this record")
    p.add_argument("--user", help="only this reader or staff member")
    p.add_argument("--json", action="store_true")
    p = command("log", cmd_log, "print the audit log")
    p.add_argument("--record", help="only the events of this record")
    p.add_argument("--limit", type=int, default=200, help="the last N events (default 200)")
    p = command("ingest", cmd_ingest, "ingest a folder of files, described by an optional manifest")
    p.add_argument("folder", help="the folder to ingest (walked recursively)")
    p.add_argument(
        "--manifest", help="CSV (UTF-8, UTF-16 or Windows-1256), XLSX or JSON, one row per file"
    )
    p.add_argument("--processes", help="JSON file describing the processes")
    p.add_argument("--sessions", help="JSON file describing the sessions")
    p.add_argument("--agents", help="JSON file of agents (authority records)")
    p.add_argument("--collection", help="the collection the records belong to")
    p.add_argument("--jobs", type=int, default=1, help="extraction worker processes (default 1)")
    p.add_argument(
        "--max-file-mb", type=int, default=512, help="refuse files larger than this (default 512)"
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="time bound per file before its pages are counted (default 60; grows with pages)",
    )
    p.add_argument(
        "--memory-mb",
        type=int,
        default=2048,
        help="memory bound per extraction worker (default 2048)",
    )
    p.add_argument("--report", help="write the JSON report to this file")
    p = command(
        "demo",
        cmd_demo,
        "load the sample corpus into a depository (default ./demo-data) on first run, then serve",
    )
    p.add_argument(
        "--corpus", default=str(SAMPLE_CORPUS), help="a described folder (default: sample_corpus)"
    )
    p.add_argument("--again", action="store_true", help="ingest even if it holds records")
    p.add_argument("--no-serve", action="store_true", help="load, check and exit")
    p.add_argument("--host", default="127.0.0.1", help="address to serve on (127.0.0.1)")
    p.add_argument("--port", type=int, default=5000, help="port (5000)")
    return parser
