"""Signing in and out, readers' registration and their own page. Sessions are Flask's signed
cookies (HttpOnly, SameSite=Lax) holding the user's name and a CSRF token; the user is read
from the catalog on every request, so a disabled account is out at once."""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from archive.access import requests as access_requests
from archive.access.signin import Throttled, address_key, registration_allowed, sign_in
from archive.access.users import PROFILE, User, UserError, Users

auth = Blueprint("auth", __name__)
SECRET_FILE = "secret_key"
UPLOAD_PATH = "/staff/upload"
CSRF_FREE = ("/oai",)  # OAI-PMH may be asked by POST; it reads and changes nothing
MAX_UPLOAD = 2 * 1024**3  # one upload of a collection
MAX_FORM = 1024**2  # any other form


def client_address() -> str:
    """Whom failed attempts are counted against: the client's address (behind a proxy the
    site trusts, `[web] behind_proxy = true`, the one it forwards), an IPv6 one by its /64."""
    return address_key(request.remote_addr or "unknown")


def secret_key(root: Path) -> bytes:
    """The key that signs session cookies: made once per depository, shared by every worker,
    readable by its owner only. Written whole under another name and linked into place, so a
    worker starting at the same moment never reads half a key."""
    path = Path(root) / SECRET_FILE
    if not path.exists():
        tmp = path.with_name(f"{SECRET_FILE}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(secrets.token_bytes(32))
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(tmp, path)  # fails when another worker was first: theirs is kept
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    key = path.read_bytes()
    if len(key) < 32:
        raise RuntimeError(f"{path}: the session key is damaged (delete it to make a new one)")
    return key


def load_user() -> None:
    """Who asks: g.user (None when signed out) and g.audience, the audience they read as. The
    user is read again on every request: disabled, or signed out elsewhere, they are out."""
    g.user = None
    name = session.get("user")
    if name:
        users = Users(g.site.depository.catalog)
        try:
            user = users.get(name)
        except UserError:
            user = None
        if (
            user is not None
            and user.status == "active"
            and session.get("epoch") == users.session_epoch(name)
        ):
            g.user = user
        else:
            session.clear()
    g.audience = g.user.audience if g.user else "public"


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def check_csrf() -> None:
    """Every form posted carries the session's token; anything else is refused, before its
    body is read (a session without a token cannot have drawn a form)."""
    if request.method != "POST" or request.path in CSRF_FREE:
        return
    expected = session.get("csrf", "")
    if not expected:
        abort(400)
    request.max_content_length = MAX_UPLOAD if request.path == UPLOAD_PATH else MAX_FORM
    sent = request.form.get("csrf", "")
    if not sent or not hmac.compare_digest(sent, expected):
        abort(400)


def _wants_json() -> bool:
    return request.path.endswith(".json")


def _safe_next(target: str | None) -> str:
    """Only a path on this site to go back to: no scheme, no host, no `//`, no backslash and
    no control character or space (browsers drop tabs and newlines: `/\t/elsewhere` is
    `//elsewhere` to them)."""
    home = url_for("public.home")
    if not target or any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in target):
        return home
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return home
    if "\\" in target:
        return home
    return target


@auth.route("/signin", methods=["GET", "POST"])
def signin():
    error = None
    if request.method == "POST":
        try:
            user = sign_in(
                g.site.depository.catalog,
                request.form.get("name", ""),
                request.form.get("password", ""),
                client_address(),
                g.site.now(),
            )
        except Throttled as exc:
            minutes = max(1, round(exc.retry_after.total_seconds() / 60))
            return render_template(
                "signin.html",
                error=g.t.n("throttled", minutes, minutes=minutes),
                next=request.form.get("next"),
            ), 429
        if user is None:
            error = g.t["signin_failed"]
        else:
            session.clear()  # a new session for the signed-in user: no fixation
            session["user"] = user.name
            session["epoch"] = Users(g.site.depository.catalog).session_epoch(user.name)
            session["csrf"] = secrets.token_urlsafe(32)
            return redirect(_safe_next(request.form.get("next")))
    return render_template(
        "signin.html", error=error, next=request.values.get("next")
    ), 401 if error else 200


@auth.route("/signout", methods=["POST"])
def signout():
    if g.user is not None:  # every session of theirs ends, a copied cookie too
        Users(g.site.depository.catalog).new_session_epoch(g.user.name)
    session.clear()
    return redirect(url_for("public.home"))


@auth.route("/register", methods=["GET", "POST"])
def register():
    values: dict[str, Any] = {}
    error = None
    if request.method == "POST":
        values = {k: request.form.get(k, "") for k in ("name", *PROFILE)}
        password = request.form.get("password", "")
        if password != request.form.get("password_again", ""):
            error = g.t["passwords_differ"]
        elif not registration_allowed(g.site.depository.catalog, client_address(), g.site.now()):
            error = g.t["registrations_throttled"]
        else:
            try:
                Users(g.site.depository.catalog).register(
                    values["name"].strip().lower(), password, values
                )
            except UserError as exc:
                error = g.t.error(exc)
            else:
                return render_template("registered.html", name=values["name"])
    return render_template("register.html", values=values, error=error), 400 if error else 200


@auth.route("/account")
@auth.route("/account.json", endpoint="account_json")
def account():
    user: User | None = g.user
    if user is None:
        if _wants_json():
            abort(401)  # the one JSON error shape, as the staff's twins answer
        return redirect(url_for("auth.signin", next=request.path))
    catalog = g.site.depository.catalog
    asked = access_requests.of_user(catalog, user.name)
    data = {
        "user": {"name": user.name, "role": user.role, "since": user.created_at[:10]},
        "profile": Users(catalog).profile(user.name),
        "requests": [vars(r) for r in asked],
    }
    if _wants_json():
        return jsonify(data)
    return render_template("account.html", data=data)


@auth.route("/records/<identifier>/request", methods=["POST"])
def request_access(identifier: str):
    """A reader asks for a record listed but closed to them."""
    user: User | None = g.user
    if user is None:
        return redirect(
            url_for("auth.signin", next=url_for("public.record", identifier=identifier))
        )
    site = g.site
    view = site.access.view_by_id(site.depository.catalog, identifier, g.audience, site.now())
    if view is None or view.full:  # nothing to ask for, or a record they may not know
        abort(404)
    try:
        access_requests.ask(
            site.depository.catalog,
            identifier,
            user=user.name,
            reason=request.form.get("reason", ""),
        )
    except access_requests.RequestError as exc:
        flash(g.t.error(exc))
    else:
        flash(g.t["request_sent"])
    return redirect(url_for("public.record", identifier=identifier))
