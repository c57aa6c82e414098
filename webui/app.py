"""The web site's application factory: one depository per process, opened at start-up (its due
transitions applied and its indexes warmed), the public blueprint, security headers on every
answer and one JSON error shape."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, g, make_response, render_template, request
from werkzeug.exceptions import ServiceUnavailable

from archive.access.audit import AuditQueue
from archive.access.gate import Access
from archive.audiences import OUTSIDERS
from archive.depository import Depository
from archive.errors import ConfigError
from archive.index.indexes import IndexDamaged
from archive.index.search import RecordSearch
from webui.auth import MAX_FORM, check_csrf, csrf_token, load_user, secret_key
from webui.errors import json_error
from webui.i18n import LANGUAGES, texts
from webui.schedule import Scheduler

# No inline script or style, nothing from elsewhere: fonts, styles and images from the site.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
LANG_COOKIE = "mediarch_lang"


class Site:
    """What every request of this process reads: the depository, its access gate, search."""

    def __init__(self, root: Path):
        self.depository = Depository.open(root)
        try:  # a damaged index is marked first, then built again by the drain
            self.depository.indexes.verify(checksums=False)  # the schedule reads the files
            self.depository.indexes.drain(self.depository.catalog)  # one worker at a time
        except Exception as exc:  # the worker serves on; the schedule tries again
            print(f"mediarch: the drain at start failed: {exc!r}", file=sys.stderr, flush=True)
        self.search = RecordSearch(self.depository.indexes, self.depository.catalog)
        self.audit = AuditQueue(self.depository.catalog.path)

    @property
    def access(self) -> Access:
        """The depository's one access decision (its rules swapped in place on a reload)."""
        return self.depository.access

    def refresh(self) -> None:
        """Before each request: a changed configuration (an embargo rule) applies before the
        request is answered, in every audience's index, so a closing is never late. Whichever
        thread reads the change first (this one or the scheduler's), every reader decides by
        the new rules from then on."""
        try:
            changed = self.depository.reload_config()
        except ConfigError as exc:  # keep serving under the rules read last; say why
            print(f"mediarch: {exc}", file=sys.stderr)
            return
        if changed or self.depository.indexes.unsettled():  # this thread or the scheduler's
            self.depository.indexes.drain(self.depository.catalog)

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def close(self) -> None:
        scheduler = getattr(self, "scheduler", None)
        if scheduler is not None:
            scheduler.stop()
        self.audit.close()
        self.depository.close()


def create_app(root: Path | str, *, schedule: bool = False) -> Flask:
    """The site of the depository at `root`; with `schedule`, this process also drains the
    indexes every few seconds when no other worker is (what `mediarch serve` runs)."""
    app = Flask(__name__)
    site = Site(Path(root))
    app.config["SITE"] = site
    app.secret_key = secret_key(site.depository.root)
    app.config.update(
        SESSION_COOKIE_NAME="mediarch_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=site.depository.config.secure_cookies,
        PERMANENT_SESSION_LIFETIME=dt.timedelta(hours=12),
        MAX_CONTENT_LENGTH=MAX_FORM,  # the upload's own route allows more
    )
    if schedule:
        site.scheduler = Scheduler(site.depository).start()
        site.depository.indexes.warm("public")
    if site.depository.config.base_url:  # absolute addresses from it, never from Host
        app.wsgi_app = PublicAddress(app.wsgi_app, site.depository.config.base_url)
    if site.depository.config.behind_proxy:  # the address a trusted proxy forwards
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    from webui import filters
    from webui.auth import auth
    from webui.authorities import authorities
    from webui.harvest import harvest
    from webui.public import public
    from webui.staff import staff

    filters.register(app)
    app.register_blueprint(public)
    app.register_blueprint(authorities)
    app.register_blueprint(auth)
    app.register_blueprint(staff)
    app.register_blueprint(harvest)
    app.add_template_global(csrf_token, "csrf_token")
    app.add_template_global(OUTSIDERS, "OUTSIDERS")  # who may ask for a closed record

    @app.before_request
    def choose_language() -> None:
        asked = request.args.get("lang")
        g.lang_asked = asked if asked in LANGUAGES else None
        g.lang = g.lang_asked or request.cookies.get(LANG_COOKIE)
        if g.lang not in LANGUAGES:
            g.lang = "ar" if _prefers_arabic() else "en"
        g.t = texts(g.lang)
        g.site = app.config["SITE"]
        g.site.refresh()
        load_user()
        check_csrf()

    @app.after_request
    def headers(response):
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers.setdefault("Cache-Control", "no-store")
        if getattr(g, "lang_asked", None):
            response.set_cookie(
                LANG_COOKIE, g.lang_asked, max_age=365 * 86400, httponly=True, samesite="Lax"
            )
        return response

    @app.errorhandler(IndexDamaged)
    def damaged(exc):
        """An index that cannot be read: said in the log; the scheduled drain builds it again
        from the catalog, and the visitor is told search is being repaired."""
        app.logger.error("%s", exc)
        response = make_response(error(ServiceUnavailable()))
        response.headers["Retry-After"] = "60"
        return response

    @app.errorhandler(400)
    @app.errorhandler(401)
    @app.errorhandler(403)
    @app.errorhandler(404)
    @app.errorhandler(405)
    @app.errorhandler(413)
    @app.errorhandler(500)
    @app.errorhandler(503)
    def error(exc):
        code = getattr(exc, "code", 500)
        g.setdefault("lang", "en")  # a request that failed before its language was chosen
        g.setdefault("t", texts(g.lang))
        g.setdefault("user", None)
        if request.path.endswith(".json"):
            return json_error(code)
        return render_template("error.html", code=code, message=g.t[f"error_{code}"]), code

    return app


class PublicAddress:
    """Every request is answered as if asked at the configured base URL: the addresses the
    site writes (sitemap, OAI baseURL, citations, redirects) never carry a Host header a
    client chose."""

    def __init__(self, wsgi_app, base_url: str):
        parts = urlsplit(base_url)
        self.wsgi_app = wsgi_app
        self.scheme, self.host = parts.scheme, parts.netloc
        self.prefix = parts.path.rstrip("/")

    def __call__(self, environ, start_response):
        environ["wsgi.url_scheme"] = self.scheme
        environ["HTTP_HOST"] = self.host
        environ.pop("HTTP_X_FORWARDED_HOST", None)
        if self.prefix:
            environ["SCRIPT_NAME"] = self.prefix
        return self.wsgi_app(environ, start_response)


def _prefers_arabic() -> bool:
    best = request.accept_languages.best_match(["ar", "en"])
    return best == "ar"
