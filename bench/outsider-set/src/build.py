#!/usr/bin/env python3
"""Build the outsider test collection from src/records_*.txt."""
import csv, glob, os, re, subprocess, sys, shutil
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = os.path.join(ROOT, "files")
BUILD = os.path.join(ROOT, "build")
AR = re.compile(r"[\u0600-\u06FF]")
LAT = re.compile(r"[A-Za-z]")

def parse():
    recs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "src", "records_*.txt"))):
        text = open(path, encoding="utf-8").read()
        for block in text.split("@@@ ")[1:]:
            head, _, body = block.partition("\n---\n")
            lines = head.strip().split("\n")
            rec = {"id": lines[0].strip()}
            for ln in lines[1:]:
                k, _, v = ln.partition(":")
                rec[k.strip()] = v.strip()
            rec["body"] = [p.strip() for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]
            recs.append(rec)
    return recs

def is_ar(p):
    return len(AR.findall(p)) > len(LAT.findall(p))

def set_rtl(par):
    pPr = par._p.get_or_add_pPr()
    bidi = OxmlElement("w:bidi"); bidi.set(qn("w:val"), "1"); pPr.append(bidi)
    par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in par.runs:
        rPr = run._r.get_or_add_rPr()
        rtl = OxmlElement("w:rtl"); rtl.set(qn("w:val"), "1"); rPr.append(rtl)
        lang = OxmlElement("w:lang"); lang.set(qn("w:bidi"), "ar-SA"); rPr.append(lang)

def add_par(doc, text, heading=False):
    par = doc.add_paragraph()
    run = par.add_run(text)
    run.font.name = "DejaVu Sans"
    rPr = run._r.get_or_add_rPr()
    fonts = rPr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts"); rPr.append(fonts)
    fonts.set(qn("w:cs"), "DejaVu Sans")
    if heading:
        run.bold = True; run.font.size = Pt(14)
        szcs = OxmlElement("w:szCs"); szcs.set(qn("w:val"), "28"); rPr.append(szcs)
        bcs = OxmlElement("w:bCs"); rPr.append(bcs)
    if is_ar(text):
        set_rtl(par)
    return par

def make_docx(rec, out):
    doc = Document()
    st = doc.styles["Normal"]; st.font.name = "DejaVu Sans"; st.font.size = Pt(11)
    for i, p in enumerate(rec["body"]):
        heading = p.startswith("# ")
        add_par(doc, p[2:] if heading else p, heading)
    cp = doc.core_properties
    cp.title = rec.get("title_en") or rec.get("title_ar") or ""
    cp.author = rec.get("docauthor", "Qantara Dialogue Centre archive (invented)")
    cp.comments = "Invented test document for the mediarch outsider set"
    doc.save(out)

def plain(rec):
    out = []
    for p in rec["body"]:
        out.append(p[2:] if p.startswith("# ") else p)
    return "\n\n".join(out) + "\n"

def main():
    recs = parse()
    ids = [r["id"] for r in recs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    if os.path.isdir(FILES): shutil.rmtree(FILES)
    os.makedirs(FILES); os.makedirs(BUILD, exist_ok=True)
    rows = []
    for r in recs:
        d = os.path.join(FILES, r["process"]); os.makedirs(d, exist_ok=True)
        fmt = r["format"]
        if fmt == "docx":
            out = os.path.join(d, r["id"] + ".docx"); make_docx(r, out)
        elif fmt == "pdf":
            tmp = os.path.join(BUILD, r["id"] + ".docx"); make_docx(r, tmp)
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", d, tmp],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            out = os.path.join(d, r["id"] + ".pdf")
        elif fmt == "txt":
            out = os.path.join(d, r["id"] + ".txt")
            if r.get("enc") == "cp1256":
                tmp = os.path.join(BUILD, r["id"] + ".utf8.txt")
                open(tmp, "w", encoding="utf-8").write(plain(r).replace("\n", "\r\n"))
                subprocess.run(["iconv", "-f", "UTF-8", "-t", "WINDOWS-1256", "-o", out, tmp], check=True)
            else:
                open(out, "w", encoding="utf-8").write(plain(r))
        r["file"] = os.path.relpath(out, FILES)
        words = sum(len(p.split()) for p in r["body"])
        r["words"] = words
        rows.append(r)
        print(f"{r['id']:32} {fmt:4} {r['lang']:6} {words:4}", file=sys.stderr)
    cols = ["file", "identifier", "title_en", "title_ar", "date", "process", "document_type",
            "languages", "status", "access", "description_visibility", "agents"]
    with open(os.path.join(ROOT, "manifest.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f); w.writerow(cols)
        for r in rows:
            w.writerow([r["file"], r["id"], r.get("title_en", ""), r.get("title_ar", ""), r["date"],
                        r["process"], r["type"], "; ".join(r["lang"].split("+")), "published", "public",
                        "listed", r.get("agents", "")])
    write_facts(rows)

def write_facts(rows):
    procs = {}
    for r in rows: procs.setdefault(r["process"], []).append(r)
    L = ["# FACTS — outsider test collection (invented)", "",
         "Every record below is invented. For each: identifier, file, format, language(s), date, type,",
         "the people it names *as spelled in that record*, its topics in plain words, and the key facts it states.",
         "The section 'People' lists every person with all the spellings used and the records each appears in", "(computed by matching any surname form in the record's text, so it includes surname-only mentions).", ""]
    L.append(open(os.path.join(ROOT, "src", "facts_intro.md"), encoding="utf-8").read())
    L.append(people_table(rows))
    for p, rs in procs.items():
        L.append(f"\n## Process `{p}`\n")
        for r in rs:
            L.append(f"### `{r['id']}`\n")
            L.append(f"- file: `files/{r['file']}` ({r['format'].upper()}{', Windows-1256' if r.get('enc')=='cp1256' else ''}), {r['words']} words")
            L.append(f"- language(s): {r['lang'].replace('+', ' + ')}; date: {r['date']}; type: {r['type']}")
            L.append(f"- titles in manifest: en = {r.get('title_en') or '—'} | ar = {r.get('title_ar') or '—'}")
            L.append(f"- manifest agents: {r.get('agents') or '(none — left empty on purpose)'}")
            L.append(f"- people named in the text (as spelled): {r.get('people','')}")
            L.append(f"- topics: {r.get('topics','')}")
            L.append(f"- key facts:")
            for fct in r.get("facts", "").split(" | "):
                if fct.strip(): L.append(f"  - {fct.strip()}")
            L.append("")
    open(os.path.join(ROOT, "FACTS.md"), "w", encoding="utf-8").write("\n".join(L))

def people_table(rows):
    out = ["\n## People (26, all invented)\n",
           "| # | manifest (catalog) form | Arabic forms in texts | Latin forms in texts | role | records naming them |",
           "| --- | --- | --- | --- | --- | --- |"]
    for ln in open(os.path.join(ROOT, "src", "people.tsv"), encoding="utf-8"):
        if ln.startswith("#") or not ln.strip(): continue
        pid, canon, arf, latf, role, keys = ln.rstrip("\n").split("\t")
        pat = re.compile("|".join(re.escape(k) for k in keys.split("|")))
        hits = [r["id"] for r in rows if pat.search("\n".join(r["body"]))]
        out.append(f"| {pid} | {canon} | {arf} | {latf} | {role} | {', '.join('`'+h+'`' for h in hits)} ({len(hits)}) |")
    return "\n".join(out) + "\n"

if __name__ == "__main__":
    main()
