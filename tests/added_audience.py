"""Run as a script, with `MEDIARCH_VOCABULARIES` naming a folder whose `audiences.json` adds an
audience (`scholar`, between registered readers and staff): a depository of the sample corpus
with one record opened to scholars only and a user of each kind, asked through the command line,
the core and the web site. Prints what each was shown, as JSON, for tests/test_audiences.py.

Nothing here names the new audience but the vocabulary file and the two lines that use it: the
point is that adding an audience reaches every channel without touching the code."""

from __future__ import annotations

import contextlib
import io
import json
import pickle
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PASSWORD = "a long enough passphrase"


def _signed_in(app, name: str):
    client = app.test_client()
    html = client.get("/signin").get_data(as_text=True)
    token = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
    answer = client.post("/signin", data={"name": name, "password": PASSWORD, "csrf": token})
    assert answer.status_code == 302, answer.status_code
    return client


def main(root: Path, audience: str, sample: Path | None = None) -> dict:
    from archive.access.users import Users
    from archive.audiences import AUDIENCES, OUTSIDERS
    from archive.cli import main as mediarch
    from archive.depository import Depository
    from ingest.pipeline import run_ingest
    from tests.conftest import corpus_options
    from webui.app import create_app

    shown: dict = {"audiences": list(AUDIENCES), "outsiders": list(OUTSIDERS)}
    with Depository.create(root) as dep:
        report = run_ingest(dep, corpus_options())
        if sample is not None:  # the sample depository as ingested, for the leak suite's run
            dep.indexes.drain(dep.catalog)
            shutil.copytree(root, sample / "depository")
            (sample / "report.pickle").write_bytes(pickle.dumps(report))
        chosen = "wq-2019-r1-minutes"
        closed = {"access": audience, "description_visibility": "hidden"}  # unlisted below it
        dep.catalog.update_record(chosen, closed, actor="test")
        dep.indexes.drain(dep.catalog)
        users = Users(dep.catalog)
        users.add("sam", PASSWORD, audience, actor="test")
        users.add("rana", PASSWORD, "reader", actor="test")
        shown["served"] = list(dep.indexes.served)
    word = '"shared data protocol"'  # the chosen record ranks first for it
    for asker in ("public", "reader", audience, "staff"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            mediarch(["--root", str(root), "search", word, "--as", asker, "--json"])
        shown[f"search:{asker}"] = [h["id"] for h in json.loads(out.getvalue())["hits"]]
    app = create_app(root)
    try:
        for name, client in (
            ("public", app.test_client()),
            ("rana", _signed_in(app, "rana")),
            ("sam", _signed_in(app, "sam")),
        ):
            page = client.get(f"/records/{chosen}.json")
            shown[f"page:{name}"] = page.status_code
            listed = client.get("/records/th-2024-r3-liaison-memo").get_data(as_text=True)
            shown[f"may_ask:{name}"] = 'name="reason"' in listed  # listed, closed till 2040
            found = client.get("/search.json", query_string={"q": word}).get_json()
            shown[f"web:{name}"] = [h["id"] for h in found["hits"]]
    finally:
        app.config["SITE"].close()
    shown["chosen"] = chosen
    return shown


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), sys.argv[2], *map(Path, sys.argv[3:4]))))
