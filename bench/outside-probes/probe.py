#!/usr/bin/env python3
"""Red-team leak probe for the mediation depository (`mediarch`).

usage: python3 probe.py MEDIARCH_EXECUTABLE WORKDIR [--no-rule] [--quick]

Builds the fictional corpus (corpus_def.py, beside this file) in WORKDIR/corpus, a fresh
depository in WORKDIR/dep, users (staff1, staff2, admin1, a reader registered on the web and
approved with `mediarch users approve`), starts `mediarch serve` on a free 127.0.0.1 port,
probes every channel as public / reader (and staff for admin-only content), and prints a
results table.  Raw findings go to WORKDIR/findings.json.  Exit status 1 when anything leaked.
Only black-box means are used: the CLI and HTTP.
"""
import argparse
import html
import io
import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from http.cookiejar import CookieJar

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpus_def as C  # noqa: E402

PASSWORD = "correct-horse-battery-9"
FINDINGS = []      # dicts: channel, audience, secret, kind, evidence
NOTES = []         # non-leak observations (500s, host header, permissions, ...)
TESTED = set()     # (channel, kind) pairs probed
VERBOSE = False

# ---------------------------------------------------------------- secrets / scanning
HARAKAT = re.compile("[\u064B-\u0652\u0670\u0640]")


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    s = HARAKAT.sub("", s)
    return s.casefold()


def forbidden(aud, extra_ids=()):
    """secret -> (kind, where) that `aud` must never see."""
    out = {}
    for w, (kind, where, allowed) in C.SECRETS.items():
        if aud not in allowed:
            out[w] = (kind, where)
    for rid in extra_ids:
        out[rid] = ("hidden identifier", "identifier of a record/process/session %s may not know" % aud)
    return out


HIDDEN_IDS = {}  # aud -> list of identifiers (records, processes, sessions) the audience may not know


def scan(text, aud, exclude=(), url=""):
    """forbidden secrets present in text, as [(secret, excerpt)]."""
    if not text:
        return []
    t = html.unescape(text)
    nt = norm(t)
    if url:  # remove what the request itself names (identifiers in its path or query): echoes are no leak
        u = urllib.parse.unquote(url)
        toks = set()
        for tok in re.split(r"[/?&=\s:]+", u):
            tok = re.sub(r"\.(json|xml|bib|ris|atom)$", "", tok)
            if len(tok) >= 4 and "-" in tok or tok.startswith(("rt-", "hexmortle")):
                toks.add(norm(tok))
        for tok in sorted(toks, key=len, reverse=True):
            nt = nt.replace(tok, " ")
    ex = {norm(e) for e in exclude}
    hits = []
    for w, (kind, where) in forbidden(aud, HIDDEN_IDS.get(aud, ())).items():
        nw = norm(w)
        if nw in ex or any(nw in e for e in ex):
            continue
        if kind == "hidden identifier":
            m = re.search(r"(?<![\w-])" + re.escape(nw) + r"(?![\w-])", nt)
        else:
            i = nt.find(nw)
            m = None if i < 0 else i
        if m is None:
            continue
        i = m.start() if hasattr(m, "start") else m
        hits.append((w, nt[max(0, i - 60): i + len(nw) + 60].replace("\n", " ")))
    return hits


def kind_of(secret):
    if secret.endswith("#file"):
        return "original file"
    if "#" in secret:
        return C.SECRETS.get(secret.split("#")[0], ("runtime rule",))[0]
    if secret in C.SECRETS:
        return C.SECRETS[secret][0]
    return "hidden identifier"


def leak(channel, aud, secret, evidence):
    f = {"channel": channel, "audience": aud, "secret": secret, "kind": kind_of(secret),
         "where": C.SECRETS.get(secret, ("", "identifier", ""))[1], "evidence": evidence}
    key = (channel, aud, secret)
    if any((x["channel"], x["audience"], x["secret"]) == key for x in FINDINGS):
        return
    FINDINGS.append(f)
    if VERBOSE:
        print("LEAK", channel, aud, secret, evidence[:200])


def check_text(channel, aud, text, evidence, exclude=(), url=None):
    for w, ex in scan(text, aud, exclude, evidence if url is None else url):
        leak(channel, aud, w, "%s -> ...%s..." % (evidence, ex))


def note(kind, text):
    NOTES.append({"kind": kind, "text": text})
    if VERBOSE:
        print("NOTE", kind, text[:200])


# ---------------------------------------------------------------- HTTP client
class Client:
    def __init__(self, base, name):
        self.base = base
        self.name = name
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def req(self, path, data=None, headers=None, raw=False):
        url = path if path.startswith("http") else self.base + path
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
        r = urllib.request.Request(url, data=body, headers=headers or {})
        try:
            with self.opener.open(r, timeout=60) as resp:
                b = resp.read()
                status, ctype, final = resp.status, resp.headers.get("Content-Type", ""), resp.geturl()
        except urllib.error.HTTPError as e:
            b = e.read()
            status, ctype, final = e.code, e.headers.get("Content-Type", ""), url
        except Exception as e:  # connection reset etc.
            return 0, "", ("%s" % e), url
        if raw:
            return status, ctype, b, final
        return status, ctype, b.decode("utf-8", "replace"), final

    def get(self, path, **kw):
        return self.req(path, **kw)

    def csrf(self, path):
        st, _, body, _ = self.get(path)
        m = re.search(r'name="csrf" value="([^"]+)"', body)
        return m.group(1) if m else None


def file_text(b, ctype=""):
    """text of a downloaded original (docx xml, pdf text/metadata, anything else decoded)."""
    out = []
    if b[:2] == b"PK":
        try:
            z = zipfile.ZipFile(io.BytesIO(b))
            for n in z.namelist():
                if n.endswith(".xml"):
                    out.append(re.sub(r"<[^>]+>", " ", z.read(n).decode("utf-8", "replace")))
        except Exception:
            pass
    elif b[:4] == b"%PDF":
        try:
            import pypdfium2 as pdfium
            d = pdfium.PdfDocument(b)
            out.append(json.dumps(d.get_metadata_dict(), ensure_ascii=False))
            for p in d:
                out.append(p.get_textpage().get_text_range())
        except Exception:
            out.append(b.decode("latin-1"))
    else:
        for enc in ("utf-8", "cp1256"):
            try:
                out.append(b.decode(enc))
                break
            except UnicodeDecodeError:
                continue
    return "\n".join(out)


