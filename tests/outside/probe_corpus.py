"""Build an invented bilingual corpus for outside probes of `mediarch`.

Everything here is made up.  `build(folder, variant)` writes files/, manifest.csv and the
authority files, and returns a Corpus whose `secrets` say which invented word sits where and
who may not see it.  Variant "A" and "B" differ only in closed content (different secret
words, closed dates, closed text length, closed file names, and B has two extra hidden
records), so any difference in a public answer between the two is a leak.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

LAT_C = "bdfgkmprtvz"
LAT_V = "aiou"
AR_L = "قزطظغضشجصعخحدذرث"

# audience classes: a secret of class X must not be seen by these audiences
HIDE_FROM = {
    "closed": ("public", "reader"),  # staff may see it
    "reader_ok": ("public",),  # readers may see it
    "admin_only": ("public", "reader", "staff"),
}


def _h(tag: str, variant: str) -> bytes:
    return hashlib.sha256(f"{variant}:{tag}".encode()).digest()


PHON = str.maketrans(
    {"v": "f", "q": "k", "g": "k", "p": "b", "t": "d", "s": "z", "x": "k", "c": "k"}
)


def skeleton(w: str) -> str:
    """A rough phonetic key (vowels dropped, voiced/unvoiced pairs merged): two secrets with
    the same key could match each other through the search's name keys."""
    return re.sub(r"[aeiou]", "", w.lower()).translate(PHON)


def latin_word(tag: str, variant: str, salt: int = 0) -> str:
    d = _h(f"{tag}#{salt}" if salt else tag, variant)
    n = 4 if variant == "A" else 5
    w = ""
    for i in range(n):
        w += LAT_C[d[2 * i] % len(LAT_C)] + LAT_V[d[2 * i + 1] % len(LAT_V)]
    w += "xqk"[d[20] % 3]
    return "zq" + w  # every secret starts with zq: easy to grep, unlike any real word


def arabic_word(tag: str, variant: str) -> str:
    d = _h("ar" + tag, variant)
    n = 5 if variant == "A" else 6
    return "ظ" + "".join(AR_L[d[i] % len(AR_L)] for i in range(n))


@dataclass
class Secret:
    tag: str
    word: str
    cls: str
    where: str


@dataclass
class Corpus:
    root: Path
    variant: str
    secrets: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    closed_ids: dict = field(default_factory=dict)  # identifier -> class
    hidden_agents: dict = field(default_factory=dict)  # agent id -> class
    hidden_processes: dict = field(default_factory=dict)
    hidden_sessions: dict = field(default_factory=dict)
    unmanifested_names: list = field(default_factory=list)

    def s(self, tag, cls, where, arabic=False):
        if arabic:
            w = arabic_word(tag, self.variant)
        else:
            used = {skeleton(x.word) for x in self.secrets}
            salt = 0
            w = latin_word(tag, self.variant)
            while skeleton(w) in used or any(skeleton(w)[:6] == u[:6] for u in used):
                salt += 1
                w = latin_word(tag, self.variant, salt)
        self.secrets.append(Secret(tag, w, cls, where))
        return w

    def sa(self, tag, cls, where):
        return self.s(tag, cls, where, arabic=True)


PUBLIC_EN = (
    "The delegations discussed water sharing along the Wadi Qarnun basin, the ceasefire "
    "monitoring committee and the return of displaced families. "
)
PUBLIC_AR = (
    "ناقشت الوفود تقاسم المياه في حوض وادي قرنون ولجنة مراقبة وقف إطلاق النار وعودة الأسر النازحة. "
)

MANIFEST_COLS = [
    "file",
    "identifier",
    "title_en",
    "title_ar",
    "date",
    "process",
    "session",
    "document_type",
    "languages",
    "status",
    "access",
    "embargo_until",
    "description_visibility",
    "agents",
    "subjects",
    "abstract_en",
    "abstract_ar",
    "places",
    "provenance",
    "rights",
    "redact",
]


def _docx(path: Path, paragraphs, props=None):
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if props:
        cp = d.core_properties
        for k, v in props.items():
            setattr(cp, k, v)
    d.save(str(path))
    _fix_zip(path)


