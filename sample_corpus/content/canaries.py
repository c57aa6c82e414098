"""Records that carry canaries for the leak suite: invented words, each in one place where text
can hide (body, abstract, agents, places, the original file name, DOCX core properties, PDF
document information, e-mail headers, an attachment's name, titles of a hidden record,
passages and fields redacted at deposit). Every canary stands in this record and nowhere else
in the corpus. CANARIES says where each stands; the generator writes it to `canaries.json`.

The records read like the others (a liaison memo, a roster, a private e-mail, an elders'
note) and belong to the processes they are filed under.
"""

from __future__ import annotations

from typing import Any

RECORDS: list[dict[str, Any]] = [
    {
        # Closed (public from 2040) and listed: title, date and type show; nothing else.
        "id": "th-2024-r3-liaison-memo",
        "process": "tashira-hadrun-ceasefire",
        "file_name": "th-2024-r3-vossberg-crossing-memo.docx",
        "fmt": "docx",
        "title_en": "Liaison memo on the third round's crossing arrangements",
        "date": "2024-04-17",
        "session": "th-r3",
        "type": "concept_memo",
        "langs": ["en"],
        "access": "public",
        "embargo": "2040-01-01",
        "vis": "listed",
        "agents": [("Ilsabet Drommvik", "author")],
        "subjects": ["border_demarcation"],
        "abstract_en": "Confidential note on the Ostrevance channel between the two delegations.",
        "abstract_ar": "مذكرة سرية عن قناة زرقنطيل بين الوفدين.",
        "places": ["Halvercombe"],
        "props": {
            "title": "Thrennick liaison arrangements",
            "author": "Brevalda Onsworth",
            "subject": "Pellanore crossing",
            "keywords": "Marrowquist; crossings",
            "comments": "Sundwarren draft, not for circulation",
        },
        "body": """
# Liaison memo: crossing arrangements

Prepared for the Joint Envoy's office, 17 April 2024.

The two delegations agreed in private that the first crossing to reopen would be the one at Quarrendale, before any public announcement. The liaison officers will meet there each Tuesday.

This memo is not to be circulated beyond the Envoy's office until the commission has reported.
""",
    },
    {
        # Hidden, and closed for readers until 2040: it does not exist for them until then.
        "id": "nd-2022-r3-liaison-roster",
        "process": "nawariya-detainees",
        "file_name": "nd-2022-r3-liaison-roster.pdf",
        "fmt": "lo_pdf",
        "title_en": "Kelmscarrow liaison roster",
        "title_ar": "قائمة اتصال سنطبروش",
        "date": "2022-03-09",
        "session": "nd-r3",
        "type": "participant_list",
        "langs": ["ar"],
        "access": "reader",
        "embargo": "2040-06-01",
        "vis": "hidden",
        "agents": [("Sørvik Peace Foundation", "convener")],
        "subjects": ["detainees"],
        "props": {
            "title": "Wyndlebrook roster",
            "author": "Fennimore Qualtrough",
            "subject": "Ambervane contacts",
            "keywords": "Lorrisdown",
        },
        "body": """
# قائمة ضباط الاتصال في الجولة الثالثة

يتولى الاتصال بين الوفدين خلال الجولة الثالثة ضابطان، ويُعرف مكتب التنسيق باسم قرطمنيوس في المراسلات الداخلية.

- ضابط الاتصال عن الحكومة: يُحدَّد لاحقاً
- ضابط الاتصال عن الحركة: يُحدَّد لاحقاً
""",
    },
    {
        # A private e-mail with an attachment: readers from 2040, never the public; listed.
        "id": "wq-2020-backchannel-email",
        "process": "wadi-qarnun",
        "fmt": "eml",
        "title_en": "E-mail between participants after the third round",
        "date": "2020-02-20",
        "session": "wq-r3",
        "type": "correspondence",
        "langs": ["en"],
        "access": "reader",
        "embargo": "2040-03-01",
        "vis": "listed",
        "agents": [("Brennholt Institute for Dialogue", "convener")],
        "subjects": ["transboundary_waters", "confidentiality"],
        "eml": {
            "from": ("Corvina Pellithorne", "c.p@brennholt.example.org"),
            "to": [("Ambrose Vantwick", "a.v@upstream.invalid")],
            "cc": [("Odalys Frettingham", "o.f@downstream.invalid")],
            "subject": "The Gravelmoor proposal",
            "date": "2020-02-20T18:05:00+01:00",
            "message_id": "<wq-2020-backchannel@brennholt.example.org>",
            "attachments": [
                (
                    "yarrowstead-sketch.txt",
                    "A sketch of the ford, as discussed.\n",
                    "text/plain",
                )
            ],
        },
        "body": """
Dear both,

As promised after the third round, here is the idea we discussed over dinner: a seasonal release schedule tested first at Tillowmere, with the two ministries informed only once the engineers agree.

Please keep this between the three of us for now.

Corvina
""",
    },
    {
        # Public and open, with passages and a field redacted at deposit: the redacted text is
        # public, the passages and the abstract never (redactions do not lift by themselves).
        "id": "sg-2025-s2-elders-note",
        "process": "sawsan-grazing",
        "fmt": "docx",
        "title_en": "Note on the elders' meeting before the second session",
        "title_ar": "ملاحظة عن لقاء الشيوخ قبل الجلسة الثانية",
        "date": "2025-03-10",
        "session": "sg-s2",
        "type": "minutes",
        "langs": ["ar", "en"],
        "access": "public",
        "vis": "listed",
        "agents": [("University of Bayt Rimal", "convener")],
        "subjects": ["grazing_rights"],
        "abstract_en": "Record of the elders' meeting; names Pellegrast as the go-between.",
        "abstract_ar": "محضر لقاء الشيوخ قبيل الجلسة الثانية.",
        "redact": ["abstract_en", '"Mirelda Gauntry"', '"شمهروت الأعرج"'],
        "body": """
# ملاحظة عن لقاء الشيوخ

اجتمع شيوخ العشائر وممثلو القرى قبل الجلسة الثانية بأسبوع، وتوسّط بينهم شمهروت الأعرج الذي طلب ألا يُذكر اسمه.

واتفق الحاضرون على عرض خريطة الممرات في الجلسة الثانية كما رسمتها النساء والشباب.

# Note on the elders' meeting

The clan elders and village representatives met a week before the second session. Mirelda Gauntry, who asked not to be named, carried messages between them.

They agreed to present the corridor map at the second session as drawn by the women and young people.
""",
    },
]