def jtext(s):
    """JSON body re-dumped without \\u escapes, so that Arabic is scanned as text."""
    try:
        return json.dumps(json.loads(s), ensure_ascii=False)
    except Exception:
        return s


# ---------------------------------------------------------------- CLI
class CLI:
    def __init__(self, exe, root):
        self.exe, self.root = exe, root

    def run(self, *args, stdin=None, check=False):
        p = subprocess.run([self.exe, "--root", self.root, *args], input=stdin, capture_output=True,
                           text=True, timeout=600)
        if check and p.returncode != 0:
            raise SystemExit("mediarch %s failed: %s %s" % (" ".join(args), p.stdout, p.stderr))
        return p


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


# ---------------------------------------------------------------- the probes
def query_variants(w):
    arabic = any("\u0600" <= ch <= "\u06ff" for ch in w)
    if arabic:
        return [w, "ال" + w, "و" + w, "ب" + w, w[0] + "\u064e" + w[1:], w[0] + "\u0640" + w[1:],
                '"%s"' % w, "title:" + w, "agent:" + w, w[:-1]]
    return [w, w.lower(), w.upper(), w + "s", w[:-1] + ("e" if w[-1] != "e" else "a"), w[:-2] + "*",
            w[:-2], '"%s"' % w, "title:" + w, "agent:" + w, "place:" + w, "subject:" + w, "id:" + w,
            "%s OR Zelmora" % w, "Zelmora -%s" % w]


EXTRA_QUERIES = ["Brannoc", "B. Drevisk", "Sabrielle", "Ostrava", "Yelva", "Halcyra", "Idris",
                 "Velda", "Harlo", "Corvina", "Nadrian", "برانوك", "أوسترافا", "سابريل",
                 "agent:ag-drevisk", "agent:ag-kelmith", "agent:ag-quantock", "agent:yelva-marrowind",
                 "agent:idris-voskuijlen", "agent:halcyra-vennigan", "process:hx-backchannel",
                 "session:zl-s2", "session:hx-s1", "عملية:hx-backchannel", "فاعل:ag-drevisk",
                 "track:1", "type:minutes", "type:correspondence", "date:2020", "date:2021",
                 "date:1900..2100", "lang:ar", "lang:en", "rt", "memo", "attachment", "notes",
                 "secret", "سرية", "السري", "Lakewatch", "تقويم", "Zelmora"]


def search_json_check(cl, aud, q, channel="search.json"):
    path = "/search.json?" + urllib.parse.urlencode({"q": q})
    st, ct, body, _ = cl.get(path)
    if st >= 500:
        note("HTTP 500", "%s as %s -> %s" % (path, aud, st))
        return None
    try:
        d = json.loads(body)
    except Exception:
        return None
    qwords = [q] + re.findall(r"[^\s:\"*()-]+", q)
    part = json.dumps({k: d.get(k) for k in ("hits", "facets", "suggestions", "total")},
                      ensure_ascii=False)
    check_text(channel, aud, part, "GET " + path, exclude=[], url="")
    check_text(channel, aud, json.dumps(d.get("expanded"), ensure_ascii=False), "GET %s (expanded)" % path,
               exclude=qwords, url="")
    notes = json.dumps(d.get("notes"), ensure_ascii=False)
    check_text(channel, aud, notes, "GET %s (notes)" % path, exclude=qwords, url="")
    return d


BASE_TOTAL = {}


def probe_search(cl, aud, quick=False):
    d = search_json_check(cl, aud, "Zelmora")
    BASE_TOTAL[(aud, "Zelmora")] = d and d.get("total")
    TESTED.add(("search.json", "all"))
    TESTED.add(("search HTML", "all"))
    for w, (kind, where, allowed) in C.SECRETS.items():
        if aud in allowed:
            continue
        variants = query_variants(w)
        if quick:
            variants = variants[:3]
        targets = set(re.findall(r"rt-[a-z0-9-]+[a-z0-9]", where))
        for q in variants:
            d = search_json_check(cl, aud, q)
            if d and d.get("total"):
                ids = [h.get("id") for h in d.get("hits", [])]
                if "Zelmora" in q:
                    if d["total"] != BASE_TOTAL.get((aud, "Zelmora")):
                        leak("search.json (hit count)", aud, w, "GET /search.json?q=%s -> total %s, but "
                             "Zelmora alone -> %s" % (urllib.parse.quote(q), d["total"],
                                                      BASE_TOTAL.get((aud, "Zelmora"))))
                elif not targets or targets & set(ids) or q in (w, w.lower(), '"%s"' % w):
                    leak("search.json (hit count)", aud, w,
                         "GET /search.json?q=%s -> total %s, hits %s" % (urllib.parse.quote(q), d["total"], ids))
            # the HTML page, query echo removed
            path = "/search?" + urllib.parse.urlencode({"q": q})
            st, ct, body, _ = cl.get(path)
            if st >= 500:
                note("HTTP 500", "%s as %s -> %s" % (path, aud, st))
                continue
            if "text/html" in ct:
                echo = [q, urllib.parse.quote_plus(q), urllib.parse.quote(q)]
                b = html.unescape(body)
                for e in sorted(echo, key=len, reverse=True):
                    b = b.replace(e, " ")
                check_text("search HTML", aud, b, "GET " + path, url="")
                m = re.search(r'<p class="count">(\d+)', body)
                if m and int(m.group(1)) > 0 and (d is None or "Zelmora" not in q and (
                        not targets or targets & set(h.get("id") for h in d.get("hits", [])))):
                    leak("search HTML (hit count)", aud, w, "GET %s -> '%s records'" % (path, m.group(1)))
    for q in EXTRA_QUERIES:
        search_json_check(cl, aud, q)
        st, ct, body, _ = cl.get("/search?" + urllib.parse.urlencode({"q": q}))
        if st >= 500:
            note("HTTP 500", "/search?q=%s as %s" % (q, aud))
        elif "text/html" in ct:
            check_text("search HTML", aud, body, "GET /search?q=" + q, exclude=[q])
    # counts: how many records does the audience's search admit to?
    d = search_json_check(cl, aud, "date:1900..2100")
    exp = sorted(r for r, a in all_records().items() if aud in a)
    if d is not None:
        if d.get("total") != len(exp):
            note("count", "as %s: /search.json?q=date:1900..2100 total=%s, expected %s records known to %s"
                 % (aud, d.get("total"), len(exp), aud))
        ids = []
        page = 1
        while True:
            st, ct, body, _ = cl.get("/search.json?" + urllib.parse.urlencode(
                {"q": "date:1900..2100", "page": page, "limit": 50}))
            try:
                dd = json.loads(body)
            except Exception:
                break
            ids += [h["id"] for h in dd.get("hits", [])]
            if not dd.get("hits") or len(ids) >= dd.get("total", 0) or page > 20:
                break
            page += 1
        for rid in ids:
            if rid not in all_records():
                continue
            if aud not in all_records()[rid]:
                leak("search.json (listing)", aud, rid, "record %s listed by /search.json?q=date:1900..2100" % rid)


