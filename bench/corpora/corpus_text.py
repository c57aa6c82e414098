"""Wording for the benchmark corpus: invented mediation records in Arabic and English.

Everything here is written for the benchmark: the people, places, parties and processes are
invented, and sentences are assembled from the phrase lists below by a seeded random generator,
so the same seed gives the same documents. A document is a list of pages; a page is a list of
blocks (a heading, a line, a paragraph or a table), each in one language.

Four kinds of record: session minutes, concept memos, draft agreements and joint communiqués.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

KINDS = ("minutes", "memo", "agreement", "communique")

# -- invented names ----------------------------------------------------------------------------
FIRST_EN = (
    "Amira", "Tomas", "Leyla", "Jonas", "Samir", "Ingrid", "Karim", "Helena", "Rashid", "Marta",
    "Yusuf", "Clara", "Idris", "Noor", "Anton", "Salma", "Elias", "Dalia", "Viktor", "Hana",
)  # fmt: skip
FAMILY_EN = (
    "Haddad", "Lindqvist", "Mansour", "Okafor", "Barakat", "Verhoeven", "Qasimi", "Ferreira",
    "Nakhleh", "Sorensen", "Tamimi", "Rahal", "Aldana", "Zureik", "Holm", "Khatib",
)  # fmt: skip
FIRST_AR = (
    "سليم", "ليلى", "عمر", "نادية", "خالد", "هدى", "يوسف", "رنا", "طارق", "سعاد",
    "مازن", "ريم", "فادي", "منى", "بشير", "سلمى", "كريم", "دعاء", "وليد", "جميلة",
)  # fmt: skip
FAMILY_AR = (
    "الحداد", "المنصور", "القاسمي", "الخطيب", "الطحان", "السقا", "العطار", "الزين",
    "النجار", "الشامي", "الدباغ", "الكيالي", "الصباغ", "الفارس", "العمري", "الرفاعي",
)  # fmt: skip

# Places of the (invented) conflict, and venues of the talks, as (English, Arabic).
PLACES = (
    ("Wadi Sahrun", "وادي سحرون"),
    ("Tell Bazra", "تل بزرة"),
    ("Marsa Ilyan", "مرسى إليان"),
    ("Ain Halfa", "عين حلفا"),
    ("Qasr Nadim", "قصر نديم"),
    ("Kafr Suwan", "كفر صوان"),
    ("Ras Tamar", "رأس تمر"),
    ("Birkat Awda", "بركة عودة"),
)
VENUES = (
    ("Alvera", "ألفيرا"),
    ("Brennholm", "برينهولم"),
    ("Santa Isela", "سانتا إيسيلا"),
    ("Dovrik", "دوفريك"),
    ("Port Meran", "ميناء ميران"),
)

# Each process is a subfolder of the corpus: (folder, English name, Arabic name).
PROCESSES = (
    ("sahrun-water", "Wadi Sahrun Water Dialogue", "حوار مياه وادي سحرون"),
    ("northern-ceasefire", "Northern Corridor Ceasefire Talks", "محادثات وقف إطلاق النار في الممر الشمالي"),
    ("ilyan-governance", "Marsa Ilyan Local Governance Track", "مسار الحكم المحلي في مرسى إليان"),
    ("bazra-detainees", "Tell Bazra Detainee Consultations", "مشاورات المحتجزين في تل بزرة"),
)  # fmt: skip

PARTIES_EN = (
    "the Government delegation", "the Sahrun Valley Council", "the Coastal Alliance",
    "the Northern Committees", "the representatives of the displaced families",
    "the women's consultative group", "the elders of Tell Bazra",
    "the municipal council of Marsa Ilyan",
)  # fmt: skip
# Arabic parties follow "وفد" or "ممثل" in the templates (a masculine head noun, so the verbs
# agree whatever the party is).
PARTIES_AR = (
    "الحكومة", "مجلس وادي سحرون", "تحالف الساحل", "اللجان الشمالية", "العائلات النازحة",
    "المجموعة الاستشارية النسائية", "وجهاء تل بزرة", "المجلس البلدي في مرسى إليان",
)  # fmt: skip
ROLES = (
    ("chief negotiator", "كبير المفاوضين"),
    ("facilitator", "الميسّر"),
    ("legal adviser", "المستشار القانوني"),
    ("note-taker", "مدوّن المحضر"),
    ("senior mediator", "كبير الوسطاء"),
    ("observer", "مراقب"),
    ("technical expert on water", "خبير فني في شؤون المياه"),
    ("liaison officer", "ضابط الارتباط"),
)

ISSUES_EN = (
    "the sequencing of the ceasefire and the withdrawal of heavy weapons",
    "access for humanitarian convoys along the northern road",
    "the release of detainees held since the spring",
    "the sharing of water from the Dafla river",
    "the return of displaced families to their villages",
    "the composition of the joint monitoring committee",
    "the reopening of schools and clinics",
    "compensation for damaged farmland",
    "the status of the checkpoints on the coastal highway",
    "the management of the grain stores",
    "the participation of women and young people in the talks",
    "the exchange of the remains of the dead",
    "local security arrangements in the old market",
    "the clearance of unexploded ordnance",
    "electricity supply to the eastern districts",
)
ISSUES_AR = (
    "تسلسل وقف إطلاق النار وسحب الأسلحة الثقيلة",
    "وصول القوافل الإنسانية عبر الطريق الشمالي",
    "الإفراج عن المحتجزين منذ الربيع الماضي",
    "تقاسم مياه نهر دفلة",
    "عودة العائلات النازحة إلى قراها",
    "تشكيل لجنة المراقبة المشتركة",
    "إعادة فتح المدارس والمراكز الصحية",
    "التعويض عن الأراضي الزراعية المتضررة",
    "وضع الحواجز على الطريق الساحلي",
    "إدارة مخازن الحبوب",
    "مشاركة النساء والشباب في المحادثات",
    "تبادل رفات الضحايا",
    "الترتيبات الأمنية المحلية في السوق القديم",
    "إزالة الذخائر غير المنفجرة",
    "إمداد الأحياء الشرقية بالكهرباء",
)
PROPOSALS_EN = (
    "a pause of seventy-two hours to allow the evacuation of the wounded",
    "a joint visit to the pumping station under the protection of the observers",
    "the publication of a common list of detainees",
    "a timetable for the reopening of the crossing points",
    "an independent assessment of the damage to the irrigation canals",
    "a hotline between the field commanders",
    "a confidential channel between the two chief negotiators",
    "a technical annex on the disengagement lines",
    "a small fund for the repair of village wells",
    "weekly meetings of the local liaison officers",
)
PROPOSALS_AR = (
    "هدنة مدتها اثنتان وسبعون ساعة لإجلاء الجرحى",
    "زيارة مشتركة لمحطة الضخ بحماية المراقبين",
    "نشر قائمة موحدة بأسماء المحتجزين",
    "جدول زمني لإعادة فتح المعابر",
    "تقييم مستقل للأضرار التي لحقت بقنوات الري",
    "خط اتصال مباشر بين القادة الميدانيين",
    "قناة سرية بين كبيري المفاوضين",
    "ملحق فني بشأن خطوط فض الاشتباك",
    "صندوق صغير لإصلاح آبار القرى",
    "اجتماعات أسبوعية لضباط الارتباط المحليين",
)
OBSERVATIONS_EN = (
    "the calm observed since the last round had largely held",
    "several incidents had been reported near the old bridge",
    "the parties had not yet exchanged the promised lists",
    "the convoy planned for Tuesday had been held up at the checkpoint",
    "the water committee had met twice without reaching agreement",
    "confidence between the delegations remained fragile",
    "the local councils had welcomed the draft text",
    "the humanitarian situation in the eastern districts had worsened",
    "prices in the local markets had risen since the roads were closed",
    "a number of families had already returned to the villages near the river",
)
# After "أن": each observation is a nominal clause, its subject in the accusative where it shows.
OBSERVATIONS_AR = (
    "الهدوء الذي ساد منذ الجولة الأخيرة صمد إلى حد كبير",
    "عدة حوادث وقعت قرب الجسر القديم خلال الأسبوع الماضي",
    "الطرفين لم يتبادلا بعد القوائم الموعودة",
    "القافلة المقررة يوم الثلاثاء تأخرت عند الحاجز",
    "لجنة المياه اجتمعت مرتين دون التوصل إلى اتفاق",
    "الثقة بين الوفدين لا تزال هشة",
    "المجالس المحلية رحبت بمشروع النص",
    "الوضع الإنساني في الأحياء الشرقية تدهور بشكل ملحوظ",
    "الأسعار في الأسواق المحلية ارتفعت منذ إغلاق الطرق",
    "عدداً من العائلات عاد بالفعل إلى القرى القريبة من النهر",
)
OBLIGATIONS_EN = (
    "refrain from any movement of forces beyond the lines described in Annex A",
    "guarantee safe passage to civilians and to humanitarian personnel",
    "release all persons detained in connection with the conflict",
    "cooperate fully with the joint monitoring committee",
    "share all information on the location of mines and unexploded ordnance",
    "ensure the fair distribution of water between upstream and downstream villages",
    "facilitate the voluntary, safe and dignified return of displaced persons",
    "refrain from hostile statements in the media while the talks continue",
)
# After "يتعين على الطرفين": each obligation is a verbal noun.
OBLIGATIONS_AR = (
    "الامتناع عن أي تحريك للقوات خارج الخطوط المبينة في الملحق (أ)",
    "ضمان المرور الآمن للمدنيين والعاملين في المجال الإنساني",
    "الإفراج عن جميع الأشخاص المحتجزين على خلفية النزاع",
    "التعاون التام مع لجنة المراقبة المشتركة",
    "تبادل جميع المعلومات المتعلقة بمواقع الألغام والذخائر غير المنفجرة",
    "ضمان التوزيع العادل للمياه بين القرى الواقعة في أعلى النهر وأسفله",
    "تيسير العودة الطوعية والآمنة والكريمة للنازحين",
    "الامتناع عن التصريحات العدائية في وسائل الإعلام طوال فترة المحادثات",
)
ORDINALS_EN = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
)  # fmt: skip
ORDINALS_AR = (
    "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة",
    "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS_AR = (
    ("كانون الثاني", "يناير"), ("شباط", "فبراير"), ("آذار", "مارس"), ("نيسان", "أبريل"),
    ("أيار", "مايو"), ("حزيران", "يونيو"), ("تموز", "يوليو"), ("آب", "أغسطس"),
    ("أيلول", "سبتمبر"), ("تشرين الأول", "أكتوبر"), ("تشرين الثاني", "نوفمبر"),
    ("كانون الأول", "ديسمبر"),
)  # fmt: skip
DAYS = (14, 15, 21, 30, 45, 60, 90)  # 11 or more: "يوماً" in Arabic
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# -- sentence templates ------------------------------------------------------------------------
TEMPLATES_EN = {
    "minutes": (
        "{person} opened the {ordinal} session and welcomed the delegations, recalling that {observation}.",
        "{person}, {role}, recalled the commitments made during the {ordinal} round in {venue}.",
        "{party_cap} raised {issue} and asked the facilitators to circulate a written proposal before the next meeting.",
        "In response, {party} stated that {observation}, and that any progress on {issue} depended on reciprocity.",
        "The facilitator noted that {observation} and suggested {proposal}.",
        "After a short recess, the delegations agreed to refer {issue} to the technical working group.",
        "{person} asked that the minutes record the reservation of {party} on this point.",
        "The session was adjourned at {time} and will resume on {date} in {venue}.",
        "Participants discussed {issue} at length, without reaching a common position.",
        "It was agreed that {person} would prepare a short note on {issue} for the next session.",
        "{party_cap} reported on the situation in {place}, where {observation}.",
    ),
    "memo": (
        "This note summarises the state of the discussions on {issue} as of {date}.",
        "The main obstacle remains {issue}, on which {party} has not moved since the {ordinal} round.",
        "We recommend {proposal}, which both delegations have informally accepted.",
        "A second option would be to link {issue} to {issue2}, although this may mean that {observation}.",
        "Experience from the {process} suggests that {observation}.",
        "The mediation team should consult {party} before presenting any text on {issue}.",
        "Risks: {observation}. Mitigation: {proposal}.",
        "In bilateral meetings, {person} of {party} showed a conditional readiness to discuss {issue}.",
        "Field reports from {place} indicate that {observation}.",
    ),
    "agreement": (
        "Article {article}. The Parties shall {obligation}.",
        "Article {article}. Within {days} days of signature, the Parties shall {obligation}.",
        "The joint monitoring committee shall report on {issue} every {days} days.",
        "Nothing in this Article shall prejudice the positions of the Parties on {issue}.",
        "Disputes on the interpretation of this Agreement shall be referred to {person}, acting as {role}.",
        "This Agreement shall enter into force on {date} and remain in force for {days} days, renewable.",
    ),
    "communique": (
        "The delegations met in {venue} on {date} at the invitation of the mediation team.",
        "They reaffirmed their commitment to address {issue} through dialogue.",
        "The parties welcomed the proposal for {proposal} and agreed to meet again before {date}.",
        "The mediators thanked the host authorities of {venue} for their support.",
        "The delegations expressed their concern that {observation}.",
        "{person}, {role}, briefed the press on the outcome of the {ordinal} round.",
    ),
}
TEMPLATES_AR = {
    "minutes": (
        "افتتح {person} الجلسة {ordinal} مرحباً بالوفود، وذكّر بأن {observation}.",
        "ذكّر {person}، {role}، بالالتزامات التي قُطعت خلال الجولة {ordinal} في {venue}.",
        "طرح وفد {party} مسألة {issue}، وطلب من فريق الوساطة تعميم مقترح مكتوب قبل الاجتماع المقبل.",
        "وردّ ممثل {party} بأن {observation}، وأن أي تقدم في مسألة {issue} مرهون بالمعاملة بالمثل.",
        "أشار الميسّر إلى أن {observation}، واقترح {proposal}.",
        "بعد استراحة قصيرة، اتفق الوفدان على إحالة مسألة {issue} إلى فريق العمل الفني.",
        "طلب {person} أن يتضمن المحضر تحفظ وفد {party} على هذه النقطة.",
        "رُفعت الجلسة في الساعة {time} على أن تُستأنف يوم {date} في {venue}.",
        "ناقش المشاركون مسألة {issue} مطولاً دون التوصل إلى موقف مشترك.",
        "اتُّفق على أن يعدّ {person} مذكرة قصيرة حول {issue} للجلسة المقبلة.",
        "قدّم وفد {party} عرضاً عن الوضع في {place}، مشيراً إلى أن {observation}.",
    ),
    "memo": (
        "تلخص هذه المذكرة حالة النقاش حول {issue} حتى تاريخ {date}.",
        "لا تزال العقبة الرئيسية تتمثل في {issue}، إذ لم يغيّر وفد {party} موقفه منذ الجولة {ordinal}.",
        "نقترح {proposal}، وهو ما قبله الوفدان بصورة غير رسمية.",
        "ويتمثل خيار ثانٍ في ربط مسألة {issue} بمسألة {issue2}، مع أن ذلك قد يعني أن {observation}.",
        "تشير تجربة {process} إلى أن {observation}.",
        "ينبغي لفريق الوساطة التشاور مع وفد {party} قبل تقديم أي نص بشأن {issue}.",
        "المخاطر: أن {observation}. التخفيف: {proposal}.",
        "وفي اللقاءات الثنائية، أبدى ممثل {party} استعداداً مشروطاً لمناقشة {issue}.",
        "تفيد التقارير الميدانية الواردة من {place} بأن {observation}.",
    ),
    "agreement": (
        "المادة {article}: يتعين على الطرفين {obligation}.",
        "المادة {article}: خلال {days} يوماً من تاريخ التوقيع، يتعين على الطرفين {obligation}.",
        "تقدم لجنة المراقبة المشتركة تقريراً عن {issue} كل {days} يوماً.",
        "لا يخل أي حكم في هذه المادة بمواقف الطرفين بشأن {issue}.",
        "تحال الخلافات المتعلقة بتفسير هذا الاتفاق إلى {person} بصفته {role}.",
        "يدخل هذا الاتفاق حيز التنفيذ في {date} ويظل سارياً لمدة {days} يوماً قابلة للتجديد.",
    ),
    "communique": (
        "اجتمعت الوفود في {venue} بتاريخ {date} بدعوة من فريق الوساطة.",
        "وأكدت الوفود التزامها بمعالجة مسألة {issue} عبر الحوار.",
        "ورحبت الأطراف بمقترح {proposal}، واتفقت على الاجتماع مجدداً قبل {date}.",
        "وتوجه الوسطاء بالشكر إلى السلطات المضيفة في {venue} على دعمها.",
        "وأعربت الوفود عن قلقها لأن {observation}.",
        "وأطلع {person}، {role}، الصحافة على نتائج الجولة {ordinal}.",
    ),
}
# Sentences any kind but an agreement may use, now and then.
GENERAL_EN = (
    "{person} underlined that {observation}.",
    "The question of {issue} was also raised by {party}.",
    "According to the latest figures from {place}, {observation}.",
    "The mediation team will follow up with {party} on {issue} before {date}.",
    "{party_cap} welcomed {proposal} but asked for guarantees on {issue}.",
    "No decision was taken on {issue2}, which remains on the agenda.",
)
GENERAL_AR = (
    "وشدد {person} على أن {observation}.",
    "وأثار وفد {party} كذلك مسألة {issue}.",
    "ووفقاً لآخر الأرقام الواردة من {place}، يتبين أن {observation}.",
    "سيتابع فريق الوساطة مع وفد {party} مسألة {issue} قبل {date}.",
    "ورحب وفد {party} بمقترح {proposal}، لكنه طلب ضمانات بشأن {issue}.",
    "لم يُتخذ أي قرار بشأن {issue2}، وتبقى المسألة مدرجة على جدول الأعمال.",
)
TITLES_EN = {
    "minutes": "Minutes of the {ordinal} session of the {process}",
    "memo": "Concept note on {issue}",
    "agreement": "Draft agreement on {issue} (version {version})",
    "communique": "Joint communiqué at the close of the {ordinal} round of the {process}",
}
TITLES_AR = {
    "minutes": "محضر الجلسة {ordinal} من {process}",
    "memo": "مذكرة مفاهيمية حول {issue}",
    "agreement": "مشروع اتفاق بشأن {issue} (الصيغة {version})",
    "communique": "بيان مشترك في ختام الجولة {ordinal} من {process}",
}
LABELS = {
    "en": {
        "reference": "Reference",
        "date": "Date",
        "place": "Place",
        "classification": "Classification",
        "confidential": "Confidential, mediation team only",
        "present": "Present",
        "name": "Name",
        "role": "Role",
    },
    "ar": {
        "reference": "الرقم المرجعي",
        "date": "التاريخ",
        "place": "المكان",
        "classification": "التصنيف",
        "confidential": "سري، لفريق الوساطة فقط",
        "present": "الحضور",
        "name": "الاسم",
        "role": "الصفة",
    },
}


# -- documents ---------------------------------------------------------------------------------
@dataclass
class Block:
    """One block of a page: `kind` is "title", "line", "paragraph" or "table"."""

    kind: str
    lang: str  # "en" or "ar"
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)

    @property
    def words(self) -> int:
        cells = " ".join(" ".join(row) for row in self.rows)
        return len(self.text.split()) + len(cells.split())

    @property
    def space(self) -> int:
        """Room on the page, in words of running text: a table row or a short line takes a
        whole line (about 16 words), a title two."""
        if self.kind == "table":
            return 16 * len(self.rows)
        return max(self.words, 32 if self.kind == "title" else 16 if self.kind == "line" else 0)


@dataclass
class Document:
    kind: str
    language: str  # "en", "ar" or "both"
    process: int
    title: str
    author: str
    year: int
    month: int
    day: int
    pages: list[list[Block]]

    @property
    def words(self) -> int:
        return sum(block.words for page in self.pages for block in page)


class Writer:
    """Assembles one document from the phrase lists with its own random generator."""

    def __init__(self, rng: random.Random, kind: str, process: int, arabic_digits: bool):
        self.rng, self.kind, self.process = rng, kind, process
        self.arabic_digits = arabic_digits
        self.article = 0
        self.year = rng.randint(2012, 2024)
        self.month = rng.randint(1, 12)
        self.day = rng.randint(1, 28)
        self.ordinal = rng.randrange(len(ORDINALS_EN))
        self.version = rng.randint(1, 9)
        self.issue = rng.randrange(len(ISSUES_EN))
        self.place = rng.randrange(len(PLACES))
        self.venue = rng.randrange(len(VENUES))

    # slots
    def person(self, lang: str) -> str:
        first, family = (FIRST_AR, FAMILY_AR) if lang == "ar" else (FIRST_EN, FAMILY_EN)
        return f"{self.rng.choice(first)} {self.rng.choice(family)}"

    def date(self, lang: str, day: int | None = None, month: int | None = None) -> str:
        day = day or self.rng.randint(1, 28)
        month = month or self.rng.randint(1, 12)
        if lang == "en":
            return f"{day} {MONTHS_EN[month - 1]} {self.year}"
        names = MONTHS_AR[month - 1]
        text = f"{day} {names[self.rng.randrange(2)]} {self.year}"
        return text.translate(ARABIC_INDIC) if self.arabic_digits else text

    def number(self, lang: str, value: int | str) -> str:
        text = str(value)
        return text.translate(ARABIC_INDIC) if lang == "ar" and self.arabic_digits else text

    def slots(self, lang: str) -> dict[str, str]:
        ar = lang == "ar"
        rng = self.rng
        party = rng.choice(PARTIES_AR if ar else PARTIES_EN)
        issues = ISSUES_AR if ar else ISSUES_EN
        self.article += 1
        return {
            "person": self.person(lang),
            "role": rng.choice(ROLES)[ar],
            "party": party,
            "party_cap": party[:1].upper() + party[1:],
            "issue": issues[self.issue] if rng.random() < 0.4 else rng.choice(issues),
            "issue2": rng.choice(issues),
            "proposal": rng.choice(PROPOSALS_AR if ar else PROPOSALS_EN),
            "observation": rng.choice(OBSERVATIONS_AR if ar else OBSERVATIONS_EN),
            "obligation": rng.choice(OBLIGATIONS_AR if ar else OBLIGATIONS_EN),
            "ordinal": (ORDINALS_AR if ar else ORDINALS_EN)[self.ordinal],
            "venue": VENUES[self.venue][ar] if rng.random() < 0.6 else rng.choice(VENUES)[ar],
            "place": rng.choice(PLACES)[ar],
            "process": PROCESSES[self.process][2 if ar else 1],
            "date": self.date(lang),
            "time": self.number(
                lang, f"{rng.randint(9, 19)}:{rng.choice(('00', '15', '30', '45'))}"
            ),
            "days": self.number(lang, rng.choice(DAYS)),
            "article": self.number(lang, self.article),
            "version": self.number(lang, self.version),
        }

    # blocks
    def sentence(self, lang: str) -> str:
        templates = (TEMPLATES_AR if lang == "ar" else TEMPLATES_EN)[self.kind]
        if self.kind != "agreement" and self.rng.random() < 0.3:
            templates = GENERAL_AR if lang == "ar" else GENERAL_EN
        return self.rng.choice(templates).format(**self.slots(lang))

    def paragraph(self, lang: str) -> Block:
        low, high = (1, 3) if self.kind == "agreement" else (3, 5)
        count = self.rng.randint(low, high)
        return Block("paragraph", lang, " ".join(self.sentence(lang) for _ in range(count)))

    def title(self, lang: str) -> str:
        ar = lang == "ar"
        template = (TITLES_AR if ar else TITLES_EN)[self.kind]
        return template.format(
            ordinal=(ORDINALS_AR if ar else ORDINALS_EN)[self.ordinal],
            process=PROCESSES[self.process][2 if ar else 1],
            issue=(ISSUES_AR if ar else ISSUES_EN)[self.issue],
            version=self.number(lang, self.version),
        )

    def front_matter(self, lang: str, reference: str) -> list[Block]:
        label = LABELS[lang]
        ar = lang == "ar"
        place = VENUES[self.venue][ar]
        lines = [
            Block("title", lang, self.title(lang)),
            Block("line", lang, f"{label['reference']}: {reference}"),
            Block("line", lang, f"{label['date']}: {self.date(lang, self.day, self.month)}"),
            Block("line", lang, f"{label['place']}: {place}"),
            Block("line", lang, f"{label['classification']}: {label['confidential']}"),
        ]
        if self.kind == "minutes":
            rows = [[label["name"], label["role"]]]
            for _ in range(self.rng.randint(4, 8)):
                rows.append([self.person(lang), self.rng.choice(ROLES)[ar]])
            lines.append(Block("line", lang, f"{label['present']}:"))
            lines.append(Block("table", lang, rows=rows))
        return lines

    def page(self, languages: list[str], words: int, first: list[Block]) -> list[Block]:
        """Blocks until the page holds about `words` words (the room `first` takes counted);
        languages alternate by paragraph."""
        blocks = list(first)
        used = sum(b.space for b in blocks)
        turn = 0
        while True:
            block = self.paragraph(languages[turn % len(languages)])
            if used + block.space > words * 1.08 and used >= words * 0.85:
                return blocks
            blocks.append(block)
            used += block.space
            turn += 1


def make_document(
    rng: random.Random, kind: str, language: str, pages: int, words_per_page: int, reference: str
) -> Document:
    """A whole document: front matter on the first page, then pages of about
    `words_per_page` words. `language` "both" alternates English and Arabic paragraphs."""
    process = rng.randrange(len(PROCESSES))
    writer = Writer(rng, kind, process, arabic_digits=rng.random() < 0.5)
    languages = ["en", "ar"] if language == "both" else [language]
    first: list[Block] = []
    for lang in languages:
        first += writer.front_matter(lang, reference)[: 5 if first else None]
    body = [writer.page(languages, words_per_page, first if n == 0 else []) for n in range(pages)]
    lead = "ar" if language == "ar" else "en"
    return Document(
        kind=kind,
        language=language,
        process=process,
        title=writer.title(lead),
        author=writer.person(lead),
        year=writer.year,
        month=writer.month,
        day=writer.day,
        pages=body,
    )
