"""HTTP and CLI helpers for outside probes of `mediarch` (standard library only)."""

from __future__ import annotations

import contextlib
import html
import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

MEDIARCH = os.environ.get("MEDIARCH", "mediarch")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


class Server:
    def __init__(self, root, workers=2, log=None):
        self.root = Path(root)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(log or (self.root.parent / f"serve-{self.port}.log"), "w")  # noqa: SIM115 - closed by stop()
        self.proc = subprocess.Popen(
            [
                MEDIARCH,
                "--root",
                str(root),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--workers",
                str(workers),
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.base + "/index.json", timeout=5).read()
                return
            except Exception:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("server did not start")

    def stop(self):
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


class Client:
    """A browser-ish client: cookies, no automatic redirects."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect
        )

    def get(self, path, data=None, headers=None):
        url = path if path.startswith("http") else self.base + path
        body = urllib.parse.urlencode(data).encode() if isinstance(data, dict) else data
        req = urllib.request.Request(url, data=body, headers=headers or {})
        t = time.time()
        try:
            r = self.opener.open(req, timeout=60)
            st, hd, raw = r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            st, hd, raw = e.code, dict(e.headers), e.read()
        return Resp(st, hd, raw, time.time() - t)

    def post(self, path, data):
        return self.get(path, data=data)

    def form(self, path, action=None):
        """The fields of the form on `path` (whose action starts with `action`), with defaults."""
        r = self.get(path)
        return forms(r.text, action), r

    def signin(self, user, password):
        f, _ = self.form("/signin", "/signin")
        f.update({"name": user, "password": password})
        return self.post("/signin", f)


def forms(text, action=None):
    """Fields (name -> value) of the first form whose action starts with `action`."""
    for m in re.finditer(r"<form\b([^>]*)>(.*?)</form>", text, re.S):
        attrs, body = m.group(1), m.group(2)
        act = re.search(r'action="([^"]*)"', attrs)
        act = html.unescape(act.group(1)) if act else ""
        if action is not None and not act.startswith(action):
            continue
        out = {}
        for inp in re.finditer(r"<input\b([^>]*)>", body):
            a = inp.group(1)
            n = re.search(r'name="([^"]+)"', a)
            if not n:
                continue
            t = re.search(r'type="([^"]+)"', a)
            v = re.search(r'value="([^"]*)"', a)
            if t and t.group(1) in ("checkbox", "radio") and "checked" not in a:
                continue
            out[html.unescape(n.group(1))] = html.unescape(v.group(1)) if v else ""
        for ta in re.finditer(r'<textarea\b[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', body, re.S):
            out[html.unescape(ta.group(1))] = html.unescape(ta.group(2))
        for sel in re.finditer(r'<select\b[^>]*name="([^"]+)"[^>]*>(.*?)</select>', body, re.S):
            opt = re.search(
                r'<option\b[^>]*value="([^"]*)"[^>]*selected', sel.group(2)
            ) or re.search(r'<option\b[^>]*selected[^>]*value="([^"]*)"', sel.group(2))
            out[html.unescape(sel.group(1))] = html.unescape(opt.group(1)) if opt else ""
        out["__action__"] = act
        return out
    return {}


class Resp:
    def __init__(self, status, headers, raw, elapsed):
        self.status, self.headers, self.raw, self.elapsed = status, headers, raw, elapsed

    @property
    def text(self):
        return self.raw.decode("utf-8", "replace")

    def norm(self):
        return normalise_text(self.text)

    def json(self):
        return json.loads(self.raw)


def normalise_text(t: str) -> str:
    """Everything a leak could hide behind: JSON escapes, HTML entities, URL quoting."""
    out = [t]
    with contextlib.suppress(Exception):
        out.append(json.dumps(json.loads(t), ensure_ascii=False))
    out.append(html.unescape(t))
    out.append(urllib.parse.unquote(html.unescape(t)))
    out.append(urllib.parse.unquote_plus(html.unescape(t)))
    # strip the <mark> and tags, so a word split by markup is whole again
    out.append(re.sub(r"<[^>]+>", "", html.unescape(t)))
    return "\n".join(out)


def find_secrets(text: str, words):
    low = text.lower()
    return sorted({w for w in words if w.lower() in low})


def cli(root, *args, input=None, env=None):
    """`mediarch --root ROOT ARGS…`: in the test's process (the real `main`), or a process of
    its own when an environment is given. An output path of /dev/stdout is read back into the
    answer's stdout, as a shell would show it."""
    from tests.conftest import run_mediarch

    if env is not None:
        return subprocess.run(
            [MEDIARCH, "--root", str(root), *args],
            capture_output=True,
            text=True,
            input=input,
            env=env,
            timeout=300,
        )
    args = [str(a) for a in args]
    if "/dev/stdout" not in args:
        return run_mediarch("--root", str(root), *args, stdin=input or "")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "stdout"
        args[args.index("/dev/stdout")] = str(out)
        done = run_mediarch("--root", str(root), *args, stdin=input or "")
        if out.exists():
            done.stdout += out.read_text(encoding="utf-8", errors="replace")
        return done


LINK_RE = re.compile(r'(?:href|src|action)="([^"]+)"')


def crawl(
    client, starts, limit=1500, skip=("/signin", "/signout", "/register", "/staff", "/account")
):
    """Follow every same-site link from the start pages; return {path: Resp}."""
    seen, queue, out = set(), list(starts), {}
    while queue and len(out) < limit:
        p = queue.pop(0)
        p = html.unescape(p)
        if p in seen or not p.startswith("/") or p.startswith("//"):
            continue
        if any(p.startswith(s) for s in skip):
            continue
        seen.add(p)
        r = client.get(p)
        out[p] = r
        ctype = r.headers.get("Content-Type", "")
        if r.status == 200 and ("html" in ctype or "xml" in ctype):
            for m in LINK_RE.findall(r.text):
                m = html.unescape(m)
                if m.startswith(client.base):
                    m = m[len(client.base) :]
                if m.startswith("/") and m not in seen:
                    queue.append(m)
                    if (
                        not m.split("?")[0].endswith(
                            (".json", ".xml", ".bib", ".ris", ".atom", ".svg")
                        )
                        and "?" not in m
                        and "/download" not in m
                    ):
                        queue.append(m + ".json")
            if "xml" in ctype:
                for m in re.findall(r"<(?:loc|link)[^>]*>(http[^<]+)<", r.text) + re.findall(
                    r'<link[^>]*href="(http[^"]+)"', r.text
                ):
                    if m.startswith(client.base):
                        queue.append(m[len(client.base) :])
    return out


def multipart(fields, files):
    """Encode a multipart/form-data body: files is a list of (field, filename, bytes)."""
    import uuid

    b = "----probe" + uuid.uuid4().hex
    out = []
    for k, v in fields.items():
        out.append(f'--{b}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    for k, name, data in files:
        out.append(
            f'--{b}\r\nContent-Disposition: form-data; name="{k}"; filename="{name}"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n".encode()
            + data
            + b"\r\n"
        )
    out.append(f"--{b}--\r\n".encode())
    return b"".join(out), {"Content-Type": f"multipart/form-data; boundary={b}"}