ALL_RECORDS = {}


def all_records():
    return ALL_RECORDS


def probe_records(cl, aud, nonexist="rt-no-such-record-zz"):
    TESTED.add(("record pages", "all"))
    suffixes = ["", ".json", ".bib", ".ris", "/dc.xml", "/files/1", "/files/1?view=1", "/files/2",
                "/files/0", ".json?lang=ar", "?lang=ar"]
    base = {}
    for sfx in suffixes:
        st, ct, body, _ = cl.get("/records/" + nonexist + sfx)
        base[sfx] = (st, body.replace(nonexist, "ID"))
    for rid, known in all_records().items():
        for sfx in suffixes:
            path = "/records/" + rid + sfx
            st, ct, body, _ = cl.get(path, raw=sfx.startswith("/files"))
            if isinstance(body, bytes):
                text = file_text(body, ct) if st == 200 else body.decode("utf-8", "replace")
            else:
                text = jtext(body) if "json" in ct else body
            if st >= 500:
                note("HTTP 500", "GET %s as %s -> %s" % (path, aud, st))
            ch = "record files" if sfx.startswith("/files") else (
                "record JSON" if ".json" in sfx else ("citation .bib/.ris" if sfx in (".bib", ".ris") else (
                    "record dc.xml" if "dc.xml" in sfx else "record page")))
            TESTED.add((ch, "all"))
            check_text(ch, aud, text, "GET " + path, url=path)
            if aud not in known:
                b2 = text if isinstance(body, bytes) else body
                differs = st != base[sfx][0] or (st != 200 and b2.replace(rid, "ID") != base[sfx][1] and "json" in ct)
                if differs:  # ask again for the unknown identifier, in case the first answer was a fluke
                    st0, _, b0, _ = cl.get("/records/" + nonexist + sfx)
                    if isinstance(b0, bytes):
                        b0 = b0.decode("utf-8", "replace")
                    base[sfx] = (st0, b0.replace(nonexist, "ID"))
                    differs = st != st0 or (st != 200 and b2.replace(rid, "ID") != base[sfx][1] and "json" in ct)
                if differs:
                    leak(ch + " (existence)", aud, rid,
                         "GET %s -> %s, but an unknown identifier answers %s" % (path, st, base[sfx][0]))
            elif sfx.startswith("/files") and st == 200:
                opened = C.CONTENT_OPEN.get(rid, set())
                if aud not in opened or rid in C.REDACTED:
                    why = "redacted record" if rid in C.REDACTED else "content closed to " + aud
                    leak("record files (original)", aud, rid + "#file",
                         "GET %s -> 200, %d bytes (%s)" % (path, len(body), why))


def probe_authorities(cl, aud, agent_ids, process_ids, session_ids):
    TESTED.add(("agent pages", "all"))
    TESTED.add(("process pages", "all"))
    for a in agent_ids:
        for sfx in ("", ".json"):
            p = "/agents/%s%s" % (a, sfx)
            st, ct, body, _ = cl.get(p)
            if st >= 500:
                note("HTTP 500", "GET %s as %s" % (p, aud))
            check_text("agent pages", aud, jtext(body) if "json" in ct else body, "GET " + p, url=p)
    for pr in process_ids:
        for sfx in ("", ".json", "/ead.xml"):
            p = "/processes/%s%s" % (pr, sfx)
            st, ct, body, _ = cl.get(p)
            if st >= 500:
                note("HTTP 500", "GET %s as %s" % (p, aud))
            ch = "EAD (web)" if "ead" in sfx else "process pages"
            TESTED.add((ch, "all"))
            check_text(ch, aud, jtext(body) if "json" in ct else body, "GET " + p, url=p)
    for s in session_ids:
        for sfx in ("", ".json"):
            p = "/sessions/%s%s" % (s, sfx)
            st, ct, body, _ = cl.get(p)
            check_text("session pages", aud, jtext(body) if "json" in ct else body, "GET " + p, url=p)


def probe_machine(cl, aud, record_ids, process_ids):
    for p, ch in (("/sitemap.xml", "sitemap"), ("/feed.atom", "Atom feed"), ("/index.json", "home page"),
                  ("/", "home page"), ("/browse", "browse"), ("/browse.json", "browse"),
                  ("/?lang=ar", "home page"), ("/browse?lang=ar", "browse")):
        st, ct, body, _ = cl.get(p)
        TESTED.add((ch, "all"))
        check_text(ch, aud, jtext(body) if "json" in ct else body, "GET " + p)
        if ch == "sitemap":
            for loc in re.findall(r"<loc>([^<]+)</loc>", body):
                if loc.endswith(".xml") and "sitemap" in loc:
                    st2, _, b2, _ = cl.get(loc)
                    check_text(ch, aud, b2, "GET " + loc)
    TESTED.add(("OAI-PMH", "all"))
    oai = ["verb=Identify", "verb=ListMetadataFormats", "verb=ListSets"]
    for pref in ("oai_dc", "mediarch"):
        oai += ["verb=ListRecords&metadataPrefix=" + pref, "verb=ListIdentifiers&metadataPrefix=" + pref]
        for s in ["process:hx-backchannel", "process:zl-talks", "collection:rt", "process", "collection"]:
            oai += ["verb=ListRecords&metadataPrefix=%s&set=%s" % (pref, s)]
        for rid in record_ids:
            oai += ["verb=GetRecord&metadataPrefix=%s&identifier=oai:{repo}:%s" % (pref, rid),
                    "verb=GetRecord&metadataPrefix=%s&identifier=%s" % (pref, rid)]
        for rid in record_ids:
            oai += ["verb=ListMetadataFormats&identifier=oai:{repo}:%s" % rid]
    st, ct, body, _ = cl.get("/oai?verb=Identify")
    m = re.search(r"<repositoryIdentifier>([^<]+)<", body) or re.search(r"oai:([^:<]+):", body)
    repo = m.group(1) if m else "mediarch.example"
    OAI_REPO["repo"] = repo
    for q in oai:
        q = q.replace("{repo}", repo)
        p = "/oai?" + q
        seen = 0
        while p and seen < 30:
            seen += 1
            st, ct, body, _ = cl.get(p)
            if st >= 500:
                note("HTTP 500", "GET %s as %s" % (p, aud))
            ex = re.findall(r"identifier=([^&]+)", q)
            check_text("OAI-PMH", aud, body, "GET " + p, url=p)
            if "GetRecord" in q and "<record>" in body:
                rid = q.rsplit(":", 1)[-1].rsplit("=", 1)[-1]
                if rid in all_records() and aud not in all_records()[rid]:
                    leak("OAI-PMH (existence)", aud, rid, "GET %s -> a record" % p)
            m = re.search(r"<resumptionToken[^>]*>([^<]+)</resumptionToken>", body)
            p = ("/oai?verb=%s&resumptionToken=%s" % (re.search(r"verb=(\w+)", q).group(1),
                                                       urllib.parse.quote(m.group(1)))) if m else None
    # POST variant
    st, ct, body, _ = cl.req("/oai", data={"verb": "ListRecords", "metadataPrefix": "mediarch"})
    check_text("OAI-PMH", aud, body, "POST /oai verb=ListRecords mediarch")


