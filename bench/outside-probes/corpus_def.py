"""Fictional bilingual red-team corpus for mediarch, and the table of planted secrets.

Everything here is invented (people, places, words).  `build(dest)` writes
  dest/files/...            the documents (DOCX, PDF via LibreOffice, UTF-8 / cp1256 text, .eml)
  dest/manifest.csv         one row per file (one file deliberately has no row)
  dest/processes.json, sessions.json, agents.json   authority files
SECRETS: word -> (where planted, audiences that may legitimately see it).
"""
import csv
import json
import os
import shutil
import subprocess
import tempfile
from email.message import EmailMessage

import docx  # python-docx

ALL = {"public", "reader", "staff", "admin"}
STAFF = {"staff", "admin"}
READER = {"reader", "staff", "admin"}
ADMIN = {"admin"}

# secret word -> (kind of secret, where planted, allowed audiences)
SECRETS = {
    # hidden staff-only DOCX rt-zorbling-memo
    "Quorvane": ("body", "body of hidden staff record rt-zorbling-memo (DOCX)", STAFF),
    "zorbling": ("identifier", "identifier of hidden record rt-zorbling-memo", STAFF),
    "Bextrillo": ("properties", "DOCX core title of hidden rt-zorbling-memo", STAFF),
    "Gosklander": ("properties", "DOCX core author of hidden rt-zorbling-memo", STAFF),
    "Wibbleton": ("properties", "DOCX core subject of hidden rt-zorbling-memo", STAFF),
    "Snarfkin": ("properties", "DOCX core keywords of hidden rt-zorbling-memo", STAFF),
    "Tressilunde": ("guessed title", "first heading of hidden rt-zorbling-memo, manifest titles empty", STAFF),
    "Abstrakulo": ("field", "abstract_en of hidden rt-zorbling-memo", STAFF),
    "Qelvaran": ("field", "places of hidden rt-zorbling-memo", STAFF),
    "Marrowind": ("agent", "unknown agent 'Yelva Marrowind' named only in manifest of hidden rt-zorbling-memo", STAFF),
    "Drevisk": ("agent", "authority agent 'Brannoc Drevisk' named only by closed records", STAFF),
    "دريفيسك": ("agent", "Arabic parallel name of agent Brannoc Drevisk (closed-only)", STAFF),
    "Ulvenmark": ("agent", "affiliation of closed-only agent Brannoc Drevisk", STAFF),
    # listed closed DOCX
    "Plumbrecht": ("body", "body of listed closed (staff) record rt-listed-memo", STAFF),
    "Plinkathon": ("properties", "DOCX core title of listed closed rt-listed-memo", STAFF),
    "Tonquillard": ("file name", "file name of listed closed rt-listed-memo", STAFF),
    "Glaucovy": ("guessed title", "first heading of listed closed rt-listed-guess, manifest titles empty", STAFF),
    "Morvessa": ("properties", "DOCX core author of listed closed rt-listed-guess", STAFF),
    # embargo in the future
    "Kravenholt": ("body", "body of public record under embargo until 2099 rt-embargo-future", STAFF),
    "قرطمان": ("body", "Arabic body of rt-embargo-future", STAFF),
    "Esquavelle": ("file name", "file name of rt-embargo-future", STAFF),
    # reader only
    "Lumbrisant": ("body", "body of reader-only listed rt-reader-listed", READER),
    "مرجنوس": ("body", "Arabic body of reader-only listed rt-reader-listed", READER),
    "Ossivrane": ("body", "body of reader-only hidden rt-reader-hidden", READER),
    "Pelgrandine": ("title", "title of reader-only hidden rt-reader-hidden", READER),
    "Crampelhorn": ("body", "body of reader-only record embargoed until 2099 rt-reader-embargo", STAFF),
    # draft / withdrawn
    "Draftelgar": ("body", "body of draft (access public) rt-draft", STAFF),
    "Pendragast": ("title", "title of draft rt-draft", STAFF),
    "Withrandel": ("body", "body of withdrawn (access public) rt-withdrawn", STAFF),
    "Wexlerine": ("title", "title of withdrawn (never public) rt-withdrawn", STAFF),
    # hidden PDF
    "Cindervault": ("body", "body of hidden PDF rt-hidden-pdf", STAFF),
    "زمرقان": ("body", "Arabic body of hidden PDF rt-hidden-pdf", STAFF),
    "Pyxalorn": ("properties", "PDF Title (doc info) of hidden rt-hidden-pdf", STAFF),
    "Trevellian": ("properties", "PDF Author (doc info) of hidden rt-hidden-pdf", STAFF),
    "Yarrowgate": ("guessed title", "first heading of hidden PDF rt-hidden-pdf, titles empty", STAFF),
    "Quantock": ("agent", "authority agent 'Sabrielle Quantock' named only in TEXT of hidden rt-hidden-pdf", STAFF),
    # cp1256 text
    "ثعلبوان": ("body", "body of hidden Windows-1256 text rt-hidden-1256", STAFF),
    "خرنفش": ("guessed title", "first line of hidden cp1256 rt-hidden-1256, titles empty", STAFF),
    # file name of hidden text, session only named by it
    "Grevillard": ("file name", "file name of hidden text rt-hidden-fname", STAFF),
    "Fennistrow": ("body", "body of hidden text rt-hidden-fname", STAFF),
    "Glimmerath": ("session", "title of session zl-s2 (public process) named only by hidden rt-hidden-fname", STAFF),
    "غلمراث": ("session", "Arabic title of session zl-s2", STAFF),
    "Ystrevane": ("session", "venue of session zl-s2", STAFF),
    # hidden e-mail
    "Skorbatine": ("e-mail", "Subject of hidden e-mail rt-hidden-eml", STAFF),
    "Quimbrell": ("e-mail", "From of hidden e-mail rt-hidden-eml", STAFF),
    "Pimsett": ("e-mail", "To of hidden e-mail rt-hidden-eml", STAFF),
    "Trundlewick": ("body", "body of hidden e-mail rt-hidden-eml", STAFF),
    "Mossfenner": ("file name", "attachment file name of hidden e-mail", STAFF),
    "Brisquelle": ("body", "attachment text of hidden e-mail", STAFF),
    # listed closed e-mail with empty titles
    "Fandalorum": ("guessed title", "Subject of listed closed e-mail rt-listed-eml, titles empty", STAFF),
    "Abblestrom": ("e-mail", "From of listed closed e-mail rt-listed-eml", STAFF),
    "Gazzerine": ("file name", "attachment name of listed closed e-mail rt-listed-eml", STAFF),
    "Hobbletrance": ("body", "attachment text of listed closed e-mail rt-listed-eml", STAFF),
    # listed closed text, file name, empty titles
    "Ruddlecombe": ("guessed title", "file name of listed closed text rt-listed-fname, titles empty", STAFF),
    "Vintercalm": ("body", "body of listed closed text rt-listed-fname", STAFF),
    # redactions inside public records
    "Sprocketmire": ("redacted", "redacted passage in body of public rt-pub-redacted", STAFF),
    "Kelmith": ("redacted", "person 'Ostrava Kelmith' (authority agent) only inside redacted passages", STAFF),
    "كلميث": ("redacted", "Arabic name of Ostrava Kelmith, only inside redacted passages", STAFF),
    "Nimblethorpe": ("redacted", "redacted field abstract_en of public rt-pub-redacted", STAFF),
    "Fizzlebrock": ("properties", "DOCX keywords of public but redacted rt-pub-redacted (file not given below redaction)", STAFF),
    "Halvquist": ("redacted", "redacted passage inside first heading of public rt-pub-heading, titles empty", STAFF),
    "سندليوس": ("redacted", "redacted Arabic passage in public rt-pub-ar", STAFF),
    "Voskuijlen": ("redacted", "agent 'Idris Voskuijlen' in redacted agents field of public rt-pub-agents", STAFF),
    "Quibbleshaw": ("redacted", "redacted name 'Nadrian Quibbleshaw' in public e-mail rt-pub-eml (also its From)", STAFF),
    # hidden process / session
    "Vortalune": ("process", "name of process hx-backchannel, named only by hidden rt-hidden-proc", STAFF),
    "فورتالون": ("process", "Arabic name of process hx-backchannel", STAFF),
    "Scrimshane": ("process", "description of process hx-backchannel", STAFF),
    "Ravelstoke": ("session", "title of session hx-s1 (of hx-backchannel), named only by hidden rt-hidden-proc", STAFF),
    "Onglethrop": ("body", "body of hidden rt-hidden-proc", STAFF),
    # process / session identifiers unknown to the authority files, named only by a hidden record
    "Grimwold": ("process", "unknown process 'qq-grimwold-talks' and session 'qq-grimwold-r1' named only by hidden rt-hidden-1256 (created bare by ingest)", STAFF),
    # listed closed record without an identifier: the identifier is derived from the file name
    "Wraxhollow": ("file name", "file name of listed closed record with an empty identifier cell (Wraxhollow-brief.docx)", STAFF),
    "Quillomene": ("body", "body of the listed closed Wraxhollow-brief.docx", STAFF),
    # no manifest row at all
    "Hexmortle": ("file name", "file name of a file with no manifest row (defaults: staff, hidden)", STAFF),
    "Jubbertane": ("body", "body of the file with no manifest row", STAFF),
    # admin only
    "Mirkovane": ("title", "title of admin-only hidden rt-admin-hidden", ADMIN),
    "Zanthrope": ("body", "body of admin-only hidden rt-admin-hidden", ADMIN),
    "طلسمير": ("body", "Arabic body of admin-only hidden rt-admin-hidden", ADMIN),
    "Vennigan": ("agent", "agent 'Halcyra Vennigan' named only by admin-only rt-admin-hidden", ADMIN),
    "Ploskavar": ("body", "body of admin-only listed rt-admin-listed", ADMIN),
    # made closed at run time by an embargo rule (press_release)
    "Pellavine": ("runtime rule", "body of public press release rt-pub-press (closed by a rule added while serving)", ALL),
}