def _fix_zip(path: Path):
    """Same bytes for the same content: fixed member times (public files must not differ)."""
    import zipfile

    src = zipfile.ZipFile(path)
    items = [(i.filename, src.read(i.filename)) for i in src.infolist()]
    src.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            zi = zipfile.ZipInfo(name, date_time=(2019, 3, 12, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def _eml(path: Path, subject, from_, to, body, attachments=()):
    m = EmailMessage()
    m["Subject"] = subject
    m["From"] = from_
    m["To"] = to
    m["Date"] = "Tue, 12 Mar 2019 10:00:00 +0000"
    m.set_content(body)
    for name, data, mt in attachments:
        maintype, subtype = mt.split("/")
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    if attachments:
        m.set_boundary("==probe-boundary-" + hashlib.sha256(subject.encode()).hexdigest()[:12])
    path.write_bytes(bytes(m))


def build(folder: Path, variant: str = "A", with_pdf=True) -> Corpus:
    folder = Path(folder)
    files = folder / "files"
    files.mkdir(parents=True, exist_ok=True)
    c = Corpus(folder, variant)
    B = variant == "B"
    pad = (" ceasefire water negotiation" * 40) if B else ""  # closed text length / statistics
    rows = []

    def row(**kw):
        r = {k: "" for k in MANIFEST_COLS}
        r.update(kw)
        rows.append(r)
        return r

    # ---------------------------------------------------------------- authorities
    ag_hidden = c.s("ag_hidden", "closed", "agent authority name, only closed records name it")
    ag_hidden_ar = c.sa("ag_hidden_ar", "closed", "agent authority Arabic parallel name")
    ag_hidden_note = c.s("ag_hidden_note", "closed", "agent authority note")
    ag_med = c.s("ag_med", "closed", "mediator of hidden process (authority)")
    ag_reader = c.s("ag_reader", "reader_ok", "agent only reader records name")
    ag_text = c.s("ag_text", "closed", "known agent found only in closed text")
    ag_text_ar = c.sa("ag_text_ar", "closed", "Arabic name of agent found only in closed text")
    agents = [
        {
            "id": "mansour",
            "kind": "person",
            "authorised_name": "Layla Mansour",
            "parallel_names": [{"lang": "ar", "name": "ليلى منصور"}],
            "affiliation_en": "Geneva Dialogue Centre",
        },
        {
            "id": "haddad",
            "kind": "person",
            "authorised_name": "Mohammed Haddad",
            "parallel_names": [{"lang": "ar", "name": "محمد حداد"}],
            "variants": ["Muhamad al-Haddad"],
        },
        {
            "id": "hidden-agent",
            "kind": "person",
            "authorised_name": f"Tarik {ag_hidden.capitalize()}",
            "parallel_names": [{"lang": "ar", "name": f"طارق {ag_hidden_ar}"}],
            "note": f"note {ag_hidden_note}",
        },
        {
            "id": "hidden-mediator",
            "kind": "person",
            "authorised_name": f"Nora {ag_med.capitalize()}",
        },
        {
            "id": "reader-agent",
            "kind": "person",
            "authorised_name": f"Omar {ag_reader.capitalize()}",
        },
        {
            "id": "text-agent",
            "kind": "person",
            "authorised_name": f"Samir {ag_text.capitalize()}",
            "parallel_names": [{"lang": "ar", "name": f"سمير {ag_text_ar}"}],
        },
    ]
    c.hidden_agents.update(
        {
            "hidden-agent": "closed",
            "hidden-mediator": "closed",
            "reader-agent": "reader_ok",
            "text-agent": "closed",
        }
    )
    proc_hidden = c.s("proc_hidden", "closed", "hidden process description")
    proc_hidden_ar = c.sa("proc_hidden_ar", "closed", "hidden process Arabic name")
    sess_venue = c.s("sess_venue", "closed", "venue of a session only closed records name")
    sess_h_venue = c.s("sess_h_venue", "closed", "venue of the hidden process's session")
    processes = [
        {
            "id": "proc-open",
            "name_en": "Wadi Qarnun water talks",
            "name_ar": "محادثات مياه وادي قرنون",
            "track": "2",
            "convener": "mansour",
            "period_start": "2019-01-01",
            "period_end": "2021-12-31",
            "mediators": [{"agent": "mansour", "kind": "outsider_neutral"}],
            "description_en": "A Track II dialogue on water.",
        },
        {
            "id": "proc-hidden",
            "name_en": "Northern corridor back channel",
            "name_ar": f"قناة خلفية {proc_hidden_ar}",
            "track": "1",
            "description_en": f"Secret channel {proc_hidden}",
            "mediators": [{"agent": "hidden-mediator", "kind": "international"}],
            "period_start": "2020-02-02" if not B else "2018-08-08",
        },
    ]
    processes.append(
        {
            "id": "proc-two",
            "name_en": "Coastal fisheries dialogue",
            "name_ar": "حوار مصائد الساحل",
            "track": "3",
        }
    )
    c.hidden_processes["proc-hidden"] = "closed"
    sessions = [
        {
            "id": "proc-open-r1",
            "process": "proc-open",
            "number": 1,
            "date": "2019-03-12",
            "venue_en": "Geneva",
            "title_en": "Round one",
        },
        {
            "id": "proc-open-r2",
            "process": "proc-open",
            "number": 2,
            "date": "2019-09-10" if not B else "2019-11-20",
            "venue_en": f"Villa {sess_venue.capitalize()}",
            "title_en": "Round two",
        },
        {
            "id": "proc-open-r3",
            "process": "proc-open",
            "number": 3,
            "title_en": "Round three (undated)",
        },
        {
            "id": "proc-two-r1",
            "process": "proc-two",
            "number": 1,
            "date": "2020-10-10",
            "venue_en": "Aqaba",
        },
        {
            "id": "proc-hidden-r1",
            "process": "proc-hidden",
            "number": 1,
            "date": "2020-02-03" if not B else "2018-08-09",
            "venue_en": f"Camp {sess_h_venue.capitalize()}",
        },
    ]
    c.hidden_sessions.update({"proc-open-r2": "closed", "proc-hidden-r1": "closed"})

    # ---------------------------------------------------------------- records
    # 1. public, open, UTF-8 text, redacted fields and passage
    red_pass = c.s("red_pass", "closed", "redacted passage in public text")
    red_abs = c.s("red_abs", "closed", "redacted abstract_en field")
    red_place = c.s("red_place", "closed", "redacted places field")
    (files / "pub-min-en.txt").write_text(
        "Minutes of round one, 12 March 2019.\n"
        + PUBLIC_EN
        + f"The envoy {red_pass} proposed a quiet exchange of prisoners.\n"
        + "Layla Mansour summarised the talks.\n",
        encoding="utf-8",
    )
    row(
        file="pub-min-en.txt",
        identifier="pub-min-en",
        title_en="Minutes of round one",
        title_ar="محضر الجولة الأولى",
        date="2019-03-12",
        process="proc-open",
        session="proc-open-r1",
        document_type="minutes",
        languages="en",
        access="public",
        description_visibility="listed",
        agents="Layla Mansour (mediator)",
        abstract_en=f"Summary naming {red_abs}",
        places=f"Geneva; {red_place.capitalize()}",
        redact=f'abstract_en; places; "The envoy {red_pass} proposed"',
    )

    # 2. public, open, Windows-1256 Arabic text, redacted Arabic passage and subjects
    red_pass_ar = c.sa("red_pass_ar", "closed", "redacted Arabic passage (cp1256 text)")
    red_abs_ar = c.sa("red_abs_ar", "closed", "redacted abstract_ar")
    red_subj = "ceasefire" if not B else "water"  # subjects must be thesaurus concepts
    (files / "pub-min-ar.txt").write_bytes(
        (
            "محضر الجولة الأولى\n" + PUBLIC_AR + f"اقترح المبعوث {red_pass_ar} تبادل الأسرى.\n"
        ).encode("cp1256")
    )
    row(
        file="pub-min-ar.txt",
        identifier="pub-min-ar",
        title_ar="محضر عربي للجولة الأولى",
        title_en="Arabic minutes of round one",
        date="2019-03-12",
        process="proc-open",
        session="proc-open-r1",
        document_type="minutes",
        languages="ar",
        access="public",
        description_visibility="listed",
        abstract_ar=f"ملخص {red_abs_ar}",
        subjects=red_subj,
        redact=f'abstract_ar; subjects; "المبعوث {red_pass_ar}"',
    )

    # 3. public open DOCX whose agents field is redacted (agent created by ingest)
    red_agent = c.s("red_agent", "closed", "agent named in a redacted agents field")
    _docx(files / "pub-agents-red.docx", ["Concept memo on the water committee.", PUBLIC_EN])
    row(
        file="pub-agents-red.docx",
        identifier="pub-agents-red",
        title_en="Concept memo on the committee",
        date="2019-04-01",
        process="proc-open",
        document_type="concept_memo",
        languages="en",
        access="public",
        description_visibility="listed",
        agents=f"Rami {red_agent.capitalize()} (participant)",
        redact="agents",
    )
    c.hidden_agents[f"name:Rami {red_agent.capitalize()}"] = "closed"

    # 4. embargoed (future), listed DOCX with core properties, a session only it names
    e4 = {
        k: c.s("emb4_" + k, "closed", f"embargoed listed DOCX: {k}")
        for k in (
            "text",
            "abstract",
            "place",
            "prop_title",
            "prop_author",
            "prop_subject",
            "prop_keywords",
            "prop_comments",
            "newagent",
        )
    }
    e4_ar = c.sa("emb4_text_ar", "closed", "embargoed listed DOCX: Arabic text")
    _docx(
        files / "emb-listed.docx",
        [
            f"Concept memo {e4['text']} on the corridor.",
            PUBLIC_EN + pad,
            f"نص {e4_ar} عربي",
            "ليلى منصور",
        ],
        props={
            "title": f"Title {e4['prop_title']}",
            "author": f"Author {e4['prop_author'].capitalize()}",
            "subject": e4["prop_subject"],
            "keywords": e4["prop_keywords"],
            "comments": e4["prop_comments"],
            "category": "memo",
        },
    )
    row(
        file="emb-listed.docx",
        identifier="emb-listed",
        title_en="Concept memo on the corridor",
        date="2019-09-10",
        process="proc-open",
        session="proc-open-r2",
        document_type="concept_memo",
        languages="en; ar",
        access="public",
        embargo_until="2099-01-01",
        description_visibility="listed",
        agents=f"{agents[2]['authorised_name']} (participant); Vera {e4['newagent'].capitalize()} (observer)",
        abstract_en=f"Abstract {e4['abstract']}",
        subjects="water" if not B else "ceasefire",
        places=e4["place"].capitalize(),
        provenance="Gift of the mediator",
    )
    c.closed_ids["emb-listed"] = "closed-listed"
    c.hidden_agents[f"name:Vera {e4['newagent'].capitalize()}"] = "closed"

    # 5. embargoed listed text, title/date/type guessed from closed text
    g_title = c.s("guess_title", "closed", "guessed title (first line of closed text)")
    gdate = "14 May 2020" if not B else "3 June 2021"
    gtype = "Draft agreement" if not B else "Final communique"
    (files / "emb-guess.txt").write_text(
        f"{gtype}: {g_title.capitalize()} accord\n{gdate}\n"
        + PUBLIC_EN
        + pad
        + f"\nSamir {ag_text.capitalize()} attended.\n",
        encoding="utf-8",
    )
    row(
        file="emb-guess.txt",
        identifier="emb-guess",
        process="proc-open",
        access="public",
        embargo_until="2099-01-01",
        description_visibility="listed",
    )
    c.closed_ids["emb-guess"] = "closed-listed"

    # 6. embargoed hidden PDF (LibreOffice) with Arabic, in the hidden process
    e6 = {
        k: c.s("emb6_" + k, "closed", f"embargoed hidden PDF: {k}")
        for k in ("text", "title", "prop_author", "prop_subject", "filename")
    }
    e6_ar = c.sa("emb6_text_ar", "closed", "embargoed hidden PDF: Arabic text")
    e6_title_ar = c.sa("emb6_title_ar", "closed", "embargoed hidden PDF: title_ar")
    docx6 = files / f"{e6['filename']}-pdfsrc.docx"
    _docx(
        docx6,
        [f"Back channel note {e6['text']}.", f"تفاهم {e6_ar} حول الممر", PUBLIC_EN + pad],
        props={
            "title": f"Note {e6['title']}",
            "author": e6["prop_author"].capitalize(),
            "subject": e6["prop_subject"],
        },
    )
    rows_pdf = [("emb-hidden", docx6)]
    row(
        file=f"{e6['filename']}.pdf",
        identifier="emb-hidden",
        title_en=f"Note {e6['title']}",
        title_ar=f"مذكرة {e6_title_ar}",
        date="2020-02-03" if not B else "2018-08-09",
        process="proc-hidden",
        session="proc-hidden-r1",
        document_type="report",
        languages="en; ar",
        access="public",
        embargo_until="2099-01-01",
        description_visibility="hidden",
        agents="hidden-mediator (mediator)"
        if False
        else f"{agents[3]['authorised_name']} (mediator)",
    )
    c.closed_ids["emb-hidden"] = "closed"

    # 7. embargo in the past: open (control)
    (files / "emb-past.txt").write_text(
        "Communique of the opening.\n" + PUBLIC_EN + "Pastopenword was agreed.\n", encoding="utf-8"
    )
    row(
        file="emb-past.txt",
        identifier="emb-past",
        title_en="Opening communique",
        date="2019-03-13",
        process="proc-open",
        session="proc-open-r1",
        document_type="communique",
        languages="en",
        access="public",
        embargo_until="2001-01-01",
        description_visibility="listed",
    )

    # 8. reader, listed
    r8 = {k: c.s("rd8_" + k, "reader_ok", f"reader listed: {k}") for k in ("text", "abstract")}
    (files / "reader-listed.txt").write_text(
        "Transcript excerpt.\n" + PUBLIC_EN + f"Reader word {r8['text']}.\n", encoding="utf-8"
    )
    row(
        file="reader-listed.txt",
        identifier="reader-listed",
        title_en="Reading room memo",
        date="2019-05-01",
        process="proc-open",
        document_type="concept_memo",
        languages="en",
        access="reader",
        description_visibility="listed",
        abstract_en=f"abs {r8['abstract']}",
    )
    c.closed_ids["reader-listed"] = "reader-listed"

    # 9. reader, hidden, DOCX, names an agent only reader records name
    r9 = {k: c.s("rd9_" + k, "reader_ok", f"reader hidden: {k}") for k in ("text", "title", "prop")}
    _docx(
        files / "reader-hidden.docx",
        [f"Reader hidden {r9['text']}.", PUBLIC_EN],
        props={"title": r9["prop"]},
    )
    row(
        file="reader-hidden.docx",
        identifier="reader-hidden",
        title_en=f"Memo {r9['title']}",
        date="2019-06-01",
        process="proc-open",
        document_type="concept_memo",
        languages="en",
        access="reader",
        description_visibility="hidden",
        agents=f"{agents[4]['authorised_name']} (participant)",
    )
    c.closed_ids["reader-hidden"] = "reader"

    # 10. no manifest row: staff, hidden, everything guessed; file name secret
    u_name = c.s("unman_filename", "closed", "file name of an unmanifested file")
    u_text = c.s("unman_text", "closed", "text of an unmanifested file")
    u_title = c.s("unman_title", "closed", "guessed title of an unmanifested file")
    (files / f"{u_name}-memo.txt").write_text(
        f"Report on {u_title.capitalize()} crossings\n21 April 2020\n{u_text} " + PUBLIC_EN + pad,
        encoding="utf-8",
    )
    c.unmanifested_names.append(f"{u_name}-memo.txt")

    # 11. admin hidden, unknown process and agent created by ingest
    a11 = {
        k: c.s("adm11_" + k, "admin_only", f"admin hidden: {k}")
        for k in ("text", "title", "agent", "proc")
    }
    a11_ar = c.sa("adm11_text_ar", "admin_only", "admin hidden: Arabic text")
    (files / "admin-hidden.txt").write_text(
        f"Admin only {a11['text']} memo. {a11_ar}\n" + PUBLIC_EN, encoding="utf-8"
    )
    row(
        file="admin-hidden.txt",
        identifier="admin-hidden",
        title_en=f"Admin {a11['title']}",
        date="2019-07-07",
        process=f"proc-{a11['proc']}",
        document_type="report",
        languages="en",
        access="admin",
        description_visibility="hidden",
        agents=f"Kamal {a11['agent'].capitalize()} (participant)",
    )
    c.closed_ids["admin-hidden"] = "admin"
    c.hidden_processes[f"proc-{a11['proc']}"] = "admin_only"
    c.hidden_agents[f"name:Kamal {a11['agent'].capitalize()}"] = "admin_only"

    # 12. admin, listed
    a12 = {k: c.s("adm12_" + k, "admin_only", f"admin listed: {k}") for k in ("text", "abstract")}
    (files / "admin-listed.txt").write_text(
        f"Admin listed {a12['text']}.\n" + PUBLIC_EN, encoding="utf-8"
    )
    row(
        file="admin-listed.txt",
        identifier="admin-listed",
        title_en="Admin listed memo",
        date="2019-07-08",
        process="proc-open",
        document_type="report",
        languages="en",
        access="admin",
        description_visibility="listed",
        abstract_en=f"abs {a12['abstract']}",
    )
    c.closed_ids["admin-listed"] = "admin-listed"

    # 13. draft with public access
    d13 = {k: c.s("draft_" + k, "closed", f"draft: {k}") for k in ("text", "title")}
    (files / "draft-pub.txt").write_text(
        f"Draft {d13['text']} text.\n" + PUBLIC_EN + pad, encoding="utf-8"
    )
    row(
        file="draft-pub.txt",
        identifier="draft-pub",
        title_en=f"Draft {d13['title']}",
        date="2019-08-01",
        process="proc-open",
        document_type="draft_agreement",
        languages="en",
        status="draft",
        access="public",
        description_visibility="listed",
    )
    c.closed_ids["draft-pub"] = "closed"

    # 14. withdrawn, never public
    w14 = {k: c.s("wd_" + k, "closed", f"withdrawn (never public): {k}") for k in ("text", "title")}
    (files / "withdrawn-never.txt").write_text(
        f"Withdrawn {w14['text']}.\n" + PUBLIC_EN, encoding="utf-8"
    )
    row(
        file="withdrawn-never.txt",
        identifier="withdrawn-never",
        title_en=f"Withdrawn {w14['title']}",
        date="2019-08-02",
        process="proc-open",
        document_type="report",
        languages="en",
        status="withdrawn",
        access="public",
        description_visibility="listed",
    )
    c.closed_ids["withdrawn-never"] = "closed"

    # 15. public now, withdrawn later by the test (tombstone)
    (files / "withdrawn-later.txt").write_text(
        "Press note.\n" + PUBLIC_EN + "Tombstoneword here.\n", encoding="utf-8"
    )
    row(
        file="withdrawn-later.txt",
        identifier="withdrawn-later",
        title_en="Press note later withdrawn",
        date="2019-08-03",
        process="proc-open",
        document_type="press_release",
        languages="en",
        access="public",
        description_visibility="listed",
        abstract_en="Tombstoneabstract words",
    )

    # 16. e-mail, listed but embargoed, no title: subject, headers, attachment closed
    m16 = {
        k: c.s("mail_" + k, "closed", f"closed e-mail: {k}")
        for k in ("subject", "from", "to", "body", "att_text", "att_name")
    }
    att = files / "_att16.docx"
    _docx(att, [f"Attachment content {m16['att_text']}.", PUBLIC_EN])
    _eml(
        files / "mail-closed.eml",
        f"Re: {m16['subject'].capitalize()} arrangements",
        f"{m16['from'].capitalize()} <{m16['from']}@example.org>",
        f"{m16['to'].capitalize()} <{m16['to']}@example.org>",
        f"Dear colleagues, {m16['body']} is confirmed.\n" + PUBLIC_EN + pad,
        [
            (
                f"{m16['att_name']}.docx",
                att.read_bytes(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
        ],
    )
    att.unlink()
    row(
        file="mail-closed.eml",
        identifier="mail-closed",
        process="proc-open",
        document_type="correspondence",
        date="2019-03-12",
        access="public",
        embargo_until="2099-01-01",
        description_visibility="listed",
    )
    c.closed_ids["mail-closed"] = "closed-listed"

    # 17. e-mail, public (control: its subject and attachment are public)
    att2 = files / "_att17.docx"
    _docx(att2, ["Public attachment on the schedule.", PUBLIC_EN])
    _eml(
        files / "mail-open.eml",
        "Schedule of the second round",
        "Layla Mansour <lm@example.org>",
        "Delegations <d@example.org>",
        "The schedule is attached.\n" + PUBLIC_EN,
        [
            (
                "schedule.docx",
                att2.read_bytes(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
        ],
    )
    att2.unlink()
    row(
        file="mail-open.eml",
        identifier="mail-open",
        title_en="Schedule e-mail",
        process="proc-open",
        document_type="correspondence",
        date="2019-03-01",
        access="public",
        description_visibility="listed",
    )

    # 18/19. participant lists under a names rule
    n18 = c.s("names18", "closed", "name in a participant list under redact=names (unmarked)")
    (files / "plist-unmarked.txt").write_text(
        f"Participant list\nHadi {n18.capitalize()}, delegate\n" + PUBLIC_EN, encoding="utf-8"
    )
    row(
        file="plist-unmarked.txt",
        identifier="plist-unmarked",
        title_en="Participants, round one",
        date="2019-03-12",
        process="proc-open",
        session="proc-open-r1",
        document_type="participant_list",
        languages="en",
        access="public",
        description_visibility="listed",
        agents=f"Hadi {n18.capitalize()} (participant)",
    )
    c.closed_ids["plist-unmarked"] = "closed-listed"
    c.hidden_agents[f"name:Hadi {n18.capitalize()}"] = "closed"
    n19 = c.s("names19", "closed", "name in a participant list under redact=names (marked)")
    (files / "plist-marked.txt").write_text(
        f"Participant list two\nYusuf {n19.capitalize()}, delegate\n"
        + PUBLIC_EN
        + "Markedopenword.\n",
        encoding="utf-8",
    )
    row(
        file="plist-marked.txt",
        identifier="plist-marked",
        title_en="Participants, round one (b)",
        date="2019-03-12",
        process="proc-open",
        session="proc-open-r1",
        document_type="participant_list",
        languages="en",
        access="public",
        description_visibility="listed",
        agents=f"Yusuf {n19.capitalize()} (participant)",
        redact=f'"Yusuf {n19.capitalize()}"',
    )
    c.hidden_agents[f"name:Yusuf {n19.capitalize()}"] = "closed"

    # 20. transcript closed by a rule (50 years after record date)
    t20 = c.s("rule_transcript", "closed", "transcript closed by an embargo rule")
    (files / "transcript.txt").write_text(
        f"Transcript\n{t20} said yes.\n" + PUBLIC_EN + pad, encoding="utf-8"
    )
    row(
        file="transcript.txt",
        identifier="transcript-rule",
        title_en="Transcript of round one",
        date="2019-03-12",
        process="proc-open",
        session="proc-open-r1",
        document_type="transcript",
        languages="en",
        access="public",
        description_visibility="listed",
    )
    c.closed_ids["transcript-rule"] = "closed-listed"

    # 21. report in an undated session, rule after session_date: closed indefinitely
    t21 = c.s("rule_nodate", "closed", "report in an undated session under a session-date rule")
    (files / "report-nodate.txt").write_text(f"Report {t21}.\n" + PUBLIC_EN, encoding="utf-8")
    row(
        file="report-nodate.txt",
        identifier="report-nodate",
        title_en="Report of round three",
        date="2020-01-15",
        process="proc-open",
        session="proc-open-r3",
        document_type="report",
        languages="en",
        access="public",
        description_visibility="listed",
    )
    c.closed_ids["report-nodate"] = "closed-listed"

    # 22. public press release that a rule added while serving will close
    p22 = "zqpressword"  # public until a rule added at run time closes it (same in A and B)
    (files / "press.txt").write_text(f"Press release {p22}.\n" + PUBLIC_EN, encoding="utf-8")
    row(
        file="press.txt",
        identifier="press-late",
        title_en="Press release on the talks",
        date="2020-06-01",
        process="proc-open",
        document_type="press_release",
        languages="en",
        access="public",
        description_visibility="listed",
    )

    # 23. public open DOCX with properties (control) and public agent Haddad
    _docx(
        files / "pub-open.docx",
        ["Communique of round two.", PUBLIC_EN, "Mohammed Haddad signed."],
        props={"title": "Communique two", "author": "Secretariat", "keywords": "propkeywordpublic"},
    )
    row(
        file="pub-open.docx",
        identifier="pub-open",
        title_en="Communique of round two",
        title_ar="البيان الختامي للجولة الثانية",
        date="2019-09-12",
        process="proc-open",
        document_type="communique",
        languages="en",
        access="public",
        description_visibility="listed",
        agents="Mohammed Haddad (signatory)",
    )

    # 24. staff hidden naming the public agent and process, with hidden agent (authority)
    s24 = {k: c.s("staff24_" + k, "closed", f"staff hidden: {k}") for k in ("text", "title")}
    (files / "staff-hidden.txt").write_text(
        f"Staff hidden {s24['text']}.\n" + PUBLIC_EN + pad, encoding="utf-8"
    )
    row(
        file="staff-hidden.txt",
        identifier="staff-hidden",
        title_en=f"Memo {s24['title']}",
        date="2019-10-10" if not B else "2021-02-02",
        process="proc-open",
        session="proc-open-r2",
        document_type="minutes",
        languages="en",
        access="staff",
        description_visibility="hidden",
        agents=f"Mohammed Haddad (participant); {agents[2]['authorised_name']} (participant)",
        subjects="ceasefire" if not B else "water",
    )
    c.closed_ids["staff-hidden"] = "closed"

    # 25. public, redacted date and Arabic title (values differ between variants)
    (files / "pub-red-date.txt").write_text(
        "Memo with a closed date.\n" + PUBLIC_EN, encoding="utf-8"
    )
    row(
        file="pub-red-date.txt",
        identifier="pub-red-date",
        title_en="Memo with a closed date",
        title_ar="مذكرة بتاريخ محجوب",
        date="2017-07-07" if not B else "2016-06-16",
        process="proc-open",
        document_type="concept_memo",
        languages="en",
        access="public",
        description_visibility="listed",
        redact="date",
    )

    # 26. public, redacted process / session / type / languages (values differ between variants)
    (files / "pub-red-meta.txt").write_text(
        "Memo with closed metadata.\n" + PUBLIC_EN, encoding="utf-8"
    )
    row(
        file="pub-red-meta.txt",
        identifier="pub-red-meta",
        title_en="Memo with closed metadata",
        date="2019-05-05",
        process="proc-open" if not B else "proc-two",
        session="proc-open-r1" if not B else "proc-two-r1",
        document_type="report",
        languages="en" if not B else "fr",
        access="public",
        description_visibility="listed",
        redact="process; session; languages",
    )

    # 27. public, title and date guessed from a line that is redacted
    gr = c.s("guess_red_title", "closed", "guessed title inside a redacted passage (public record)")
    grd = "2 February 2018" if not B else "9 November 2016"
    (files / "pub-guess-red.txt").write_text(
        f"Minutes {gr} summit {grd}\n" + PUBLIC_EN + "Openguessword.\n", encoding="utf-8"
    )
    row(
        file="pub-guess-red.txt",
        identifier="pub-guess-red",
        process="proc-open",
        access="public",
        description_visibility="listed",
        redact=f'"Minutes {gr} summit {grd}"',
    )

    # 28. public DOCX with a redaction, title only in its core properties
    dp = c.s("docx_red_prop", "closed", "core property of a public DOCX that has a redaction")
    dpp = c.s("docx_red_pass", "closed", "redacted passage of a public DOCX")
    _docx(
        files / "pub-docx-red.docx",
        ["communique", f"The clause {dpp} was struck.", PUBLIC_EN],
        props={"title": f"Propertytitle {dp}", "author": f"Author {dp}", "keywords": dp},
    )
    row(
        file="pub-docx-red.docx",
        identifier="pub-docx-red",
        process="proc-open",
        access="public",
        date="2019-11-11",
        document_type="communique",
        description_visibility="listed",
        redact=f'"The clause {dpp} was struck"',
    )

    # 29. public e-mail whose subject holds a redacted word; its attachment is titled after it
    ms = c.s("mail_red_subject", "closed", "redacted word in a public e-mail's subject")
    att3 = files / "_att29.docx"
    _docx(att3, ["Annex on logistics.", PUBLIC_EN])
    _eml(
        files / "mail-red.eml",
        f"Plan {ms} logistics",
        "Layla Mansour <lm@example.org>",
        "Delegations <d@example.org>",
        "Please find the plan.\n" + PUBLIC_EN,
        [
            (
                "annex.docx",
                att3.read_bytes(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
        ],
    )
    att3.unlink()
    row(
        file="mail-red.eml",
        identifier="mail-red",
        process="proc-open",
        access="public",
        description_visibility="listed",
        redact=f'"{ms}"',
    )

    # 30. public text naming a known agent only inside a redacted passage (manifest names nobody)
    rpa = c.s("redpass_agent", "closed", "known agent named only inside a redacted passage")
    rpa_ar = c.sa("redpass_agent_ar", "closed", "Arabic name of that agent (authority)")
    agents.append(
        {
            "id": "redpass-agent",
            "kind": "person",
            "authorised_name": f"Laith {rpa.capitalize()}",
            "parallel_names": [{"lang": "ar", "name": f"ليث {rpa_ar}"}],
        }
    )
    c.hidden_agents["redpass-agent"] = "closed"
    (files / "pub-red-agent.txt").write_text(
        "Note on the talks.\n" + PUBLIC_EN + f"Laith {rpa.capitalize()} met the envoy in secret.\n",
        encoding="utf-8",
    )
    row(
        file="pub-red-agent.txt",
        identifier="pub-red-agent",
        title_en="Note on the talks",
        date="2019-12-12",
        process="proc-open",
        document_type="report" if False else "concept_memo",
        languages="en",
        access="public",
        description_visibility="listed",
        redact=f'"Laith {rpa.capitalize()} met the envoy"',
    )

    # 31. transcript without a manifest date under the 50-year rule: the date is guessed (closed)
    tg = c.s("transcript_guess", "closed", "text of a transcript whose date is guessed")
    tgd = "9 September 2018" if not B else "1 January 2015"
    (files / "transcript-guess.txt").write_text(
        f"Transcript\n{tgd}\n{tg} spoke.\n" + PUBLIC_EN, encoding="utf-8"
    )
    row(
        file="transcript-guess.txt",
        identifier="transcript-guess",
        title_en="Transcript (undated)",
        process="proc-open",
        document_type="transcript",
        languages="en",
        access="public",
        description_visibility="listed",
    )
    c.closed_ids["transcript-guess"] = "closed-listed"

    (files / "two-open.txt").write_text("Fisheries minutes.\n" + PUBLIC_EN, encoding="utf-8")
    row(
        file="two-open.txt",
        identifier="two-open",
        title_en="Fisheries minutes",
        date="2020-10-10",
        process="proc-two",
        session="proc-two-r1",
        document_type="minutes",
        languages="en; fr",
        access="public",
        description_visibility="listed",
    )

    if B:  # extra hidden records: their existence itself is closed
        (files / "extra-b.txt").write_text(
            "Extra hidden ceasefire memo.\n" + PUBLIC_EN, encoding="utf-8"
        )
        row(
            file="extra-b.txt",
            identifier="extra-b",
            title_en="Extra memo",
            date="2019-03-12",
            process="proc-open",
            session="proc-open-r1",
            document_type="minutes",
            languages="en",
            access="staff",
            description_visibility="hidden",
            agents="Layla Mansour (participant)",
        )
        (files / "extra-b-admin.txt").write_text(
            "Extra admin memo.\n" + PUBLIC_EN, encoding="utf-8"
        )
        row(
            file="extra-b-admin.txt",
            identifier="extra-b-admin",
            title_en="Extra admin memo",
            date="2019-03-12",
            process="proc-open",
            document_type="report",
            languages="en",
            access="admin",
            description_visibility="hidden",
        )

    # PDFs through LibreOffice (carries core properties into the PDF information)
    if with_pdf:
        srcs = [str(p) for _, p in rows_pdf]
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(files), *srcs],
            check=True,
            capture_output=True,
            timeout=180,
        )
        for _, p in rows_pdf:
            out = p.with_suffix(".pdf")
            out.rename(files / (p.name.replace("-pdfsrc.docx", ".pdf")))
            p.unlink()
    # a real PDF by other people, closed, no manifest row
    real = Path("/usr/share/doc/libtasn1-doc/libtasn1.pdf")
    if real.exists():
        shutil.copy(real, files / "asn1-reference.pdf")
        c.unmanifested_names.append("asn1-reference.pdf")

    with open(folder / "manifest.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, MANIFEST_COLS)
        w.writeheader()
        for r in rows:
            w.writerow(r)
    (folder / "processes.json").write_text(json.dumps(processes, ensure_ascii=False, indent=1))
    (folder / "sessions.json").write_text(json.dumps(sessions, ensure_ascii=False, indent=1))
    (folder / "agents.json").write_text(json.dumps(agents, ensure_ascii=False, indent=1))
    c.rows = rows
    return c


RULES = """
[[embargo_rules]]
document_type = "transcript"
years = 50
after = "record_date"

[[embargo_rules]]
document_type = "participant_list"
redact = "names"

[[embargo_rules]]
document_type = "report"
process = "proc-open"
years = 5
after = "session_date"
"""


def make_depository(mediarch, root: Path, corpus: Corpus, env=None):
    subprocess.run([mediarch, "init", str(root)], check=True, capture_output=True, env=env)
    toml = root / "mediarch.toml"
    toml.write_text(toml.read_text() + RULES)
    f = corpus.root
    p = subprocess.run(
        [
            mediarch,
            "--root",
            str(root),
            "ingest",
            str(f / "files"),
            "--manifest",
            str(f / "manifest.csv"),
            "--processes",
            str(f / "processes.json"),
            "--sessions",
            str(f / "sessions.json"),
            "--agents",
            str(f / "agents.json"),
            "--collection",
            "coll-main",
            "--report",
            str(f / "report.json"),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    return p