OAI_REPO = {}


def rid_from(q):
    return q.rsplit(":", 1)[-1].rsplit("=", 1)[-1]


def crawl(cl, aud, start=("/", "/browse", "/sitemap.xml", "/feed.atom"), limit=700, staff=False):
    TESTED.add(("crawl (all linked pages + JSON twins)", "all"))
    seen, queue, n = set(), list(start), 0
    host = urllib.parse.urlparse(cl.base).netloc
    while queue and n < limit:
        p = queue.pop(0)
        if p in seen:
            continue
        seen.add(p)
        if any(x in p for x in ("/signout", "/logout", "action=", "/static/")):
            continue
        if p.startswith("/staff") and not staff:
            pass
        n += 1
        raw = "/files/" in p
        st, ct, body, _ = cl.get(p, raw=raw)
        if raw:
            body = file_text(body) if st == 200 else body.decode("utf-8", "replace")
        if st >= 500:
            note("HTTP 500", "GET %s as %s -> %s" % (p, aud, st))
        check_text("crawl (all linked pages + JSON twins)", aud, jtext(body) if "json" in ct else body,
                   "GET " + p, url=p)
        links = re.findall(r'(?:href|src)="([^"#]+)"', body) + re.findall(r"<loc>([^<]+)</loc>", body)
        links += re.findall(r'<link[^>]+href="([^"]+)"', body)
        for link in links:
            link = html.unescape(link)
            u = urllib.parse.urlparse(link)
            if u.netloc and u.netloc != host:
                continue
            path = u.path + ("?" + u.query if u.query else "")
            if not path.startswith("/"):
                if link.startswith("?"):
                    path = urllib.parse.urlparse(p).path + link
                else:
                    continue
            if path.startswith("/search") and (path.count("%3A") + path.count(":") + path.count("+")) > 3:
                continue
            if "page=" in path and re.search(r"page=([3-9]|\d\d)", path):
                continue
            if path not in seen:
                queue.append(path)
            if "/files/" not in path and not path.split("?")[0].endswith((".json", ".xml", ".atom", ".bib",
                                                                          ".ris", ".svg", ".css")):
                pp = path.split("?")
                tw = (pp[0].rstrip("/") or "/index") + ".json" + ("?" + pp[1] if len(pp) > 1 else "")
                if pp[0] == "/":
                    tw = "/index.json"
                if tw not in seen:
                    queue.append(tw)
    return seen


def probe_errors(cl, aud):
    TESTED.add(("error pages / malformed input", "all"))
    bad = ["date:2019-13", "date:2019-02-30", "date:2019-13..2020", "date:>=2020-99", "date:..",
           "date:abc", 'title:"unterminated', "(", ")", "\"", "-", "OR", "type:nonexistent",
           "lang:zz", "agent:", "title:", "date:9999999999", "x" * 5000, "\u202e" + "Quorvane", "a\x00b",
           "process:../../etc", "id:*", "*", "?", "date:2019-00", "date:0000", "date:2019..2018",
           "تاريخ:٢٠١٩-١٣"]
    for q in bad:
        for pth in ("/search.json?", "/search?"):
            path = pth + urllib.parse.urlencode({"q": q})
            st, ct, body, _ = cl.get(path)
            if st >= 500 or st == 0:
                note("HTTP 500 on malformed query", "GET %s as %s -> %s" % (path[:120], aud, st))
            check_text("error pages / malformed input", aud, body, "GET " + path[:120],
                       exclude=["Quorvane"] if "Quorvane" in q else [])
    others = ["/search.json?q=a&page=-1", "/search.json?q=a&page=abc", "/search.json?q=a&limit=100000",
              "/search.json?q=a&sort=bogus", "/search.json?q=a&limit=-5", "/search?q=a&page=999999",
              "/records/%00", "/records/..%2f..%2fcatalog.sqlite", "/records/a%ff", "/records/" + "x" * 3000,
              "/oai?verb=Bogus", "/oai?verb=ListRecords&metadataPrefix=oai_dc&from=2019-13-01",
              "/oai?verb=ListRecords&resumptionToken=garbage", "/oai?verb=ListRecords&metadataPrefix=nope",
              "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=%00",
              "/oai?verb=ListRecords&metadataPrefix=oai_dc&until=9999-99-99",
              "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&from=2019-01-01T00:00:00",
              "/agents/%00", "/processes/%00", "/records/rt-pub-pdf/files/99", "/records/rt-pub-pdf/files/-1",
              "/records/rt-pub-pdf/files/abc", "/search.json?q=%ff%fe", "/nonexistent.json", "/static/../catalog.sqlite",
              "/index.json?lang=xx"]
    for path in others:
        st, ct, body, _ = cl.get(path)
        if st >= 500 or st == 0:
            note("HTTP 500 on malformed request", "GET %s as %s -> %s" % (path[:120], aud, st))
        check_text("error pages / malformed input", aud, body, "GET " + path[:120])


def probe_host_header(cl):
    TESTED.add(("Host header", "all"))
    for p in ("/sitemap.xml", "/oai?verb=Identify", "/oai?verb=ListRecords&metadataPrefix=oai_dc", "/feed.atom",
              "/records/rt-pub-pdf.json", "/records/rt-pub-pdf"):
        st, ct, body, _ = cl.get(p, headers={"Host": "evil.example"})
        if "evil.example" in body:
            i = body.find("evil.example")
            note("Host header reflected", "GET %s with 'Host: evil.example' -> %s ...%s..." % (
                p, st, body[max(0, i - 60): i + 40].replace("\n", " ")))
        st, ct, body, _ = cl.get(p, headers={"X-Forwarded-Host": "evil2.example"})
        if "evil2.example" in body:
            note("X-Forwarded-Host reflected", "GET %s with 'X-Forwarded-Host: evil2.example' -> reflected" % p)