# public controls: must be found by the public (sanity of the probe)
CONTROLS = ["Zelmora", "Sunnyvalepub", "Vellichor", "Openlumen", "Orlebar", "Pellavine", "Lakewatch"]

# record identifiers known from the manifest: id -> allowed audiences for its existence
RECORDS = {
    "rt-pub-redacted": ALL, "rt-pub-heading": ALL, "rt-pub-ar": ALL, "rt-pub-agents": ALL,
    "rt-pub-pdf": ALL, "rt-pub-press": ALL, "rt-pub-pastembargo": ALL, "rt-pub-eml": ALL,
    "rt-zorbling-memo": STAFF, "rt-listed-memo": ALL, "rt-listed-guess": ALL,
    "rt-embargo-future": ALL, "rt-reader-listed": ALL, "rt-reader-hidden": READER,
    "rt-reader-embargo": ALL, "rt-draft": STAFF, "rt-withdrawn": STAFF, "rt-hidden-pdf": STAFF,
    "rt-hidden-1256": STAFF, "rt-hidden-fname": STAFF, "rt-hidden-eml": STAFF,
    "rt-listed-eml": ALL, "rt-listed-fname": ALL, "rt-hidden-proc": STAFF,
    "rt-admin-hidden": ADMIN, "rt-admin-listed": ALL,
}
# records whose CONTENT (text, file) the audience may have
CONTENT_OPEN = {
    "rt-pub-redacted": ALL, "rt-pub-heading": ALL, "rt-pub-ar": ALL, "rt-pub-agents": ALL,
    "rt-pub-pdf": ALL, "rt-pub-press": ALL, "rt-pub-pastembargo": ALL, "rt-pub-eml": ALL,
    "rt-reader-listed": READER, "rt-reader-hidden": READER,
}
# records with redactions: public/reader must never get their original file
REDACTED = ["rt-pub-redacted", "rt-pub-heading", "rt-pub-ar", "rt-pub-agents", "rt-pub-eml"]

