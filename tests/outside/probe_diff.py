"""Differential (noninterference) probe: the same public requests to two depositories that
differ only in closed content must get the same answers (after normalising times and the
keyed identifiers of files without a manifest row)."""

import re

import probe_http as ph

COMMON_QUERIES = [
    "ceasefire",
    "water",
    "water ceasefire",
    "negotiation",
    "monitoring",
    "المياه",
    "وقف إطلاق النار",
    "Haddad",
    "محمد حداد",
    "Mansour",
    "memo",
    "minutes",
    "report",
    "corridor",
    "prisoners",
    "Geneva",
    "date:2019",
    "date:2020",
    "date:2021",
    "date:2018",
    "type:draft_agreement",
    "type:communique",
    "type:report",
    "type:minutes",
    "type:other",
    "process:proc-open",
    "process:proc-hidden",
    "session:proc-open-r2",
    "session:proc-hidden-r1",
    "agent:hidden-agent",
    "agent:haddad",
    "agent:mansour",
    "lang:ar",
    "lang:en",
    "track:1",
    "track:2",
    "id:staff-hidden",
    "id:extra-b",
    "title:memo",
    "ceasfire",
    "watr",
    "negotiatoin",
    "Tarik",
    "Nora",
    "Samir",
    "Vera",
    "attachment",
    "untitled",
    "libtasn1",
    "crossings",
    "accord",
    "back channel",
    "date:2020-05",
    "date:2021-06",
    "date:2018..2018",
    "date:2017",
    "date:2016",
    "date:2015",
    "process:proc-two",
    "lang:fr",
    "session:proc-two-r1",
    "session:proc-open-r1",
    "Laith",
    "plan logistics",
    "annex",
    "Propertytitle",
    "clause",
    "summit",
    "agent:redpass-agent",
    "place:geneva",
    "subject:water",
    "subject:ceasefire",
    '"quiet exchange"',
    "envoy",
    "المبعوث",
    "الأسرى",
    "تبادل",
    "water -ceasefire",
    "a OR b",
    "(",
    '"',
    "date:..",
    "type:",
    "title:",
]


def static_paths():
    paths = [
        "/",
        "/index.json",
        "/browse",
        "/browse.json",
        "/sitemap.xml",
        "/feed.atom",
        "/oai?verb=Identify",
        "/oai?verb=ListSets",
        "/oai?verb=ListMetadataFormats",
    ]
    for pref in ("oai_dc", "mediarch"):
        paths += [
            f"/oai?verb=ListIdentifiers&metadataPrefix={pref}",
            f"/oai?verb=ListRecords&metadataPrefix={pref}",
            f"/oai?verb=ListRecords&metadataPrefix={pref}&set=process:proc-open",
            f"/oai?verb=ListRecords&metadataPrefix={pref}&set=process:proc-hidden",
            f"/oai?verb=ListRecords&metadataPrefix={pref}&set=collection:coll-main",
            f"/oai?verb=ListIdentifiers&metadataPrefix={pref}&from=2000-01-01",
        ]
    ids = [
        "staff-hidden",
        "emb-hidden",
        "reader-hidden",
        "admin-hidden",
        "admin-listed",
        "draft-pub",
        "withdrawn-never",
        "extra-b",
        "extra-b-admin",
        "never-used-id",
        "emb-listed",
        "emb-guess",
        "mail-closed",
        "mail-closed-attachment-1",
        "plist-unmarked",
        "plist-marked",
        "transcript-rule",
        "report-nodate",
        "reader-listed",
        "pub-min-en",
        "pub-min-ar",
        "pub-agents-red",
        "pub-red-date",
        "pub-red-meta",
        "pub-guess-red",
        "pub-docx-red",
        "mail-red",
        "mail-red-attachment-1",
        "pub-red-agent",
        "transcript-guess",
        "two-open",
        "emb-past",
        "pub-open",
        "press-late",
    ]
    for i in ids:
        for suf in ("", ".json", ".bib", ".ris", "/dc.xml", "/files/1", "/files/1?view=1"):
            paths.append(f"/records/{i}{suf}")
        for pref in ("oai_dc", "mediarch"):
            paths.append(
                f"/oai?verb=GetRecord&metadataPrefix={pref}&identifier=oai:mediarch.example:{i}"
            )
    for p in ("proc-open", "proc-two", "proc-hidden", "proc-never"):
        paths += [f"/processes/{p}", f"/processes/{p}.json", f"/processes/{p}/ead.xml"]
    for s in ("proc-open-r1", "proc-open-r2", "proc-open-r3", "proc-hidden-r1", "sess-never"):
        paths += [f"/sessions/{s}", f"/sessions/{s}.json"]
    for a in (
        "mansour",
        "haddad",
        "hidden-agent",
        "hidden-mediator",
        "reader-agent",
        "text-agent",
        "redpass-agent",
        "agent-never",
    ):
        paths += [f"/agents/{a}", f"/agents/{a}.json"]
    for q in COMMON_QUERIES:
        for sort in ("", "&sort=date", "&sort=title"):
            paths.append("/search.json?q=" + ph.urllib.parse.quote(q) + sort)
        paths.append("/search?q=" + ph.urllib.parse.quote(q))
        paths.append("/search.json?q=" + ph.urllib.parse.quote(q) + "&no_expand=1")
    return paths


def normalise(text, base):
    t = text.replace(base, "BASE")
    t = re.sub(r"127\.0\.0\.1:\d+", "BASE", t)
    t = re.sub(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?", "TIME", t)
    t = re.sub(r"record-[a-z0-9]{16}", "RID", t)
    t = re.sub(r'name="csrf(?:_token)?" value="[^"]*"', "CSRF", t)
    t = re.sub(r"resumptionToken[^<]*>[^<]*<", "resumptionToken>TOKEN<", t)
    t = re.sub(r'("score": ?)[0-9.]+', r"\1S", t) if False else t
    return t


def first_difference(a, b, ctx=160):
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    ja, jb = len(a), len(b)
    while ja > i and jb > i and a[ja - 1] == b[jb - 1]:
        ja -= 1
        jb -= 1
    return f"A: ...{a[max(0, i - ctx) : ja + 40]}...\nB: ...{b[max(0, i - ctx) : jb + 40]}..."


def compare(base_a, base_b, paths, max_report=60):
    ca, cb = ph.Client(base_a), ph.Client(base_b)
    diffs = []
    for p in paths:
        ra, rb = ca.get(p), cb.get(p)
        na, nb = normalise(ra.text, base_a), normalise(rb.text, base_b)
        if ra.status != rb.status or na != nb:
            d = first_difference(na, nb)
            diffs.append((p, ra.status, rb.status, d))
    return diffs