def probe_cli(cli, aud, record_ids, workdir, quick=False):
    TESTED.add(("CLI search --as", "all"))
    TESTED.add(("CLI show --as", "all"))
    for w, (kind, where, allowed) in C.SECRETS.items():
        if aud in allowed:
            continue
        for q in query_variants(w)[: (1 if quick else 2)]:
            p = cli.run("search", q, "--as", aud, "--json")
            try:
                d = json.loads(p.stdout)
            except Exception:
                if p.returncode not in (0, 1):
                    note("CLI error", "search %r --as %s -> rc %s %s" % (q, aud, p.returncode, p.stderr[-200:]))
                continue
            part = json.dumps({k: d.get(k) for k in ("hits", "facets", "suggestions")},
                              ensure_ascii=False)
            check_text("CLI search --as", aud, part, "mediarch search %r --as %s --json" % (q, aud), url="")
            check_text("CLI search --as", aud, json.dumps(d.get("expanded"), ensure_ascii=False),
                       "mediarch search %r --as %s --json (expanded)" % (q, aud), exclude=[q], url="")
            ids = [h.get("id") for h in d.get("hits", [])]
            targets = set(re.findall(r"rt-[a-z0-9-]+[a-z0-9]", where))
            if d.get("total") and (not targets or targets & set(ids) or q == w):
                leak("CLI search --as (hit count)", aud, w, "mediarch search %r --as %s --json -> total %s, hits %s"
                     % (q, aud, d["total"], [h.get("id") for h in d.get("hits", [])]))
    p0 = cli.run("show", "rt-no-such-record-zz", "--as", aud)
    for rid in record_ids:
        p = cli.run("show", rid, "--as", aud)
        check_text("CLI show --as", aud, p.stdout + p.stderr, "mediarch show %s --as %s" % (rid, aud), url=rid)
        if aud not in all_records().get(rid, C.ALL) and (p.returncode != p0.returncode or
                                                          p.stderr.replace(rid, "ID") != p0.stderr.replace(
                                                              "rt-no-such-record-zz", "ID")):
            leak("CLI show --as (existence)", aud, rid, "mediarch show %s --as %s -> rc %s: %s" % (
                rid, aud, p.returncode, (p.stdout + p.stderr)[:200]))


def probe_cli_errors(cli, aud):
    TESTED.add(("CLI malformed query", "all"))
    for q in ("date:2019-13", "date:2019-00", "date:2019-13..2020", "تاريخ:٢٠١٩-١٣", 'title:"x', "("):
        p = cli.run("search", q, "--as", aud, "--json")
        if "Traceback" in p.stderr or p.returncode not in (0,):
            note("CLI error on malformed query", "mediarch search %r --as %s --json -> exit %s, %s" % (
                q, aud, p.returncode, (p.stderr.strip().splitlines() or [""])[-1][:200]))


def probe_exports(cli, aud, record_ids, process_ids, workdir):
    out = os.path.join(workdir, "exports-" + aud)
    os.makedirs(out, exist_ok=True)
    TESTED.update({("export dc", "all"), ("export ead", "all"), ("export csv", "all"), ("export bagit", "all")})
    p0 = cli.run("export", "dc", "rt-no-such-record-zz", "--as", aud)
    for rid in record_ids:
        f = os.path.join(out, "dc-%s.xml" % rid)
        p = cli.run("export", "dc", rid, f, "--as", aud)
        txt = p.stdout + p.stderr + (open(f, encoding="utf-8", errors="replace").read() if os.path.exists(f) else "")
        check_text("export dc", aud, txt, "mediarch export dc %s --as %s" % (rid, aud), url=rid)
        if aud not in all_records().get(rid, C.ALL) and p.returncode == 0:
            leak("export dc (existence)", aud, rid, "mediarch export dc %s OUT --as %s -> exit 0" % (rid, aud))
    for pr in process_ids:
        f = os.path.join(out, "ead-%s.xml" % pr)
        p = cli.run("export", "ead", pr, f, "--as", aud)
        txt = p.stdout + p.stderr + (open(f, encoding="utf-8", errors="replace").read() if os.path.exists(f) else "")
        check_text("export ead", aud, txt, "mediarch export ead %s %s --as %s" % (pr, f, aud), url=pr)
    f = os.path.join(out, "records.csv")
    p = cli.run("export", "csv", f, "--as", aud)
    txt = p.stdout + p.stderr + (open(f, encoding="utf-8-sig", errors="replace").read() if os.path.exists(f) else "")
    check_text("export csv", aud, txt, "mediarch export csv %s --as %s" % (f, aud))
    for sel in ["rt"] + list(process_ids):
        bag = os.path.join(out, "bag-" + sel)
        shutil.rmtree(bag, ignore_errors=True)
        p = cli.run("export", "bagit", sel, bag, "--as", aud)
        check_text("export bagit", aud, p.stdout + p.stderr, "mediarch export bagit %s %s --as %s" % (sel, bag, aud),
                   url=sel)
        for dp, dn, fn in os.walk(bag):
            for name in fn:
                fp = os.path.join(dp, name)
                rel = os.path.relpath(fp, bag)
                with open(fp, "rb") as fh:
                    b = fh.read()
                check_text("export bagit", aud, file_text(b) + "\n" + rel,
                           "mediarch export bagit %s BAG --as %s; file %s" % (sel, aud, rel))
                # originals of records whose content is closed / redacted
                parts = rel.split(os.sep)
                for rid in all_records():
                    if rid in parts and name not in ("metadata.json",) and not name.endswith((".txt", ".json")):
                        opened = C.CONTENT_OPEN.get(rid, set())
                        if aud not in opened or rid in C.REDACTED:
                            leak("export bagit (original)", aud, rid + "#file",
                                 "mediarch export bagit %s BAG --as %s holds %s" % (sel, aud, rel))