PROCESSES = [
    {"id": "zl-talks", "name_en": "Zelmora Lake Talks", "name_ar": "محادثات بحيرة زلمورا",
     "track": "2", "conflict_en": "Zelmora lakeshore water dispute", "conflict_ar": "نزاع مياه بحيرة زلمورا",
     "convener": "ag-lakewatch", "period_start": "2019-01-01", "period_end": "2023-12-31",
     "description_en": "A Track II dialogue on the Zelmora lake.",
     "description_ar": "حوار من المسار الثاني حول بحيرة زلمورا."},
    {"id": "hx-backchannel", "name_en": "Vortalune Backchannel", "name_ar": "قناة فورتالون الخلفية",
     "track": "1", "conflict_en": "Vortalune border", "conflict_ar": "حدود فورتالون",
     "description_en": "Secret contacts about Scrimshane.", "description_ar": "اتصالات سرية."},
]
SESSIONS = [
    {"id": "zl-s1", "process": "zl-talks", "number": 1, "title_en": "Zelmora first round",
     "title_ar": "الجولة الأولى زلمورا", "date": "2019-05-10", "venue_en": "Lakewatch Hall",
     "venue_ar": "قاعة ليكووتش", "working_languages": ["ar", "en"]},
    {"id": "zl-s2", "process": "zl-talks", "number": 2, "title_en": "Glimmerath round",
     "title_ar": "جولة غلمراث", "date": "2020-02-03", "venue_en": "Castle Ystrevane",
     "venue_ar": "قلعة يستريفان", "working_languages": ["ar", "en"]},
    {"id": "hx-s1", "process": "hx-backchannel", "number": 1, "title_en": "Ravelstoke round",
     "title_ar": "جولة رافلستوك", "date": "2021-06-01", "venue_en": "Ravelstoke villa",
     "venue_ar": "فيلا رافلستوك"},
]
AGENTS = [
    {"id": "ag-lakewatch", "kind": "organisation", "authorised_name": "Lakewatch Institute",
     "parallel_names": [{"name": "معهد ليكووتش", "lang": "ar"}]},
    {"id": "ag-orlebar", "kind": "person", "authorised_name": "Tamsin Orlebar",
     "parallel_names": [{"name": "تامسين أورلبار", "lang": "ar"}],
     "affiliation_en": "Lakewatch Institute"},
    {"id": "ag-drevisk", "kind": "person", "authorised_name": "Brannoc Drevisk",
     "parallel_names": [{"name": "برانوك دريفيسك", "lang": "ar"}],
     "variants": ["B. Drevisk"], "affiliation_en": "Ulvenmark Council",
     "affiliation_ar": "مجلس أولفنمارك"},
    {"id": "ag-kelmith", "kind": "person", "authorised_name": "Ostrava Kelmith",
     "parallel_names": [{"name": "أوسترافا كلميث", "lang": "ar"}]},
    {"id": "ag-quantock", "kind": "person", "authorised_name": "Sabrielle Quantock",
     "parallel_names": [{"name": "سابريل كوانتوك", "lang": "ar"}]},
]