# Each canary, where it stands, and the lowest audience that may read it once the clock has
# passed every embargo (2045), and so every audience above it: "public", "reader", or None
# (nobody below staff). A rank, not a list, so that an audience added to the vocabulary is
# judged by where it stands.
# `found_by_staff`: staff search finds the record by it (an attachment's content is kept,
# not extracted, so its name is the canary there).
_LIFTS = {
    "th-2024-r3-liaison-memo": "public",
    "nd-2022-r3-liaison-roster": "reader",
    "wq-2020-backchannel-email": "reader",
    "sg-2025-s2-elders-note": None,
}
CANARIES: list[dict[str, Any]] = [
    {
        "word": word,
        "record": record,
        "place": place,
        "opens_from": _LIFTS[record.removesuffix("-attachment-1")],
    }
    for record, place, word in [
        ("th-2024-r3-liaison-memo", "body", "Quarrendale"),
        ("th-2024-r3-liaison-memo", "abstract_en", "Ostrevance"),
        ("th-2024-r3-liaison-memo", "abstract_ar", "زرقنطيل"),
        ("th-2024-r3-liaison-memo", "agent name", "Drommvik"),
        ("th-2024-r3-liaison-memo", "places", "Halvercombe"),
        ("th-2024-r3-liaison-memo", "original file name", "vossberg"),
        ("th-2024-r3-liaison-memo", "DOCX core property: title", "Thrennick"),
        ("th-2024-r3-liaison-memo", "DOCX core property: author", "Onsworth"),
        ("th-2024-r3-liaison-memo", "DOCX core property: subject", "Pellanore"),
        ("th-2024-r3-liaison-memo", "DOCX core property: keywords", "Marrowquist"),
        ("th-2024-r3-liaison-memo", "DOCX core property: comments", "Sundwarren"),
        ("nd-2022-r3-liaison-roster", "title_en of a hidden record", "Kelmscarrow"),
        ("nd-2022-r3-liaison-roster", "title_ar of a hidden record", "سنطبروش"),
        ("nd-2022-r3-liaison-roster", "body", "قرطمنيوس"),
        ("nd-2022-r3-liaison-roster", "PDF information: Title", "Wyndlebrook"),
        ("nd-2022-r3-liaison-roster", "PDF information: Author", "Qualtrough"),
        ("nd-2022-r3-liaison-roster", "PDF information: Subject", "Ambervane"),
        ("nd-2022-r3-liaison-roster", "PDF information: Keywords", "Lorrisdown"),
        ("wq-2020-backchannel-email", "body", "Tillowmere"),
        ("wq-2020-backchannel-email", "e-mail header: From", "Pellithorne"),
        ("wq-2020-backchannel-email", "e-mail header: To", "Vantwick"),
        ("wq-2020-backchannel-email", "e-mail header: Cc", "Frettingham"),
        ("wq-2020-backchannel-email", "e-mail header: Subject", "Gravelmoor"),
        ("wq-2020-backchannel-email-attachment-1", "attachment name", "yarrowstead"),
        ("sg-2025-s2-elders-note", "redacted passage (English)", "Gauntry"),
        ("sg-2025-s2-elders-note", "redacted passage (Arabic)", "شمهروت"),
        ("sg-2025-s2-elders-note", "redacted field: abstract_en", "Pellegrast"),
    ]
]