def staff_checks(base, cli, workdir):
    """a staff member on the web must not see admin-only records."""
    cl = Client(base, "staff")
    signin(cl, "staff1")
    aud = "staff"
    TESTED.add(("staff web (desk, edit forms, agents, audit)", "all"))
    pages = ["/staff", "/staff/records/rt-admin-hidden/edit", "/staff/records/rt-admin-listed/edit",
             "/staff/agents", "/staff/agents/halcyra-vennigan/edit", "/staff/audit",
             "/staff/audit?subject=rt-admin-hidden", "/staff/audit?kind=ingested", "/staff/releases",
             "/staff/requests", "/staff/readers", "/staff/upload", "/staff/records", "/staff/processes/zl-talks/edit",
             "/records/rt-admin-hidden", "/records/rt-admin-hidden.json", "/records/rt-admin-hidden/files/1",
             "/records/rt-admin-listed.json", "/records/rt-admin-listed/files/1", "/agents/halcyra-vennigan",
             "/agents/halcyra-vennigan.json", "/staff/jobs"]
    for p in pages:
        for pp in (p, p + ".json") if not p.endswith((".json", "/1")) else (p,):
            raw = "/files/" in pp
            st, ct, body, _ = cl.get(pp, raw=raw)
            if raw:
                body = file_text(body) if st == 200 else body.decode("utf-8", "replace")
            if st >= 500:
                note("HTTP 500", "GET %s as staff -> %s" % (pp, st))
            check_text("staff web (desk, edit forms, agents, audit)", aud, jtext(body) if "json" in ct else body,
                       "GET %s (signed in as staff1)" % pp, url="")
    for w in ("Mirkovane", "Zanthrope", "طلسمير", "Vennigan", "Ploskavar"):
        d = search_json_check(cl, aud, w, channel="search.json (staff)")
        if d and d.get("total"):
            leak("search.json (staff, hit count)", aud, w, "GET /search.json?q=%s as staff1 -> total %s %s" % (
                w, d["total"], [h["id"] for h in d["hits"]]))
        p = cli.run("search", w, "--as", "staff", "--json")
        try:
            d = json.loads(p.stdout)
            if d.get("total"):
                leak("CLI search --as staff", aud, w, "mediarch search %s --as staff --json -> total %s %s" % (
                    w, d["total"], [h["id"] for h in d["hits"]]))
        except Exception:
            pass
    p = cli.run("show", "rt-admin-hidden", "--as", "staff")
    check_text("CLI show --as staff", aud, p.stdout, "mediarch show rt-admin-hidden --as staff", url="")
    crawl(cl, aud, start=("/staff", "/", "/staff/agents", "/staff/audit"), limit=400, staff=True)
    # can staff change an admin-only record? (post its edit form back with the title changed)
    st, ct, body, _ = cl.get("/staff/records/rt-admin-hidden/edit")
    if st == 200:
        data = edit_form(body)
        if data:
            data["title_en"] = (data.get("title_en") or "") + " (edited by staff)"
            st2, ct2, b2, _ = cl.req("/staff/records/rt-admin-hidden/edit", data=data)
            if st2 == 200 and "Saved" in b2:
                leak("staff web (edit admin-only record)", aud, "Mirkovane",
                     "POST /staff/records/rt-admin-hidden/edit as staff1 with title_en changed -> 200 'Saved'")
    return cl


def edit_form(body):
    from html.parser import HTMLParser

    class P(HTMLParser):
        def __init__(self):
            super().__init__()
            self.d, self.ta, self.sel, self.inform = {}, None, None, False

        def handle_starttag(self, t, a):
            a = dict(a)
            if t == "form" and "edit" in (a.get("class") or ""):
                self.inform = True
            if not self.inform:
                return
            if t == "input" and a.get("name"):
                self.d[a["name"]] = a.get("value") or ""
            elif t == "textarea":
                self.ta = a["name"]
                self.d[self.ta] = ""
            elif t == "select":
                self.sel = a["name"]
                self.d[self.sel] = ""
            elif t == "option" and self.sel and "selected" in a:
                self.d[self.sel] = a.get("value")

        def handle_endtag(self, t):
            if t == "textarea":
                self.ta = None
            elif t == "select":
                self.sel = None
            elif t == "form":
                self.inform = False

        def handle_data(self, x):
            if self.ta:
                self.d[self.ta] += x

    p = P()
    p.feed(body)
    return p.d


def signin(cl, name):
    tok = cl.csrf("/signin")
    st, ct, body, final = cl.req("/signin", data={"csrf": tok or "", "name": name, "password": PASSWORD, "next": "/"})
    ok = any(c.name == "mediarch_session" for c in cl.jar)
    return ok, st


def register_reader(cl, cli, name="reader1"):
    tok = cl.csrf("/register")
    st, ct, body, _ = cl.req("/register", data={
        "csrf": tok or "", "name": name, "full_name": "Reda Testreader", "email": "reader1@example.org",
        "affiliation": "Institute of Invented Studies", "research": "Mediation history of Zelmora",
        "password": PASSWORD, "password_again": PASSWORD})
    p = cli.run("users", "approve", name, "--by", "staff1")
    if p.returncode != 0:
        # fall back to the CLI
        cli.run("users", "add", name, "--role", "reader", "--password-stdin", "--by", "staff1",
                stdin=PASSWORD + "\n")
        note("setup", "web registration of reader failed (status %s); reader added with the CLI" % st)
    return signin(cl, name)


def probe_permissions(root):
    TESTED.add(("file permissions", "all"))
    for rel in ("catalog.sqlite", "catalog.sqlite-wal", "secret_key", "mediarch.toml", "store", "index", "."):
        p = os.path.join(root, rel)
        if not os.path.exists(p):
            continue
        m = stat.S_IMODE(os.stat(p).st_mode)
        if rel in ("catalog.sqlite", "catalog.sqlite-wal", "secret_key") and m & 0o044:
            note("file permissions", "%s is mode %o (readable by group/others: closed text, users' hashes)" % (
                rel, m))
        if rel in ("store", "index", ".") and m & 0o005:
            note("file permissions", "%s/ is mode %o (others may enter and read)" % (rel, m))
    objs = os.path.join(root, "store", "objects")
    for dp, dn, fn in os.walk(objs):
        for f in fn:
            m = stat.S_IMODE(os.stat(os.path.join(dp, f)).st_mode)
            if m & 0o004:
                note("file permissions", "originals in store/objects are mode %o (world-readable), e.g. %s" % (
                    m, os.path.relpath(os.path.join(dp, f), root)))
                return