PUB_EN = ("The Zelmora Lake Talks met at Lakewatch Hall. Tamsin Orlebar opened the session and the "
          "parties reviewed the fishing calendar, the water gauges and the shared boat register. ")
PUB_AR = "اجتمعت الأطراف في محادثات بحيرة زلمورا وناقشت تقويم الصيد وسجل القوارب المشترك."

COLUMNS = ["file", "identifier", "title_en", "title_ar", "date", "process", "session",
           "document_type", "languages", "status", "access", "embargo_until",
           "description_visibility", "agents", "subjects", "abstract_en", "abstract_ar",
           "places", "redact"]


def _docx(path, heading, paras, props=None):
    d = docx.Document()
    if heading:
        d.add_heading(heading, level=1)
    for p in paras:
        d.add_paragraph(p)
    cp = d.core_properties
    props = props or {}
    cp.title = props.get("title", "")
    cp.author = props.get("author", "")
    cp.subject = props.get("subject", "")
    cp.keywords = props.get("keywords", "")
    cp.comments = props.get("comments", "")
    cp.last_modified_by = props.get("last_modified_by", "")
    d.save(path)


def _pdf(path, heading, paras, props, tmp):
    src = os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".docx")
    _docx(src, heading, paras, props)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=dict(os.environ, HOME=tmp))
    shutil.move(src[:-5] + ".pdf", path)


