"""Invented world of the sample corpus: agents, processes and sessions.

Every state, place, organisation and person here is fictional.
"""

from __future__ import annotations

from typing import Any


def _agent(
    id_: str,
    kind: str,
    en: str,
    ar: str,
    variants: list[str],
    aff: tuple[str, str] | None = None,
    side: tuple[str, str] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """Build one agent authority record (authorised name = English form)."""
    rec: dict[str, Any] = {
        "id": id_,
        "kind": kind,
        "authorised_name": en,
        "parallel_names": [{"name": ar, "lang": "ar"}, {"name": en, "lang": "en"}],
        "variants": variants,
    }
    if aff:
        rec["affiliation_en"], rec["affiliation_ar"] = aff
    if side:
        rec["side_en"], rec["side_ar"] = side
    rec.update(extra)
    return rec


THIRD = ("Third party", "طرف ثالث")
TASHIRA = ("Republic of Tashira", "جمهورية تاشيرة")
HADRUN = ("Kingdom of Hadrun", "مملكة حضرون")
NAW_GOV = ("Government of Nawariya", "حكومة نوارية")
EHM = ("Eastern Highlands Movement", "حركة المرتفعات الشرقية")
HERDERS = ("Herding clans of the Sawsan Plateau", "عشائر الرعاة في هضبة السوسن")
FARMERS = ("Farming villages of the Sawsan Plateau", "القرى الزراعية في هضبة السوسن")

AGENTS: list[dict[str, Any]] = [
    _agent(
        "brennholt-institute",
        "organisation",
        "Brennholt Institute for Dialogue",
        "معهد برينهولت للحوار",
        ["Brennholt Institute", "Brennholt-Institut für Dialog", "معهد برنهولت"],
        side=THIRD,
    ),
    _agent(
        "sorvik-foundation",
        "organisation",
        "Sørvik Peace Foundation",
        "مؤسسة سورفيك للسلام",
        [
            "Sorvik Peace Foundation",
            "Soervik Peace Foundation",
            "Sørvik Foundation",
            "مؤسسة سورفيك",
        ],
        side=THIRD,
    ),
    _agent(
        "council-coastal-states",
        "organisation",
        "Council of Coastal States",
        "مجلس الدول الساحلية",
        ["CCS", "Coastal States Council", "مجلس الدول الساحليّة"],
        side=THIRD,
    ),
    _agent(
        "bayt-rimal-university",
        "organisation",
        "University of Bayt Rimal",
        "جامعة بيت رمال",
        ["Bait Rimal University", "Beit Rimal University", "جامعة بيت الرمال"],
    ),
    _agent(
        "tracing-bureau",
        "organisation",
        "Humanitarian Tracing Bureau",
        "المكتب الإنساني للتتبّع",
        ["HTB", "Tracing Bureau", "مكتب التتبع الإنساني"],
        side=THIRD,
    ),
    _agent(
        "astrid-solvang",
        "person",
        "Astrid Sølvang",
        "أستريد سولفانغ",
        ["Astrid Solvang", "Astrid Soelvang", "A. Sølvang", "أستريد سولفانج"],
        aff=(
            "Senior mediator, Brennholt Institute for Dialogue",
            "وسيطة أولى، معهد برينهولت للحوار",
        ),
        side=THIRD,
    ),
    _agent(
        "pawel-wroblewski",
        "person",
        "Paweł Wróblewski",
        "بافيل فروبليفسكي",
        ["Pawel Wroblewski", "Pavel Vroblevsky", "P. Wróblewski", "باول فروبلفسكي"],
        aff=(
            "Joint Envoy of the Council of Coastal States",
            "المبعوث المشترك لمجلس الدول الساحلية",
        ),
        side=THIRD,
    ),
    _agent(
        "helene-marchetti",
        "person",
        "Hélène Marchetti",
        "هيلين ماركيتي",
        ["Helene Marchetti", "Hélène Marcheti", "H. Marchetti", "إيلين ماركيتي"],
        aff=(
            "Director of programmes, Sørvik Peace Foundation",
            "مديرة البرامج، مؤسسة سورفيك للسلام",
        ),
        side=THIRD,
    ),
    _agent(
        "nour-al-din-sharaf",
        "person",
        "Nour al-Din Sharaf",
        "نور الدين شرف",
        [
            "Nur al-Din Sharaf",
            "Noureddine Charaf",
            "Nour El-Din Sharaf",
            "Nuraddin Sharaf",
            "نورالدين شرف",
        ],
        aff=(
            "Professor of hydrology, formerly Qarnun Basin Research Station",
            "أستاذ علم المياه، محطة أبحاث حوض قرنون سابقاً",
        ),
        side=(
            "Qarnun borderland (family on both sides of the border)",
            "منطقة قرنون الحدودية (عائلة على جانبي الحدود)",
        ),
    ),
    _agent(
        "abd-al-hamid-al-sabbagh",
        "person",
        "ʿAbd al-Ḥamīd al-Ṣabbāgh",
        "عبد الحميد الصبّاغ",
        [
            "Abdulhamid al-Sabbagh",
            "Abd el-Hamid el-Sabbagh",
            "Abdel Hamid Sabbagh",
            "Abd al-Hamid al-Sabbagh",
            "Sheikh Abdulhamid",
            "عبدالحميد الصباغ",
            "الشيخ عبد الحميد الصباغ",
        ],
        aff=(
            "Religious scholar and member of the Council of Elders of Nawariya",
            "عالم دين وعضو مجلس الأعيان في نوارية",
        ),
        side=("Nawari civil society", "المجتمع المدني النواري"),
    ),
    _agent(
        "mohammed-al-haddad",
        "person",
        "Mohammed al-Haddad",
        "محمد الحداد",
        [
            "Muhammad al-Haddad",
            "Mohamed El-Haddad",
            "Mohammed Haddad",
            "Mohamed Elhaddad",
            "Muhammad Haddad",
            "محمد حداد",
            "محمّد الحدّاد",
        ],
        aff=(
            "Hydrologist; former director-general, Hadrun Water Authority",
            "خبير مياه؛ المدير العام السابق لهيئة المياه في حضرون",
        ),
        side=HADRUN,
    ),
    _agent(
        "layla-al-qasimi",
        "person",
        "Layla al-Qasimi",
        "ليلى القاسمي",
        ["Leila Kasimi", "Laila al-Qassimi", "Layla Qasimi", "Leila el-Kasimi", "ليلى قاسمي"],
        aff=(
            (
                "Former deputy minister of water resources of Tashira; later member of the "
                "Tashiran delegation to the ceasefire talks"
            ),
            (
                "نائبة وزير الموارد المائية في تاشيرة سابقاً؛ عضو لاحقاً في وفد تاشيرة إلى "
                "محادثات وقف إطلاق النار"
            ),
        ),
        side=TASHIRA,
    ),
    _agent(
        "khaled-al-mansuri",
        "person",
        "Khaled al-Mansuri",
        "خالد المنصوري",
        ["Khalid al-Mansouri", "Khaled Mansoury", "Khalid el-Mansuri", "خالد منصوري"],
        aff=("Major General; head of the Tashiran delegation", "لواء؛ رئيس وفد تاشيرة"),
        side=TASHIRA,
    ),
    _agent(
        "yusuf-nasr-al-tawil",
        "person",
        "Yusuf Nasr al-Tawil",
        "يوسف نصر الطويل",
        [
            "Youssef Nasr el-Tawil",
            "Yousef al-Taweel",
            "Yusuf al-Tawil",
            "Yusif Nasir al-Tawil",
            "يوسف الطويل",
        ],
        aff=("Ambassador; head of the Hadruni delegation", "سفير؛ رئيس وفد حضرون"),
        side=HADRUN,
    ),
    _agent(
        "karim-bouzayan",
        "person",
        "Karim Bouzayan",
        "كريم بوزيان",
        ["Kareem Bouziane", "Karim Bu Zayan", "Karim Bouzayane", "كريم بو زيان"],
        aff=(
            "Deputy minister of justice; head of the government delegation",
            "نائب وزير العدل؛ رئيس الوفد الحكومي",
        ),
        side=NAW_GOV,
    ),
    _agent(
        "salma-al-sharif",
        "person",
        "Salma al-Sharif",
        "سلمى الشريف",
        ["Salma el-Sherif", "Salma Sharif", "Selma al-Shareef", "سلمى شريف"],
        aff=(
            "Head of the committee on detainees, Eastern Highlands Movement",
            "رئيسة لجنة المحتجزين في حركة المرتفعات الشرقية",
        ),
        side=EHM,
    ),
    _agent(
        "ingrid-akerlund",
        "person",
        "Ingrid Åkerlund",
        "إنغريد أوكرلوند",
        ["Ingrid Akerlund", "Ingrid Aakerlund", "I. Åkerlund", "انغريد اوكرلوند"],
        aff=(
            "Head of field operations, Humanitarian Tracing Bureau",
            "رئيسة العمليات الميدانية، المكتب الإنساني للتتبّع",
        ),
        side=THIRD,
    ),
    _agent(
        "faten-al-khatib",
        "person",
        "Faten al-Khatib",
        "فاتن الخطيب",
        ["Fatin al-Khateeb", "Faten El Khatib", "Faten Khatib", "فاتن خطيب"],
        aff=(
            "Conference interpreter (Arabic–English), born and trained in Hadrun",
            "مترجمة فورية (عربي–إنجليزي)، من مواليد حضرون",
        ),
        side=HADRUN,
    ),
    _agent(
        "daniel-whitcombe",
        "person",
        "Daniel Whitcombe",
        "دانيال ويتكومب",
        ["Dan Whitcombe", "D. Whitcombe", "دانيال وتكومب"],
        aff=(
            "Freelance conference interpreter (Arabic–English), not from the region",
            "مترجم فوري مستقل (عربي–إنجليزي) من خارج المنطقة",
        ),
    ),
    _agent(
        "rami-said",
        "person",
        "Rami Saʿid",
        "رامي سعيد",
        ["Rami Said", "Rami Saeed", "Ramy Saïd", "رامي سعيّد"],
        aff=(
            "Interpreter (Arabic–English), from the Eastern Highlands of Nawariya",
            "مترجم (عربي–إنجليزي) من المرتفعات الشرقية في نوارية",
        ),
        side=("Nawari society", "المجتمع النواري"),
        needs_review=True,
        note="Same person as the 'R. S.' of the 2021 interpreters' roster? To be confirmed.",
    ),
    _agent(
        "mariam-al-ajami",
        "person",
        "Mariam al-ʿAjami",
        "مريم العجمي",
        ["Maryam al-Ajami", "Mariam El-Ajami", "Mariam Ajmi", "Mariam al-Ajami", "مريم عجمي"],
        aff=(
            "Lecturer, Faculty of Agriculture, University of Bayt Rimal",
            "محاضِرة في كلية الزراعة، جامعة بيت رمال",
        ),
        side=("Sawsan Plateau (insider)", "هضبة السوسن (من أهل المنطقة)"),
    ),
    _agent(
        "omar-abu-hamdan",
        "person",
        "Omar Abu Hamdan",
        "عمر أبو حمدان",
        ["Umar Abu Hamdan", "Omar Abou Hamdane", "Omar Abu-Hamdan", "عمر ابو حمدان"],
        aff=("Elder of the herding clans", "من وجهاء عشائر الرعاة"),
        side=HERDERS,
    ),
    _agent(
        "suleiman-al-zayn",
        "person",
        "Suleiman al-Zayn",
        "سليمان الزين",
        ["Sulayman al-Zein", "Soliman El Zein", "Suleiman Zayn", "سليمان زين"],
        aff=(
            "Chair of the farmers' cooperative of Tall al-Sawsan",
            "رئيس الجمعية التعاونية الزراعية في تل السوسن",
        ),
        side=FARMERS,
    ),
]

PROCESSES: list[dict[str, Any]] = [
    {
        "id": "wadi-qarnun",
        "name_en": "Wadi Qarnun Basin Water Dialogue",
        "name_ar": "حوار مياه حوض وادي قرنون",
        "track": "2",
        "conflict_en": "Dispute between the Republic of Tashira (upstream) and the Kingdom of "
        "Hadrun (downstream) over the sharing of the waters of the Wadi Qarnun.",
        "conflict_ar": "نزاع بين جمهورية تاشيرة (دولة المنبع) ومملكة حضرون (دولة المصب) حول "
        "تقاسم مياه وادي قرنون.",
        "convener": "brennholt-institute",
        "mediators": [
            {"agent": "astrid-solvang", "kind": "outsider_neutral"},
            {"agent": "pawel-wroblewski", "kind": "international"},
            {"agent": "nour-al-din-sharaf", "kind": "insider_partial"},
        ],
        "period_start": "2018-11",
        "period_end": "2020-06",
        "description_en": "Unofficial dialogue of former officials, hydrologists and community "
        "figures from both riparian states. Three rounds produced a shared "
        "data protocol, an options paper on drought-year allocation and a "
        "draft set of water-sharing principles that later fed the official "
        "ceasefire talks.",
        "description_ar": "حوار غير رسمي ضمّ مسؤولين سابقين وخبراء مياه ووجهاء من دولتي "
        "الحوض. أسفرت جولاته الثلاث عن بروتوكول لتبادل البيانات وورقة "
        "خيارات لتوزيع المياه في سنوات الجفاف ومشروع مبادئ لتقاسم المياه "
        "غذّى لاحقاً المحادثات الرسمية.",
    },
    {
        "id": "nawariya-detainees",
        "name_en": "Nawariya Dialogue on Detainees and Missing Persons",
        "name_ar": "حوار نوارية بشأن المحتجزين والمفقودين وتبادل الأسرى",
        "track": "1.5",
        "conflict_en": "Armed conflict between the Government of Nawariya and the Eastern "
        "Highlands Movement.",
        "conflict_ar": "النزاع المسلح بين حكومة نوارية وحركة المرتفعات الشرقية.",
        "convener": "sorvik-foundation",
        "mediators": [
            {"agent": "helene-marchetti", "kind": "international"},
            {"agent": "astrid-solvang", "kind": "outsider_neutral"},
            {"agent": "abd-al-hamid-al-sabbagh", "kind": "insider_partial"},
        ],
        "period_start": "2021-02",
        "period_end": "2022-02",
        "description_en": "Officials of both parties met under the auspices of a private "
        "foundation to account for detainees and missing persons, agree on "
        "family visits and humanitarian releases, and set up a joint tracing "
        "mechanism with a humanitarian bureau.",
        "description_ar": "التقى مسؤولون من الطرفين برعاية مؤسسة خاصة للكشف عن مصير المحتجزين "
        "والمفقودين، والاتفاق على الزيارات العائلية، وتبادل الأسرى، وإنشاء "
        "آلية مشتركة للتتبّع مع مكتب إنساني.",
    },
    {
        "id": "tashira-hadrun-ceasefire",
        "name_en": "Tashira–Hadrun Ceasefire Talks and Joint Border Commission",
        "name_ar": "محادثات وقف إطلاق النار بين تاشيرة وحضرون واللجنة المشتركة للحدود",
        "track": "1",
        "conflict_en": "Armed clashes between the Republic of Tashira and the Kingdom of Hadrun "
        "along the Wadi Qarnun border since 2022.",
        "conflict_ar": "اشتباكات مسلحة بين جمهورية تاشيرة ومملكة حضرون على امتداد حدود وادي "
        "قرنون منذ عام 2022.",
        "convener": "council-coastal-states",
        "mediators": [
            {"agent": "pawel-wroblewski", "kind": "international"},
            {"agent": "helene-marchetti", "kind": "outsider_neutral"},
            {"agent": "nour-al-din-sharaf", "kind": "insider_partial"},
        ],
        "period_start": "2023-04",
        "period_end": "2024-04",
        "description_en": "Official talks between state delegations under a Joint Envoy of the "
        "Council of Coastal States, leading to a ceasefire agreement (February "
        "2024) and the first meeting of a Joint Border Commission.",
        "description_ar": "محادثات رسمية بين وفدي الدولتين برعاية المبعوث المشترك لمجلس الدول "
        "الساحلية، أفضت إلى اتفاق لوقف إطلاق النار (شباط/فبراير 2024) وإلى "
        "الاجتماع الأول للجنة المشتركة للحدود.",
    },
    {
        "id": "sawsan-grazing",
        "name_en": "Sawsan Plateau Community Dialogue on Grazing Land",
        "name_ar": "الحوار المجتمعي حول أراضي الرعي في هضبة السوسن",
        "track": "3",
        "conflict_en": "Local dispute between herding clans and farming villages over grazing "
        "routes and water points on the Sawsan Plateau, Nawariya.",
        "conflict_ar": "نزاع محلي بين عشائر الرعاة والقرى الزراعية على مسارات الرعي ونقاط المياه "
        "في هضبة السوسن بنوارية.",
        "convener": "bayt-rimal-university",
        "mediators": [
            {"agent": "mariam-al-ajami", "kind": "insider_partial"},
            {"agent": "abd-al-hamid-al-sabbagh", "kind": "insider_partial"},
            {"agent": "astrid-solvang", "kind": "outsider_neutral"},
        ],
        "period_start": "2024-07",
        "period_end": "2025-03",
        "description_en": "Grassroots dialogue facilitated by a local university between herders "
        "and farmers, producing a mapped set of grazing corridors and a "
        "seasonal charter.",
        "description_ar": "حوار قاعدي يسّرته جامعة محلية بين الرعاة والمزارعين، أثمر عن خريطة "
        "لمسارات الرعي وميثاق موسمي.",
    },
]


def _interp(
    mode: str, people: list[tuple[str, bool]], note_en: str, note_ar: str
) -> dict[str, Any]:
    """Interpretation arrangements of a session."""
    return {
        "mode": mode,
        "interpreters": [{"agent": a, "languages": ["ar", "en"], "native": n} for a, n in people],
        "note_en": note_en,
        "note_ar": note_ar,
    }


SESSIONS: list[dict[str, Any]] = [
    {
        "id": "wq-r1",
        "process": "wadi-qarnun",
        "number": 1,
        "title_en": "First round: shared data",
        "title_ar": "الجولة الأولى: البيانات المشتركة",
        "date": "2019-03-12",
        "date_end": "2019-03-14",
        "venue_en": "Brennholt Institute guesthouse, Vesterholm",
        "venue_ar": "دار ضيافة معهد برينهولت، فيسترهولم",
        "working_languages": ["ar", "en"],
        "interpretation": _interp(
            "simultaneous",
            [("faten-al-khatib", True), ("daniel-whitcombe", False)],
            "Booth of two; participants asked that Faten al-Khatib cover the informal sessions.",
            "مقصورة من مترجمَين؛ طلب المشاركون أن تتولى فاتن الخطيب الجلسات غير الرسمية.",
        ),
    },
    {
        "id": "wq-r2",
        "process": "wadi-qarnun",
        "number": 2,
        "title_en": "Second round: drought-year options",
        "title_ar": "الجولة الثانية: خيارات سنوات الجفاف",
        "date": "2019-10-21",
        "date_end": "2019-10-23",
        "venue_en": "University of Bayt Rimal, guest residence",
        "venue_ar": "دار الضيافة في جامعة بيت رمال",
        "working_languages": ["ar"],
        "interpretation": _interp(
            "whispered",
            [("faten-al-khatib", True)],
            "Arabic only; whispered English for the two outside mediators.",
            "بالعربية فقط، مع ترجمة همسية إلى الإنجليزية للوسيطين الخارجيين.",
        ),
    },
    {
        "id": "wq-r3",
        "process": "wadi-qarnun",
        "number": 3,
        "title_en": "Third round: principles",
        "title_ar": "الجولة الثالثة: المبادئ",
        "date": "2020-02-17",
        "date_end": "2020-02-19",
        "venue_en": "Brennholt Institute guesthouse, Vesterholm",
        "venue_ar": "دار ضيافة معهد برينهولت، فيسترهولم",
        "working_languages": ["ar", "en"],
        "interpretation": _interp(
            "simultaneous",
            [("faten-al-khatib", True), ("daniel-whitcombe", False)],
            "Recorded for the transcript with participants' consent.",
            "سُجّلت الجلسات لإعداد النص الحرفي بموافقة المشاركين.",
        ),
    },
    {
        "id": "nd-r1",
        "process": "nawariya-detainees",
        "number": 1,
        "title_en": "First round",
        "title_ar": "الجولة الأولى",
        "date": "2021-05-04",
        "date_end": "2021-05-06",
        "venue_en": "Sørvik Peace Foundation, Lillevik",
        "venue_ar": "مؤسسة سورفيك للسلام، ليليفيك",
        "working_languages": ["ar"],
        "interpretation": _interp(
            "consecutive",
            [("rami-said", True)],
            "Consecutive into English for the convener only.",
            "ترجمة تتابعية إلى الإنجليزية لممثلي الجهة الداعية فقط.",
        ),
    },
    {
        "id": "nd-r2",
        "process": "nawariya-detainees",
        "number": 2,
        "title_en": "Second round",
        "title_ar": "الجولة الثانية",
        "date": "2021-09-13",
        "date_end": "2021-09-15",
        "venue_en": "Sørvik Peace Foundation, Lillevik",
        "venue_ar": "مؤسسة سورفيك للسلام، ليليفيك",
        "working_languages": ["ar", "en"],
        "interpretation": _interp(
            "consecutive",
            [("rami-said", True)],
            "The Movement's delegation objected to an interpreter from the capital; Rami Saʿid, "
            "from the Highlands, was accepted by both.",
            "اعترض وفد الحركة على مترجم من العاصمة، وقبِل الطرفان رامي سعيد ابن المرتفعات.",
        ),
    },
    {
        "id": "nd-r3",
        "process": "nawariya-detainees",
        "number": 3,
        "title_en": "Third round: release and tracing arrangements",
        "title_ar": "الجولة الثالثة: ترتيبات الإفراج والتتبّع",
        "date": "2022-01-24",
        "date_end": "2022-01-27",
        "venue_en": "University of Bayt Rimal, conference hall",
        "venue_ar": "قاعة المؤتمرات في جامعة بيت رمال",
        "working_languages": ["ar", "en"],
        "interpretation": _interp(
            "simultaneous",
            [("rami-said", True), ("daniel-whitcombe", False)],
            "Simultaneous for plenaries, consecutive in the drafting group.",
            "ترجمة فورية في الجلسات العامة وتتابعية في لجنة الصياغة.",
        ),
    },
    {
        "id": "th-r1",
        "process": "tashira-hadrun-ceasefire",
        "number": 1,
        "title_en": "First round of talks",
        "title_ar": "الجولة الأولى من المحادثات",
        "date": "2023-06-05",
        "date_end": "2023-06-08",
        "venue_en": "Seat of the Council of Coastal States, Port Amaril",
        "venue_ar": "مقر مجلس الدول الساحلية، ميناء أماريل",
        "working_languages": ["ar", "en"],
        "interpretation": _interp(
            "simultaneous",
            [("faten-al-khatib", True), ("daniel-whitcombe", False)],
            "The Tashiran delegation questioned the neutrality of a Hadrun-born interpreter; both "
            "interpreters were retained, alternating by agenda item.",
            "تساءل وفد تاشيرة عن حياد مترجمة من مواليد حضرون، فأُبقي على المترجمَين بالتناوب.",
        ),
    },
    {
        "id": "th-r2",
        "process": "tashira-hadrun-ceasefire",
        "number": 2,
        "title_en": "Second round of talks",
        "title_ar": "الجولة الثانية من المحادثات",
        "date": "2023-11-20",
        "date_end": "2023-11-22",
        "venue_en": "Seat of the Council of Coastal States, Port Amaril",
        "venue_ar": "مقر مجلس الدول الساحلية، ميناء أماريل",
        "working_languages": ["ar", "en"],
        "interpretation": _interp(
            "simultaneous",
            [("daniel-whitcombe", False), ("faten-al-khatib", True)],
            "Drafting sessions held in Arabic without interpretation.",
            "عُقدت جلسات الصياغة بالعربية دون ترجمة.",
        ),
    },
    {
        "id": "th-r3",
        "process": "tashira-hadrun-ceasefire",
        "number": 3,
        "title_en": "First meeting of the Joint Border Commission",
        "title_ar": "الاجتماع الأول للجنة المشتركة للحدود",
        "date": "2024-04-15",
        "date_end": "2024-04-16",
        "venue_en": "Kilometre 40 border post, Wadi Qarnun",
        "venue_ar": "مركز الكيلومتر 40 الحدودي، وادي قرنون",
        "working_languages": ["ar"],
        "interpretation": {
            "mode": "none",
            "note_en": "Both delegations and the insider mediator worked in Arabic.",
            "note_ar": "عمل الوفدان والوسيط من الداخل باللغة العربية.",
        },
    },
    {
        "id": "sg-s1",
        "process": "sawsan-grazing",
        "number": 1,
        "title_en": "First community meeting",
        "title_ar": "اللقاء المجتمعي الأول",
        "date": "2024-09-10",
        "venue_en": "Village school, Tall al-Sawsan",
        "venue_ar": "مدرسة قرية تل السوسن",
        "working_languages": ["ar"],
        "interpretation": _interp(
            "whispered",
            [("rami-said", True)],
            "Whispered English for the outside mediator only.",
            "ترجمة همسية إلى الإنجليزية للوسيطة الخارجية فقط.",
        ),
    },
    {
        "id": "sg-s2",
        "process": "sawsan-grazing",
        "number": 2,
        "title_en": "Second community meeting: corridors and charter",
        "title_ar": "اللقاء المجتمعي الثاني: المسارات والميثاق",
        "date": "2025-03-18",
        "venue_en": "Faculty of Agriculture, University of Bayt Rimal",
        "venue_ar": "كلية الزراعة، جامعة بيت رمال",
        "working_languages": ["ar"],
        "interpretation": {
            "mode": "none",
            "note_en": "No interpretation; the outside mediator followed through a "
            "written summary.",
            "note_ar": "دون ترجمة؛ تابعت الوسيطة الخارجية عبر ملخص مكتوب.",
        },
    },
]