def runtime_rule(base, cli, root, reader_cl):
    """close press releases with an embargo rule added while the server runs."""
    TESTED.add(("embargo rule added while serving", "all"))
    pub = Client(base, "public")
    before = search_json_check(pub, "public", "Pellavine")
    st, ct, body, _ = pub.get("/records/rt-pub-press.json")
    st_f, _, _, _ = pub.get("/records/rt-pub-press/files/1", raw=True)
    if not before or not before.get("total") or "Pellavine" not in body or st_f != 200:
        note("setup", "before the rule, the public did not find Pellavine (total %s, file %s): control failed"
             % (before and before.get("total"), st_f))
    with open(os.path.join(root, "mediarch.toml"), "a", encoding="utf-8") as f:
        f.write('\n[[embargo_rules]]\ndocument_type = "press_release"\nyears = 100\nafter = "record_date"\n')
    # the test: ~20 s with NO request at all
    del C.SECRETS["Pellavine"]
    C.SECRETS["Pellavine"] = ("runtime rule", "body of press release rt-pub-press, closed by a rule added at run time",
                              C.STAFF)
    time.sleep(20)
    for cl, aud in ((pub, "public"), (reader_cl, "reader")):
        if cl is None:
            continue
        d = search_json_check(cl, aud, "Pellavine", channel="embargo rule added while serving")
        if d and d.get("total"):
            leak("embargo rule added while serving", aud, "Pellavine",
                 "after adding [[embargo_rules]] document_type=press_release years=100 and waiting 20 s: "
                 "GET /search.json?q=Pellavine -> total %s" % d["total"])
        st, ct, body, _ = cl.get("/records/rt-pub-press.json")
        if "Pellavine" in body:
            leak("embargo rule added while serving", aud, "Pellavine",
                 "after the rule: GET /records/rt-pub-press.json -> text still holds Pellavine")
        st, ct, b, _ = cl.get("/records/rt-pub-press/files/1", raw=True)
        if st == 200:
            leak("embargo rule added while serving", aud, "Pellavine#file",
                 "after the rule: GET /records/rt-pub-press/files/1 -> 200 (%d bytes)" % len(b))
        st, ct, body, _ = cl.get("/search?q=Pellavine")
        m = re.search(r'<p class="count">(\d+)', body)
        if m and int(m.group(1)):
            leak("embargo rule added while serving", aud, "Pellavine", "after the rule: GET /search?q=Pellavine -> %s"
                 % m.group(1))
        st, ct, body, _ = cl.get("/oai?verb=ListRecords&metadataPrefix=mediarch")
        check_text("embargo rule added while serving", aud, body, "after the rule: OAI ListRecords mediarch")
        opens = []
        for i in range(6):  # several requests: with several workers the answers differ
            st, ct, body, _ = cl.get("/oai?verb=GetRecord&metadataPrefix=mediarch&identifier=oai:%s:rt-pub-press"
                                     % OAI_REPO.get("repo", "mediarch.example"))
            m = re.search(r'<mr:access open="(\w+)"', body)
            opens.append(m.group(1) if m else "?")
            st, ct, body, _ = cl.get("/records/rt-pub-press.json")
            try:
                opens.append("page:" + str(json.loads(body).get("open")))
            except Exception:
                opens.append("page:?")
        if "true" in opens or "page:True" in opens:
            leak("embargo rule added while serving", aud, "Pellavine#open-flag",
                 "after the rule, 6 x (OAI GetRecord mediarch rt-pub-press, /records/rt-pub-press.json open): %s"
                 % " ".join(opens))
    p = cli.run("search", "Pellavine", "--as", "public", "--json")
    try:
        if json.loads(p.stdout).get("total"):
            leak("embargo rule (CLI)", "public", "Pellavine", "mediarch search Pellavine --as public -> hits")
    except Exception:
        pass


def stop(srv):
    if srv.poll() is not None:
        return
    os.killpg(srv.pid, signal.SIGTERM)
    try:
        srv.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(srv.pid, signal.SIGKILL)
        srv.wait()