def _eml(path, subject, frm, to, body, att_name, att_text, date="Tue, 03 Mar 2020 10:00:00 +0000"):
    m = EmailMessage()
    m["Subject"] = subject
    m["From"] = frm
    m["To"] = to
    m["Date"] = date
    m.set_content(body)
    m.add_attachment(att_text.encode("utf-8"), maintype="text", subtype="plain", filename=att_name)
    with open(path, "wb") as f:
        f.write(bytes(m))


def build(dest):
    dest = os.path.abspath(dest)
    files = os.path.join(dest, "files")
    if os.path.exists(dest):
        shutil.rmtree(dest)
    os.makedirs(files)
    tmp = tempfile.mkdtemp(prefix="rtcorpus-")
    rows = []

    def row(**kw):
        r = {c: "" for c in COLUMNS}
        r.update(kw)
        rows.append(r)

    F = lambda n: os.path.join(files, n)  # noqa: E731

    # ---------------- public records ----------------
    _docx(F("pub-redacted-minutes.docx"), "Minutes of the Zelmora fishing committee",
          [PUB_EN + "The parties discussed the Sprocketmire corridor at length.",
           "Ostrava Kelmith spoke for the northern delegation about the nets.",
           "Sunnyvalepub is the public keyword of this record.",
           PUB_AR],
          {"title": "Zelmora committee minutes", "author": "Lakewatch secretariat",
           "keywords": "Fizzlebrock; fishing", "subject": "fishing calendar"})
    row(file="pub-redacted-minutes.docx", identifier="rt-pub-redacted",
        title_en="Minutes of the Zelmora fishing committee", title_ar="محضر لجنة الصيد في زلمورا",
        date="2019-05-10", process="zl-talks", session="zl-s1", document_type="minutes",
        languages="en;ar", status="published", access="public", description_visibility="listed",
        abstract_en="Nimblethorpe summary of the fishing committee.",
        redact='abstract_en; "Sprocketmire corridor"; "Ostrava Kelmith"')

    with open(F("pub-heading-report.txt"), "w", encoding="utf-8") as f:
        f.write("Report on the Halvquist crossing and the Zelmora gauges\n\n"
                + PUB_EN + "\nThe gauges were read twice a day by the Lakewatch team.\n")
    row(file="pub-heading-report.txt", identifier="rt-pub-heading", date="2019-06-01",
        process="zl-talks", session="zl-s1", document_type="report", languages="en",
        status="published", access="public", description_visibility="listed",
        redact='"Halvquist"')

    with open(F("pub-ar-summary.txt"), "w", encoding="utf-8") as f:
        f.write("ملخص جلسة بحيرة زلمورا\n\n" + PUB_AR + "\n"
                "اتفق الطرفان على ممر سندليوس بعد نقاش طويل.\n"
                "وتحدث أوسترافا كلميث باسم الوفد الشمالي.\n")
    row(file="pub-ar-summary.txt", identifier="rt-pub-ar", title_ar="ملخص جلسة بحيرة زلمورا",
        title_en="Summary of the Zelmora session", date="2019-05-11", process="zl-talks",
        session="zl-s1", document_type="report", languages="ar", status="published",
        access="public", description_visibility="listed",
        redact='"ممر سندليوس"; "أوسترافا كلميث"')

    _docx(F("pub-agents-list.docx"), "Participant list Zelmora",
          [PUB_EN, "Participants of the Zelmora boat register working group."], {})
    row(file="pub-agents-list.docx", identifier="rt-pub-agents", title_en="Participant list Zelmora",
        title_ar="قائمة المشاركين زلمورا", date="2019-05-12", process="zl-talks", session="zl-s1",
        document_type="participant_list", languages="en", status="published", access="public",
        description_visibility="listed", agents="Idris Voskuijlen (participant)", redact="agents")

    _pdf(F("pub-bilingual.pdf"), "Zelmora joint statement",
         [PUB_EN + "Openlumen is a public word of this statement.", PUB_AR, "بيان مشترك حول بحيرة زلمورا"],
         {"title": "Zelmora joint statement", "author": "Lakewatch Institute"}, tmp)
    row(file="pub-bilingual.pdf", identifier="rt-pub-pdf", title_en="Zelmora joint statement",
        title_ar="بيان مشترك زلمورا", date="2019-05-13", process="zl-talks", session="zl-s1",
        document_type="communique", languages="en;ar", status="published", access="public",
        description_visibility="listed")

    _docx(F("pub-press.docx"), "Zelmora press release",
          [PUB_EN + "Pellavine is the word of the press release."], {})
    row(file="pub-press.docx", identifier="rt-pub-press", title_en="Zelmora press release",
        title_ar="بيان صحفي زلمورا", date="2019-05-14", process="zl-talks",
        document_type="press_release", languages="en", status="published", access="public",
        description_visibility="listed")

    _docx(F("pub-pastembargo.docx"), "Zelmora opened memo",
          [PUB_EN + "Vellichor was embargoed until 2001 and is open now."], {})
    row(file="pub-pastembargo.docx", identifier="rt-pub-pastembargo", title_en="Zelmora opened memo",
        date="2019-05-15", process="zl-talks", document_type="concept_memo", languages="en",
        status="published", access="public", embargo_until="2001-01-01",
        description_visibility="listed")

    _eml(F("pub-message.eml"), "Zelmora boat register", "Nadrian Quibbleshaw <nq@lakewatch.example>",
         "Tamsin Orlebar <to@lakewatch.example>",
         "Dear Tamsin,\nthe Zelmora boat register is attached.\nRegards, Nadrian Quibbleshaw\n",
         "register.txt", "Zelmora boat register: 14 boats.\n")
    row(file="pub-message.eml", identifier="rt-pub-eml", title_en="Zelmora boat register message",
        date="2019-05-16", process="zl-talks", document_type="correspondence", languages="en",
        status="published", access="public", description_visibility="listed",
        redact='"Nadrian Quibbleshaw"')

    # ---------------- closed records ----------------
    _docx(F("zorbling-memo.docx"), "Tressilunde memorandum",
          ["Quorvane is the secret word of this hidden memorandum.",
           "Brannoc Drevisk and Sabrielle Quantock are not in this text.", PUB_AR],
          {"title": "Bextrillo", "author": "Gosklander Fenwick", "subject": "Wibbleton",
           "keywords": "Snarfkin"})
    row(file="zorbling-memo.docx", identifier="rt-zorbling-memo", date="2020-01-20",
        process="zl-talks", document_type="concept_memo", languages="en",
        status="published", access="staff", description_visibility="hidden",
        agents="Brannoc Drevisk (participant); Yelva Marrowind (observer)",
        abstract_en="Abstrakulo abstract of the memo.", places="Qelvaran")

    _docx(F("Tonquillard-memo.docx"), "Listed memo on fisheries",
          ["Plumbrecht is the secret word of this listed closed memo."],
          {"title": "Plinkathon"})
    row(file="Tonquillard-memo.docx", identifier="rt-listed-memo", title_en="Listed memo on fisheries",
        title_ar="مذكرة مدرجة", date="2020-01-21", process="zl-talks", document_type="concept_memo",
        languages="en", status="published", access="staff", description_visibility="listed",
        agents="Brannoc Drevisk (author)")

    _docx(F("listed-guess.docx"), "Glaucovy negotiation outline",
          ["A closed outline; its title is guessed from its first heading."],
          {"author": "Morvessa Klent"})
    row(file="listed-guess.docx", identifier="rt-listed-guess", date="2020-01-22",
        process="zl-talks", document_type="concept_memo", languages="en", status="published",
        access="staff", description_visibility="listed")

    _docx(F("Esquavelle-draft.docx"), "Embargoed draft agreement",
          ["Kravenholt is the secret word under embargo until 2099.", "نص عربي محجوب قرطمان حتى عام ٢٠٩٩."],
          {})
    row(file="Esquavelle-draft.docx", identifier="rt-embargo-future", title_en="Embargoed draft agreement",
        title_ar="مشروع اتفاق محجوب", date="2020-02-03", process="zl-talks",
        document_type="draft_agreement", languages="en;ar", status="published", access="public",
        embargo_until="2099-01-01", description_visibility="listed")

    _docx(F("reader-listed.docx"), "Reader memo",
          ["Lumbrisant is for registered readers only.", "كلمة للقراء المسجلين مرجنوس فقط."], {})
    row(file="reader-listed.docx", identifier="rt-reader-listed", title_en="Reader memo",
        title_ar="مذكرة القراء", date="2020-03-01", process="zl-talks", document_type="concept_memo",
        languages="en;ar", status="published", access="reader", description_visibility="listed")

    _docx(F("reader-hidden.docx"), "Pelgrandine notes",
          ["Ossivrane is for registered readers only, hidden from the public."], {})
    row(file="reader-hidden.docx", identifier="rt-reader-hidden", title_en="Pelgrandine notes",
        date="2020-03-02", process="zl-talks", document_type="report", languages="en",
        status="published", access="reader", description_visibility="hidden")

    _docx(F("reader-embargo.docx"), "Reader embargoed memo",
          ["Crampelhorn is for readers but only after 2099."], {})
    row(file="reader-embargo.docx", identifier="rt-reader-embargo", title_en="Reader embargoed memo",
        date="2020-03-03", process="zl-talks", document_type="concept_memo", languages="en",
        status="published", access="reader", embargo_until="2099-01-01",
        description_visibility="listed")

    _docx(F("draft-record.docx"), "Pendragast draft", ["Draftelgar is a draft word."], {})
    row(file="draft-record.docx", identifier="rt-draft", title_en="Pendragast draft", date="2020-04-01",
        process="zl-talks", document_type="draft_agreement", languages="en", status="draft",
        access="public", description_visibility="listed")

    _docx(F("withdrawn-record.docx"), "Wexlerine communique", ["Withrandel is a withdrawn word."], {})
    row(file="withdrawn-record.docx", identifier="rt-withdrawn", title_en="Wexlerine communique",
        date="2020-04-02", process="zl-talks", document_type="communique", languages="en",
        status="withdrawn", access="public", description_visibility="listed")

    _pdf(F("hidden-summit.pdf"), "Yarrowgate summit notes",
         ["Cindervault is the secret of this hidden PDF.",
          "Sabrielle Quantock attended the summit in person.",
          "ملاحظات سرية عن قمة زمرقان في الجبال."],
         {"title": "Pyxalorn", "author": "Trevellian Oskarth", "subject": "summit"}, tmp)
    row(file="hidden-summit.pdf", identifier="rt-hidden-pdf", date="2020-05-01", process="zl-talks",
        document_type="minutes", languages="en;ar", status="published", access="staff",
        description_visibility="hidden")

    with open(F("hidden-1256.txt"), "wb") as f:
        f.write(("خرنفش: محضر الاجتماع السري\n\nتم الاتفاق على ثعلبوان في الجلسة السرية.\n"
                 "وناقش الحاضرون مسألة المياه.\n").encode("cp1256"))
    row(file="hidden-1256.txt", identifier="rt-hidden-1256", date="2020-05-02", process="qq-grimwold-talks",
        session="qq-grimwold-r1",
        document_type="minutes", languages="ar", status="published", access="staff",
        description_visibility="hidden")

    with open(F("Grevillard-notes.txt"), "w", encoding="utf-8") as f:
        f.write("Notes of the second round\n\nFennistrow is the secret of these notes.\n")
    row(file="Grevillard-notes.txt", identifier="rt-hidden-fname", title_en="Notes of the second round",
        date="2020-02-03", process="zl-talks", session="zl-s2", document_type="minutes",
        languages="en", status="published", access="staff", description_visibility="hidden")

    _eml(F("hidden-mail.eml"), "Re: Skorbatine proposal", "Velda Quimbrell <vq@ostrakon.example>",
         "Harlo Pimsett <hp@ostrakon.example>",
         "Harlo,\nTrundlewick is the secret of this message.\nVelda\n",
         "Mossfenner-annex.txt", "Brisquelle terms of the annex.\n")
    row(file="hidden-mail.eml", identifier="rt-hidden-eml", date="2020-03-03", process="zl-talks",
        document_type="correspondence", languages="en", status="published", access="staff",
        description_visibility="hidden")

    _eml(F("listed-mail.eml"), "Fandalorum arrangements", "Corvina Abblestrom <ca@ostrakon.example>",
         "Lakewatch desk <desk@lakewatch.example>",
         "The arrangements are attached.\n", "Gazzerine-list.txt", "Hobbletrance list of names.\n")
    row(file="listed-mail.eml", identifier="rt-listed-eml", date="2020-03-04", process="zl-talks",
        document_type="correspondence", languages="en", status="published", access="staff",
        description_visibility="listed")

    with open(F("Ruddlecombe.txt"), "w", encoding="utf-8") as f:
        f.write("vintercalm notes, lower case, no heading at all, the word Vintercalm is secret "
                "and this paragraph is long enough not to look like a title to anyone reading it.\n")
    row(file="Ruddlecombe.txt", identifier="rt-listed-fname", date="2020-03-05", process="zl-talks",
        document_type="other", languages="en", status="published", access="staff",
        description_visibility="listed")

    _docx(F("hidden-proc.docx"), "Backchannel notes",
          ["Onglethrop is the secret of the backchannel notes."], {})
    row(file="hidden-proc.docx", identifier="rt-hidden-proc", title_en="Backchannel notes",
        date="2021-06-01", process="hx-backchannel", session="hx-s1", document_type="minutes",
        languages="en", status="published", access="staff", description_visibility="hidden")

    _docx(F("Hexmortle-unlisted.docx"), "Unlisted file",
          ["Jubbertane is the secret of a file that has no manifest row."], {})
    # (no manifest row on purpose)

    _docx(F("Wraxhollow-brief.docx"), "Brief on boats",
          ["Quillomene is the secret of a listed closed brief whose identifier is left empty."], {})
    row(file="Wraxhollow-brief.docx", title_en="Brief on boats", date="2020-06-01", process="zl-talks",
        document_type="report", languages="en", status="published", access="staff",
        description_visibility="listed")

    _docx(F("admin-hidden.docx"), "Mirkovane dossier",
          ["Zanthrope is for administrators only.", "ملف للمسؤولين فقط طلسمير."], {})
    row(file="admin-hidden.docx", identifier="rt-admin-hidden", title_en="Mirkovane dossier",
        date="2021-01-01", process="zl-talks", document_type="report", languages="en;ar",
        status="published", access="admin", description_visibility="hidden",
        agents="Halcyra Vennigan (author)")

    _docx(F("admin-listed.docx"), "Admin ledger", ["Ploskavar is for administrators only."], {})
    row(file="admin-listed.docx", identifier="rt-admin-listed", title_en="Admin ledger",
        date="2021-01-02", process="zl-talks", document_type="report", languages="en",
        status="published", access="admin", description_visibility="listed")

    with open(os.path.join(dest, "manifest.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLUMNS)
        w.writeheader()
        w.writerows(rows)
    for name, data in (("processes.json", PROCESSES), ("sessions.json", SESSIONS), ("agents.json", AGENTS)):
        with open(os.path.join(dest, name), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
    shutil.rmtree(tmp, ignore_errors=True)
    return dest


if __name__ == "__main__":
    import sys
    print(build(sys.argv[1] if len(sys.argv) > 1 else "corpus"))