# ---------------------------------------------------------------- main
def main():
    global VERBOSE
    ap = argparse.ArgumentParser()
    ap.add_argument("mediarch")
    ap.add_argument("workdir")
    ap.add_argument("--no-rule", action="store_true", help="skip the run-time embargo rule test")
    ap.add_argument("--quick", action="store_true", help="fewer query variants")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    VERBOSE = a.verbose
    exe = os.path.abspath(a.mediarch)
    wd = os.path.abspath(a.workdir)
    if os.path.exists(wd):
        shutil.rmtree(wd)
    os.makedirs(wd)
    t0 = time.time()
    corpus = C.build(os.path.join(wd, "corpus"))
    root = os.path.join(wd, "dep")
    subprocess.run([exe, "init", root], check=True, capture_output=True)
    cli = CLI(exe, root)
    p = cli.run("ingest", os.path.join(corpus, "files"), "--manifest", os.path.join(corpus, "manifest.csv"),
                "--processes", os.path.join(corpus, "processes.json"), "--sessions",
                os.path.join(corpus, "sessions.json"), "--agents", os.path.join(corpus, "agents.json"),
                "--collection", "rt", "--report", os.path.join(wd, "ingest-report.json"))
    print(p.stdout.strip().splitlines()[-4:] if p.stdout else p.stderr)
    report = json.load(open(os.path.join(wd, "ingest-report.json")))
    for f in report["files"]:
        if f["outcome"] not in ("ingested", "duplicate"):
            print("INGEST FAILED", f)
    # records: the manifest's, attachments, and the one with no manifest row
    ALL_RECORDS.update(C.RECORDS)
    ALL_RECORDS.update({"rt-pub-eml-attachment-1": C.ALL, "rt-listed-eml-attachment-1": C.ALL,
                        "rt-hidden-eml-attachment-1": C.STAFF})
    C.CONTENT_OPEN.setdefault("rt-pub-eml-attachment-1", C.ALL)
    for f in report["files"]:
        if f["path"].endswith("Hexmortle-unlisted.docx") and f.get("record_id"):
            ALL_RECORDS[f["record_id"]] = C.STAFF
        if f["path"].endswith("Wraxhollow-brief.docx") and f.get("record_id"):
            ALL_RECORDS[f["record_id"]] = C.ALL
    for aud in ("public", "reader", "staff"):
        HIDDEN_IDS[aud] = [r for r, al in ALL_RECORDS.items() if aud not in al and r != "rt-admin-listed"]
    HIDDEN_IDS["public"] += ["hx-backchannel", "hx-s1", "zl-s2", "halcyra-vennigan", "yelva-marrowind",
                             "idris-voskuijlen", "ag-drevisk", "ag-quantock", "ag-kelmith"]
    HIDDEN_IDS["reader"] += ["hx-backchannel", "hx-s1", "zl-s2", "halcyra-vennigan", "yelva-marrowind",
                             "idris-voskuijlen", "ag-drevisk", "ag-quantock", "ag-kelmith"]
    HIDDEN_IDS["staff"] += ["halcyra-vennigan"]
    record_ids = list(ALL_RECORDS)
    agent_ids = [x["id"] for x in C.AGENTS] + ["yelva-marrowind", "idris-voskuijlen", "halcyra-vennigan"]
    process_ids = [x["id"] for x in C.PROCESSES]
    session_ids = [x["id"] for x in C.SESSIONS]

    for name, role in (("staff1", "staff"), ("staff2", "staff"), ("admin1", "admin")):
        cli.run("users", "add", name, "--role", role, "--password-stdin", "--by", "setup",
                stdin=PASSWORD + "\n", check=True)

    probe_permissions(root)

    port = free_port()
    base = "http://127.0.0.1:%d" % port
    log = open(os.path.join(wd, "serve.log"), "w")
    srv = subprocess.Popen([exe, "--root", root, "serve", "--host", "127.0.0.1", "--port", str(port),
                            "--workers", "2"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        pub = Client(base, "public")
        for _ in range(120):
            st, _, _, _ = pub.get("/index.json")
            if st == 200:
                break
            time.sleep(0.5)
        st, ct, body, _ = pub.get("/")
        html_ok = st == 200
        if not html_ok:
            note("HTML pages broken", "GET / -> %s with %s: HTML pages (and /signin, /register, /static) "
                 "cannot be served; only JSON twins, OAI, feed, sitemap answer" % (st, exe))
        # controls
        for w in C.CONTROLS:
            d = search_json_check(pub, "public", w)
            if not d or not d.get("total"):
                note("control", "public search for control word %s found nothing" % w)
        reader = Client(base, "reader")
        ok, st = register_reader(reader, cli)
        if not ok:
            note("setup", "reader could not sign in (status %s): reader web probes use an anonymous client, "
                 "i.e. are NOT reader probes" % st)
            TESTED.add(("reader web", "not tested"))
            reader_web = None
        else:
            reader_web = reader
        if reader_web:
            d = search_json_check(reader_web, "reader", "Lumbrisant")
            if not d or not d.get("total"):
                note("control", "signed-in reader does not find reader-only Lumbrisant: reader probes are suspect")
        auds = [("public", pub)] + ([("reader", reader_web)] if reader_web else [])
        for aud, cl in auds:
            print("probing web as", aud, "...", flush=True)
            crawl(cl, aud)
            probe_records(cl, aud)
            probe_authorities(cl, aud, agent_ids, process_ids, session_ids)
            probe_machine(cl, aud, record_ids, process_ids)
            probe_search(cl, aud, quick=a.quick)
            probe_errors(cl, aud)
        probe_host_header(pub)
        if html_ok:
            print("probing staff web ...", flush=True)
            staff_checks(base, cli, wd)
        else:
            TESTED.add(("staff web (desk, edit forms, agents, audit)", "not tested"))
        for aud in ("public", "reader"):
            print("probing CLI as", aud, "...", flush=True)
            probe_cli(cli, aud, record_ids, wd, quick=a.quick)
            probe_cli_errors(cli, aud)
            probe_exports(cli, aud, record_ids, process_ids, wd)
        if not a.no_rule:
            print("run-time embargo rule ...", flush=True)
            runtime_rule(base, cli, root, reader_web)
            # same checks after a restart of the server, to tell "late" from "never"
            stop(srv)
            port = free_port()
            base = "http://127.0.0.1:%d" % port
            srv = subprocess.Popen([exe, "--root", root, "serve", "--host", "127.0.0.1", "--port", str(port),
                                    "--workers", "2"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            pub2 = Client(base, "public")
            for _ in range(120):
                if pub2.get("/index.json")[0] == 200:
                    break
                time.sleep(0.5)
            st, ct, body, _ = pub2.get("/records/rt-pub-press.json")
            stf = pub2.get("/records/rt-pub-press/files/1", raw=True)[0]
            still = [f for f in FINDINGS if f["channel"] == "embargo rule added while serving"]
            note("embargo rule after restart", "after restarting `mediarch serve`: /records/rt-pub-press.json %s "
                 "Pellavine, files/1 -> %s (%s)" % ("still holds" if "Pellavine" in body else "no longer holds",
                                                   stf, "so the running server was late, not the rule wrong"
                                                   if still and "Pellavine" not in body and stf != 200 else "-"))
    finally:
        stop(srv)
        log.close()

    # ------------------------------------------------------------ report
    with open(os.path.join(wd, "findings.json"), "w", encoding="utf-8") as f:
        json.dump({"findings": FINDINGS, "notes": NOTES, "tested": sorted(TESTED)}, f, ensure_ascii=False, indent=1)
    kinds = sorted({v[0] for v in C.SECRETS.values()} | {"hidden identifier", "original file"})
    channels = sorted({c for c, _ in TESTED} | {x["channel"] for x in FINDINGS})
    print("\n# Results (%s, %.0f s)\n" % (exe, time.time() - t0))
    print("| channel | " + " | ".join(kinds) + " |")
    print("|---" * (len(kinds) + 1) + "|")
    for ch in channels:
        cells = []
        for k in kinds:
            fs = [x for x in FINDINGS if x["channel"] == ch and x["kind"] == k]
            if fs:
                cells.append("LEAK " + ",".join(sorted({x["audience"][0] for x in fs})) + " (" +
                             ",".join(sorted({x["secret"] for x in fs}))[:40] + ")")
            elif (ch, "not tested") in TESTED:
                cells.append("not tested")
            else:
                cells.append("-")
        print("| %s | %s |" % (ch, " | ".join(cells)))
    print("\n## Leaks (%d)\n" % len(FINDINGS))
    for x in FINDINGS:
        print("- [%s] as %s: %s (%s; %s)\n    %s" % (x["channel"], x["audience"], x["secret"], x["kind"], x["where"],
                                                  x["evidence"][:400]))
    print("\n## Other observations (%d)\n" % len(NOTES))
    seen = set()
    for n in NOTES:
        k = (n["kind"], n["text"][:150])
        if k in seen:
            continue
        seen.add(k)
        print("- %s: %s" % (n["kind"], n["text"][:400]))
    print("\nfindings: %s" % os.path.join(wd, "findings.json"))
    sys.exit(1 if FINDINGS else 0)


if __name__ == "__main__":
    main()
