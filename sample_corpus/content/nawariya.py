"""Records of the Nawariya Dialogue on Detainees and Missing Persons (Track 1.5). Fictional.

The English records of this process never speak of a prisoner exchange: that concept
(تبادل الأسرى) appears only in Arabic records, for cross-lingual search tests.
"""

from __future__ import annotations

from typing import Any

PROCESS = "nawariya-detainees"

RECORDS: list[dict[str, Any]] = [
    {
        "id": "nd-2021-concept-note",
        "fmt": "lo_pdf",
        "title_en": "Concept note: a confidential dialogue on detainees and missing persons "
        "in Nawariya",
        "date": "2021-02-15",
        "type": "concept_memo",
        "langs": ["en"],
        "agents": [("Hélène Marchetti", "author"), ("Sørvik Peace Foundation", "convener")],
        "subjects": [
            "detainees",
            "missing_persons",
            "dialogue_facilitation",
            "track_one_and_a_half_diplomacy",
            "concept_note",
            "confidentiality",
        ],
        "abstract_en": "Proposal by the Sørvik Peace Foundation for a Track 1.5 dialogue "
        "between officials of the Government of Nawariya and the Eastern "
        "Highlands Movement on detainees, the missing and family contact.",
        "places": ["Nawariya", "Eastern Highlands", "Lillevik"],
        "body": """
# Concept note

## A confidential dialogue on detainees and missing persons in Nawariya

Sørvik Peace Foundation — Hélène Marchetti, director of programmes — 15 February 2021

## Background

Six years of fighting between the Government of Nawariya and the Eastern Highlands Movement have left thousands of families without news of a relative. Both parties hold detainees; neither publishes lists. Political talks have been suspended since the collapse of the 2019 truce, but both parties have told the Foundation, separately, that the fate of detainees and the missing is a subject on which they would meet.

## Proposal

We propose a dialogue at "Track 1.5": serving officials of both parties would meet, but under the auspices of a private foundation and without the formal status of negotiations. Meetings would be confidential and held at the Foundation's premises in Lillevik. Each delegation would number no more than four.

## Objectives

- Establish channels for families to obtain news of detainees, including letters and, later, visits.
- Agree on principles for the humanitarian release of the sick, the elderly and minors.
- Create a joint tracing mechanism for missing persons with the support of the Humanitarian Tracing Bureau.
- Prepare the ground for broader political talks, without prejudging them.

## Mediation team

The Foundation would provide an international mediator and an outside facilitator with long experience of the region. Both parties have accepted in principle a respected Nawari religious scholar, Sheikh Abdulhamid al-Sabbagh, as a third member of the team. His presence is essential: families on both sides trust him, and he knows the language of honour and obligation in which these matters are discussed at home.

## Languages

The working language would be Arabic. Interpretation into English would be provided for the Foundation's staff, preferably by an interpreter from Nawariya acceptable to both delegations.

## Risks

Leaks could end the process; so could a military escalation. The Foundation would keep no public record until both parties agree, and would treat lists of names with the utmost care.
""",
    },
    {
        "id": "nd-2021-invitation-ar",
        "fmt": "eml",
        "title_ar": "دعوة إلى الجولة الأولى من الحوار بشأن المحتجزين والمفقودين",
        "title_en": "Invitation to the first round of the dialogue on detainees and missing "
        "persons",
        "date": "2021-04-06",
        "session": "nd-r1",
        "type": "correspondence",
        "langs": ["ar"],
        "access": "staff",
        "vis": "hidden",
        "agents": [("هيلين ماركيتي", "author"), ("سلمى الشريف", "participant")],
        "subjects": ["detainees", "missing_persons"],
        "abstract_ar": "رسالة إلكترونية من مؤسسة سورفيك إلى رئيسة لجنة المحتجزين في حركة "
        "المرتفعات الشرقية تدعو وفد الحركة إلى الجولة الأولى.",
        "abstract_en": "E-mail from the Sørvik Foundation inviting the Movement's delegation to "
        "the first round.",
        "places": ["ليليفيك"],
        "eml": {
            "from": ("هيلين ماركيتي", "h.marchetti@sorvik-foundation.example.org"),
            "to": [("سلمى الشريف", "committee@highlands-movement.invalid")],
            "subject": "دعوة إلى الجولة الأولى — ليليفيك، ٤–٦ أيار/مايو ٢٠٢١",
            "date": "2021-04-06T09:30:00+02:00",
            "message_id": "<nd-2021-invitation@sorvik-foundation.example.org>",
        },
        "body": """
السيدة سلمى الشريف المحترمة،
رئيسة لجنة المحتجزين في حركة المرتفعات الشرقية

تحية طيبة وبعد،

يسرّ مؤسسة سورفيك للسلام أن تدعو وفد حركة المرتفعات الشرقية إلى المشاركة في الجولة الأولى من الحوار بشأن المحتجزين والمفقودين، التي تُعقد في مقر المؤسسة في ليليفيك من ٤ إلى ٦ أيار/مايو ٢٠٢١، وقد وُجّهت دعوة مماثلة إلى الوفد الحكومي.

ونرجو التكرم بإرسال أسماء أعضاء الوفد، على ألا يتجاوز عددهم أربعة، في موعد أقصاه ٢٠ نيسان/أبريل، لتتمكن المؤسسة من ترتيب السفر والتأشيرات. وستتحمّل المؤسسة نفقات السفر والإقامة كاملة.

وكما اتُّفق في المشاورات التمهيدية، ستكون لغة العمل العربية، وسيتولى الترجمة التتابعية إلى الإنجليزية مترجمٌ من أبناء نوارية يقبله الطرفان. ويشارك الشيخ عبد الحميد الصبّاغ في فريق الوساطة إلى جانبي وإلى جانب السيدة أستريد سولفانغ.

ونؤكد أن اللقاء سرّي، وأن المؤسسة لن تصدر أي بيان بشأنه إلا بموافقة الطرفين. ونرجو عدم تداول هذه الرسالة خارج الدائرة الضيقة للوفد.

مع خالص التقدير،

هيلين ماركيتي
مديرة البرامج
مؤسسة سورفيك للسلام
""",
    },
    {
        "id": "nd-2021-r1-minutes-ar",
        "fmt": "lo_pdf",
        "title_ar": "محضر الجولة الأولى من الحوار بشأن المحتجزين والمفقودين",
        "title_en": "Minutes of the first round of the dialogue on detainees and missing persons",
        "date": "2021-05-06",
        "session": "nd-r1",
        "type": "minutes",
        "langs": ["ar"],
        "access": "reader",
        "embargo": "2036-05-06",
        "agents": [
            ("كريم بوزيان", "participant"),
            ("سلمى الشريف", "participant"),
            ("الشيخ عبد الحميد الصباغ", "mediator"),
            ("هيلين ماركيتي", "mediator"),
            ("رامي سعيد", "interpreter"),
        ],
        "subjects": [
            "detainees",
            "missing_persons",
            "detention_conditions",
            "confidence_building_measures",
        ],
        "abstract_ar": "محضر الجولة الأولى: عرض كل طرف لأعداد المحتجزين لديه، والاتفاق المبدئي "
        "على تبادل رسائل العائلات، وتشكيل فريق عمل للمفقودين.",
        "abstract_en": "Minutes of round one: each party's account of the detainees it holds, "
        "agreement in principle on family letters, and a working group on the "
        "missing.",
        "places": ["ليليفيك", "المرتفعات الشرقية"],
        "body": """
# محضر الجولة الأولى

الحوار بشأن المحتجزين والمفقودين — مؤسسة سورفيك للسلام، ليليفيك، ٤–٦ أيار/مايو ٢٠٢١

## الحضور

الوفد الحكومي برئاسة السيد كريم بوزيان، نائب وزير العدل. ووفد حركة المرتفعات الشرقية برئاسة السيدة سلمى الشريف، رئيسة لجنة المحتجزين. وفريق الوساطة: السيدة هيلين ماركيتي، والسيدة أستريد سولفانغ، والشيخ عبد الحميد الصباغ. وتولى الترجمة التتابعية السيد رامي سعيد.

## الجلسة الافتتاحية

افتتح الشيخ عبد الحميد الصباغ الجلسة بكلمة قصيرة ذكّر فيها بأن «الأُمَّهاتِ لا يَنْتَظِرْنَ السِّياسَة»، ودعا الوفدين إلى أن يتذكرا العائلات قبل المواقف. وأكدت السيدة ماركيتي أن اللقاء ليس تفاوضاً سياسياً، وأن ما يُقال فيه لا يُلزم أحداً.

## عرض المواقف

أفاد رئيس الوفد الحكومي بأن السلطات تحتجز عدداً من أعضاء الحركة بتهم جنائية، وأن الإفراج عنهم يخضع للقضاء. وطالب بالكشف عن مصير أربعة وثلاثين جندياً فُقدوا في معارك الممرّ الشرقي.

وأفادت رئيسة وفد الحركة بأن الحركة تحتجز عدداً من الجنود وعناصر الأمن، وبأن مئات العائلات في المرتفعات لا تعرف شيئاً عن أبنائها المعتقلين منذ سنوات. وطالبت بقوائم كاملة بأسماء المحتجزين لدى الحكومة وأماكن احتجازهم.

## التفاهمات المبدئية

- يتبادل الطرفان رسائل العائلات عبر المكتب الإنساني للتتبّع، ابتداءً من الشهر المقبل.
- يُشكَّل فريق عمل مشترك للمفقودين يضم ممثلَين عن كل طرف، ويجتمع قبل الجولة الثانية.
- يدرس كل طرف الإفراجَ عن المرضى وكبار السن والقاصرين لأسباب إنسانية.

وأبدى وفد الحركة رغبته في بحث تبادل الأسرى بصورة شاملة، فيما رأى الوفد الحكومي أن الوقت لم يحن لذلك.

## الجولة المقبلة

تُعقد الجولة الثانية في أيلول/سبتمبر ٢٠٢١، ويُدعى المكتب الإنساني للتتبّع إلى حضورها بصفة مراقب.
""",
    },
    {
        "id": "nd-2021-r1-participants",
        "fmt": "docx",
        "title_en": "Round 1 delegations and mediation team",
        "date": "2021-05-04",
        "session": "nd-r1",
        "type": "participant_list",
        "langs": ["en"],
        "access": "staff",
        "vis": "hidden",
        "agents": [
            ("Kareem Bouziane", "participant"),
            ("Salma el-Sherif", "participant"),
            ("Rami Said", "interpreter"),
            ("Helene Marchetti", "mediator"),
            ("Abdel Hamid Sabbagh", "mediator"),
            ("Astrid Sølvang", "facilitator"),
        ],
        "subjects": ["confidentiality", "detainees"],
        "abstract_en": "Confidential list of the two delegations, the mediation team and the "
        "interpreter at the first round in Lillevik.",
        "places": ["Lillevik"],
        "body": """
# Delegations and mediation team — Round 1

Dialogue on detainees and missing persons — Lillevik, 4–6 May 2021 — CONFIDENTIAL

## Delegation of the Government of Nawariya

- Kareem Bouziane, Deputy Minister of Justice (head of delegation)
- Colonel Tarek Hammoudi, Directorate of Military Justice
- Ms Widad Farhat, Office of the Attorney-General
- Mr Anas Qabbani, Ministry of Interior, prisons administration

## Delegation of the Eastern Highlands Movement

- Salma el-Sherif, head of the committee on detainees (head of delegation)
- Mr Fawaz Bazzi, legal adviser
- Dr Hanan Daoudi, physician, prisoner welfare
- Mr Yasser Talal, liaison with families' associations

## Mediation team

- Helene Marchetti, Sørvik Peace Foundation (international mediator)
- Astrid Sølvang, on loan from the Brennholt Institute (facilitator)
- Sheikh Abdel Hamid Sabbagh, Council of Elders of Nawariya (insider mediator)

## Interpretation

- Rami Said, consecutive Arabic–English, from the Eastern Highlands, accepted by both delegations

## Secretariat

- Two staff of the Foundation; no note-takers from the parties in the room

Distribution: mediation team only. Do not copy.
""",
    },
    {
        "id": "nd-2021-r2-tracing-report",
        "fmt": "lo_pdf",
        "title_en": "Report of the Humanitarian Tracing Bureau to the second round",
        "date": "2021-09-13",
        "session": "nd-r2",
        "type": "report",
        "langs": ["en"],
        "agents": [("Ingrid Åkerlund", "author"), ("Humanitarian Tracing Bureau", "observer")],
        "subjects": [
            "missing_persons",
            "detainees",
            "detention_conditions",
            "humanitarian_access",
            "recovery_of_remains",
        ],
        "abstract_en": "Report on the first four months of family messages, the state of "
        "tracing requests and proposals for a joint tracing mechanism, with "
        "a methodology annex.",
        "places": ["Nawariya", "Eastern Highlands", "Lillevik"],
        "body": """
# Humanitarian Tracing Bureau

## Report to the second round of the dialogue on detainees and missing persons

Lillevik, 13 September 2021 — presented by Ingrid Åkerlund, head of field operations

## 1. Summary

Since the first round in May 2021 the Bureau has carried 1,214 family messages between detainees and their relatives: 702 from detainees held by the Government of Nawariya and 512 from detainees held by the Eastern Highlands Movement. It has registered 2,390 tracing requests for missing persons, of which 1,630 concern civilians. The Bureau asks the parties to agree on a joint tracing mechanism, on regular access to places of detention, and on a procedure for informing families of deaths.

## 2. Family messages

Both parties have allowed messages to pass, with delays. Messages from the Movement's places of detention took on average 19 days to reach families; messages from government prisons took 27 days, mainly because of security review. About one message in ten was returned because the addressee had been displaced. The Bureau's volunteers in the Highlands have been able to deliver most of these by asking neighbours and village elders.

The Bureau notes the great value families attach to handwritten messages. One mother in the Highlands told our staff that she recognised her son's handwriting "before reading a single word".

## 3. Tracing requests

Requests come mostly from the Eastern Highlands (61 per cent) and from the two central provinces (24 per cent). Among them:

- 412 concern persons last seen at checkpoints;
- 288 concern combatants reported missing after fighting in the eastern pass;
- 155 concern minors.

Each party has answered some individual requests. The answers are not systematic and often arrive through informal channels.

---

## 4. Proposal: a joint tracing mechanism

The Bureau proposes a mechanism with the following features:

- one focal point for each party, authorised to answer requests on behalf of all its detaining authorities;
- a shared, confidential register kept by the Bureau, with each entry visible only to the parties concerned;
- a monthly meeting of the focal points with the Bureau, alternating between the two sides' areas or held in a neutral place;
- a standard form for informing families of a death, including the place of burial where known;
- a commitment not to use tracing information for any military or judicial purpose.

## 5. Access to places of detention

The Bureau requests access to all places of detention, with the possibility of speaking with detainees without witnesses. It is ready to start with places holding the sick and the elderly, who could be considered for humanitarian release.

## 6. Family visits

Visits would greatly relieve families and reduce rumours. The Bureau could organise transport across the front line for close relatives, on dates agreed by both parties, starting with a pilot of two visits per month to one place of detention on each side.

---

## Annex: methodology and limits

Figures are drawn from the Bureau's own registration and from messages it carried. They are not a census of detainees or of the missing: many families have not registered, either out of fear or because they do not know the Bureau exists. Figures for combatants depend on the parties' own records, which the Bureau has not verified.

Personal data are kept under the Bureau's data protection rules and are not shared with the parties except in answer to a specific request. No name appears in this report.

The Bureau thanks the mediation team of the Sørvik Peace Foundation and both delegations for their cooperation, and the interpreter Rami Said for his help during the Bureau's consultations with families' associations.
""",
    },
    {
        "id": "nd-2021-r2-minutes-ar",
        "fmt": "docx",
        "title_ar": "محضر الجولة الثانية: المقترحات الأولى لتبادل الأسرى",
        "date": "2021-09-15",
        "session": "nd-r2",
        "type": "minutes",
        "langs": ["ar"],
        "agents": [
            ("كريم بوزيان", "participant"),
            ("سلمى الشريف", "participant"),
            ("عبد الحميد الصبّاغ", "mediator"),
            ("إنغريد أوكرلوند", "observer"),
            ("رامي سعيد", "interpreter"),
        ],
        "subjects": [
            "prisoner_exchange",
            "detainees",
            "missing_persons",
            "recovery_of_remains",
            "prisoners_of_war",
        ],
        "abstract_ar": "محضر الجولة الثانية: تقرير المكتب الإنساني للتتبّع، وأول نقاش مفصّل "
        "حول تبادل الأسرى ومعاييره، وخلاف حول مبدأ «الكل مقابل الكل».",
        "places": ["ليليفيك"],
        "body": """
# محضر الجولة الثانية

الحوار بشأن المحتجزين والمفقودين — ليليفيك، ١٣–١٥ أيلول/سبتمبر ٢٠٢١

تولّى الترجمة التتابعية رامي سعيد، ولم تُسجَّل الجلسات.

## أولاً: تقرير المكتب الإنساني للتتبّع

قدّمت السيدة إنغريد أوكرلوند، رئيسة العمليات الميدانية في المكتب الإنساني للتتبّع، تقريراً عن الأشهر الأربعة الماضية، أوضحت فيه أن المكتب نقل أكثر من ألف ومئتي رسالة عائلية، وسجّل ما يزيد على ألفين وثلاثمئة طلب بحث عن مفقودين. ورحّب الوفدان بالتقرير، وطلب الوفد الحكومي تفاصيل إضافية حول طلبات البحث المتعلقة بالجنود.

## ثانياً: تبادل الأسرى

طرحت السيدة سلمى الشريف باسم الحركة مقترحاً لتبادل الأسرى وفق مبدأ «الكل مقابل الكل»، معتبرةً أن الإفراجات الجزئية تُطيل معاناة العائلات. وردّ السيد كريم بوزيان بأن الحكومة لا تستطيع مساواة المحكومين قضائياً بالأسرى العسكريين، واقترح أن يبدأ التبادل بالأسرى العسكريين والمرضى وكبار السن، على أن تُبحث الفئات الأخرى لاحقاً.

واقترح الشيخ عبد الحميد الصبّاغ حلاً وسطاً مستمَدّاً من الأعراف المحلية: أن يجري التبادل على مراحل، تبدأ كل مرحلة بالفئات الإنسانية، ويضمن وجهاءُ من الجانبين تنفيذها أمام العائلات. ولقي المقترح قبولاً مبدئياً من الوفدين.

## ثالثاً: معايير التبادل

اتفق الوفدان على أن تتضمن أي صفقة لتبادل الأسرى ما يأتي:

- التحقق من هوية كل أسير وموافقته على العودة، بإشراف المكتب الإنساني للتتبّع؛
- عدم إعادة اعتقال المُفرَج عنهم بسبب الأفعال نفسها؛
- تسليم رفات الموتى إلى عائلاتهم حيثما أمكن؛
- الامتناع عن أي استعراض إعلامي عند التسليم.

## رابعاً: الخطوات التالية

يعدّ فريق الوساطة مسودة اتفاق بشأن تبادل الأسرى تُعرض في الجولة الثالثة، ويقدّم كل طرف قبل ذلك قائمة أولية بالأسرى المشمولين بالمرحلة الأولى. وتُعقد الجولة الثالثة في جامعة بيت رمال مطلع عام ٢٠٢٢.
""",
    },
    {
        "id": "nd-2021-r2-statement",
        "fmt": "legacy_pdf",
        "title_ar": "بيان مشترك للوفدين في ختام الجولة الثانية",
        "title_en": "Joint statement of the two delegations at the end of the second round",
        "date": "2021-09-15",
        "session": "nd-r2",
        "type": "communique",
        "langs": ["ar", "en"],
        "agents": [("Sørvik Peace Foundation", "convener"), ("مؤسسة سورفيك للسلام", "convener")],
        "subjects": ["detainees", "missing_persons", "detention_conditions"],
        "abstract_ar": "بيان عربي مقتضب مع ملخص إنجليزي يعلن الاتفاق على مواصلة الرسائل "
        "العائلية وبدء زيارات العائلات.",
        "abstract_en": "Brief Arabic statement with an English summary announcing continued "
        "family messages and a pilot of family visits.",
        "places": ["ليليفيك", "Lillevik"],
        "body": """
# بيان مشترك

ليليفيك، 15 أيلول/سبتمبر 2021

عقد وفد حكومة نوارية ووفد حركة المرتفعات الشرقية جولتهما الثانية من الحوار بشأن المحتجزين والمفقودين، برعاية مؤسسة سورفيك للسلام، وبحضور المكتب الإنساني للتتبّع بصفة مراقب.

واتفق الوفدان على مواصلة تبادل الرسائل العائلية، وعلى بدء برنامج تجريبي لزيارات العائلات إلى مكان احتجاز واحد لدى كل طرف، ابتداءً من الشهر المقبل. كما اتفقا على تسمية منسّق لكل طرف للرد على طلبات البحث عن المفقودين.

ويعرب الوفدان عن تقديرهما للعائلات التي صبرت طويلاً، ويؤكدان عزمهما على مواصلة العمل في جولة ثالثة.

## English summary

At the end of their second round in Lillevik, held under the auspices of the Sørvik Peace Foundation, the delegations of the Government of Nawariya and of the Eastern Highlands Movement agreed to continue family messages through the Humanitarian Tracing Bureau, to start a pilot of family visits to one place of detention on each side, and to name focal points to answer tracing requests for missing persons. A third round will follow.
""",
    },
    {
        "id": "nd-2022-r3-agreement-ar",
        "fmt": "lo_pdf",
        "title_ar": "اتفاق بشأن تبادل الأسرى والإفراج عن المحتجزين لأسباب إنسانية",
        "date": "2022-01-27",
        "session": "nd-r3",
        "type": "agreement",
        "langs": ["ar"],
        "agents": [
            ("كريم بوزيان", "signatory"),
            ("سلمى الشريف", "signatory"),
            ("هيلين ماركيتي", "mediator"),
            ("الشيخ عبد الحميد الصبّاغ", "mediator"),
        ],
        "subjects": [
            "prisoner_exchange",
            "detainees",
            "missing_persons",
            "recovery_of_remains",
            "prisoners_of_war",
            "follow_up_mechanism",
        ],
        "abstract_ar": "النص الموقّع لاتفاق تبادل الأسرى على مرحلتين، مع أحكام الإفراج "
        "الإنساني والتحقق وتسليم الرفات وضمانات عدم إعادة الاعتقال.",
        "places": ["بيت رمال", "نوارية", "المرتفعات الشرقية"],
        "body": """
# اتفاق بشأن تبادل الأسرى والإفراج عن المحتجزين لأسباب إنسانية

بين حكومة نوارية وحركة المرتفعات الشرقية — بيت رمال، ٢٧ كانون الثاني/يناير ٢٠٢٢

## الديباجة

إن حكومة نوارية وحركة المرتفعات الشرقية، المشار إليهما فيما يلي بـ«الطرفين»، إذ تستحضران معاناة آلاف العائلات التي تنتظر أخبار أبنائها، وإذ تؤكدان أن مصير المحتجزين والمفقودين شأن إنساني لا يخضع للمساومة السياسية، وإذ تستندان إلى ما تم التوافق عليه في جولات الحوار الثلاث برعاية مؤسسة سورفيك للسلام، قد اتفقتا على ما يأتي:

## المادة الأولى: التعريفات

لأغراض هذا الاتفاق، يُقصد بـ«الأسرى» كلُّ من احتُجز بسبب النزاع من المقاتلين، ويُقصد بـ«المحتجزين» كلُّ من احتُجز من المدنيين لأسباب تتصل بالنزاع، ويُقصد بـ«المكتب» المكتب الإنساني للتتبّع.

## المادة الثانية: مراحل التبادل

١. يجري تبادل الأسرى على مرحلتين.

٢. تشمل المرحلة الأولى المرضى والجرحى وكبار السن ممن تجاوزوا الستين والقاصرين والنساء، من الطرفين، دون اشتراط التكافؤ العددي.

٣. تشمل المرحلة الثانية سائر الأسرى وفق القوائم المتبادلة، وتبدأ خلال ستين يوماً من إتمام المرحلة الأولى.

## المادة الثالثة: القوائم

١. يسلّم كل طرف إلى المكتب قائمة كاملة بأسماء الأسرى والمحتجزين لديه خلال خمسة عشر يوماً من توقيع هذا الاتفاق.

٢. تُعامل القوائم بسرية تامة، ولا يُطّلع عليها إلا الطرفان والمكتب وفريق الوساطة.

---

## المادة الرابعة: التحقق والموافقة

١. يتحقق المكتب من هوية كل أسير ومن رغبته في العودة، بمقابلة فردية دون حضور أي من الطرفين.

٢. لا يُعاد أي شخص إلى جهة لا يرغب في العودة إليها.

## المادة الخامسة: الضمانات

١. يلتزم كل طرف بعدم إعادة اعتقال المُفرَج عنهم بسبب الأفعال التي احتُجزوا من أجلها.

٢. يمتنع الطرفان عن أي استعراض إعلامي أو سياسي عند التسليم، ويجري التسليم في مكان يحدده المكتب.

## المادة السادسة: المفقودون والرفات

١. ينشئ الطرفان آلية مشتركة للتتبّع تضم منسّقاً عن كل طرف، وتجتمع شهرياً بحضور المكتب.

٢. يتعاون الطرفان في تحديد أماكن الدفن واستخراج الرفات وتسليمه إلى العائلات بكرامة.

## المادة السابعة: الزيارات العائلية

يسمح كل طرف بزيارات منتظمة للعائلات إلى أماكن الاحتجاز لديه، وينظّم المكتب النقل عبر خطوط التماس.

---

## المادة الثامنة: المتابعة

١. تُشكّل لجنة متابعة من ممثلَين عن كل طرف وعضو من فريق الوساطة، تجتمع كلما دعت الحاجة.

٢. تُحال الخلافات حول تفسير هذا الاتفاق أو تنفيذه إلى لجنة المتابعة، فإن تعذّر الحل فإلى فريق الوساطة.

## المادة التاسعة: النفاذ

يدخل هذا الاتفاق حيّز النفاذ فور توقيعه، وحُرّر بالعربية من ثلاث نسخ أصلية، لكل طرف نسخة، وتُودع الثالثة لدى مؤسسة سورفيك للسلام.

## التوقيعات

عن حكومة نوارية: كريم بوزيان، نائب وزير العدل

عن حركة المرتفعات الشرقية: سلمى الشريف، رئيسة لجنة المحتجزين

شهد على التوقيع عن فريق الوساطة: هيلين ماركيتي، والشيخ عبد الحميد الصبّاغ
""",
    },
    {
        "id": "nd-2022-r3-annex-lists",
        "fmt": "txt",
        "enc": "cp1256",
        "title_ar": "ملحق: القوائم الأولية للمرحلة الأولى من تبادل الأسرى",
        "date": "2022-01-27",
        "session": "nd-r3",
        "type": "other",
        "langs": ["ar"],
        "access": "reader",
        "vis": "hidden",
        "embargo": "2041-01-01",
        "agents": [("المكتب الإنساني للتتبّع", "author")],
        "subjects": ["prisoner_exchange", "detainees", "prisoners_of_war"],
        "abstract_ar": "ملحق سري بالأعداد والفئات والرموز المعتمدة لأسرى المرحلة الأولى من "
        "التبادل، محجوب حتى عام 2041.",
        "places": ["بيت رمال"],
        "body": """
ملحق سري بالاتفاق بشأن تبادل الأسرى
القوائم الأولية للمرحلة الأولى
أعدّه المكتب الإنساني للتتبّع — بيت رمال، 27 كانون الثاني/يناير 2022

تنبيه: تُستبدل الأسماء في هذه النسخة برموز. ويحتفظ المكتب بجدول المطابقة في خزنته ولا يُسلَّم إلا للطرفين.

أولاً: الأسرى والمحتجزون لدى حكومة نوارية والمشمولون بالمرحلة الأولى

الفئة: المرضى والجرحى — العدد: 41 — الرموز: ح-001 إلى ح-041
الفئة: كبار السن — العدد: 18 — الرموز: ح-042 إلى ح-059
الفئة: القاصرون — العدد: 9 — الرموز: ح-060 إلى ح-068
الفئة: النساء — العدد: 12 — الرموز: ح-069 إلى ح-080
المجموع: 80

ثانياً: الأسرى لدى حركة المرتفعات الشرقية والمشمولون بالمرحلة الأولى

الفئة: الجرحى — العدد: 23 — الرموز: م-001 إلى م-023
الفئة: كبار السن — العدد: 4 — الرموز: م-024 إلى م-027
الفئة: المجنّدون القاصرون — العدد: 6 — الرموز: م-028 إلى م-033
المجموع: 33

ثالثاً: ملاحظات المكتب

1. لم يتمكن المكتب بعدُ من مقابلة سبعة من الأسرى لدى الحركة بسبب إصاباتهم، وستجري مقابلتهم في المستشفى الميداني قبل التسليم.
2. أبدى ثلاثة من المحتجزين لدى الحكومة رغبتهم في عدم العودة إلى المرتفعات، وسيُحترم اختيارهم وفق المادة الرابعة من الاتفاق.
3. يقترح المكتب أن يجري التسليم في ساحة مدرسة مهجورة عند الكيلومتر الثاني عشر من طريق الممرّ الشرقي، بعيداً عن وسائل الإعلام.
4. ورد اسمان مكرران في القائمتين، ويجري التحقق منهما.

يُحفظ هذا الملحق في أرشيف الوساطة ولا يُتاح قبل انقضاء مدة الحجب.
""",
    },
    {
        "id": "nd-2022-r3-minutes",
        "fmt": "lo_pdf",
        "title_en": "Minutes of the third round (Bayt Rimal, 24–27 January 2022)",
        "date": "2022-01-27",
        "session": "nd-r3",
        "type": "minutes",
        "langs": ["en"],
        "access": "reader",
        "agents": [
            ("Karim Bouzayan", "participant"),
            ("Salma al-Sharif", "participant"),
            ("Hélène Marchetti", "mediator"),
            ("Sheikh Abdulhamid", "mediator"),
            ("Ingrid Akerlund", "observer"),
            ("Rami Said", "interpreter"),
            ("Daniel Whitcombe", "interpreter"),
        ],
        "subjects": [
            "detainees",
            "missing_persons",
            "draft_agreement",
            "verification",
            "recovery_of_remains",
            "signing_ceremony",
        ],
        "abstract_en": "Minutes of the third round, which finalised and signed an agreement "
        "on humanitarian releases in two phases and a joint tracing mechanism.",
        "places": ["Bayt Rimal", "Nawariya"],
        "body": """
# Dialogue on detainees and missing persons

## Minutes of the third round — University of Bayt Rimal, 24–27 January 2022

Present: the delegation of the Government of Nawariya led by Karim Bouzayan; the delegation of the Eastern Highlands Movement led by Salma al-Sharif; the mediation team (Hélène Marchetti, Astrid Sølvang, Sheikh Abdulhamid); the Humanitarian Tracing Bureau as observer (Ingrid Akerlund). Interpretation: Rami Said and Daniel Whitcombe (simultaneous in plenary, consecutive in the drafting group).

## Day 1 — the draft text

The mediation team presented a draft agreement in Arabic. Both delegations accepted the structure: releases in two phases, the first limited to the sick, wounded, elderly, minors and women, without numerical parity. The government delegation asked that persons convicted by courts be dealt with in the second phase only.

## Day 2 — verification and guarantees

Most of the day was spent on verification. The Movement's delegation insisted that the Bureau interview each detainee alone. The government delegation accepted, provided the Bureau also confirms identities against civil registers. A long discussion on "re-arrest" ended with wording proposed by Sheikh Abdulhamid, which both sides accepted after consulting their leaderships by telephone.

The interpreters noted that the Arabic term chosen for "guarantees" carries the sense of a personal pledge of honour. The drafting group decided to keep the Arabic text as the only authentic one.

## Day 3 — the missing and the remains of the dead

The Bureau presented a procedure for locating graves and returning remains to families. Both delegations agreed to name one focal point each within a week. The Movement asked that the procedure cover persons buried in the eastern pass during the 2018 fighting; the government agreed in principle.

## Day 4 — signature

The agreement was signed by both heads of delegation at 13:00 and witnessed by Hélène Marchetti and Sheikh Abdulhamid. The parties agreed that no public announcement would be made until the first phase was completed. A follow-up committee will meet within thirty days.

Distribution: delegations, mediation team, Bureau.
""",
    },
    {
        "id": "nd-2022-followup-letter",
        "fmt": "eml",
        "title_en": "Follow-up on the first phase of releases",
        "date": "2022-02-10",
        "type": "correspondence",
        "langs": ["en"],
        "embargo": "2026-06-01",
        "agents": [("Ingrid Åkerlund", "author"), ("Hélène Marchetti", "mediator")],
        "subjects": ["detainees", "humanitarian_access", "missing_persons", "verification"],
        "abstract_en": "E-mail from the Tracing Bureau to the mediation team reporting on the "
        "first phase of releases and outstanding problems.",
        "places": ["Nawariya", "Eastern Highlands"],
        "eml": {
            "from": ("Ingrid Åkerlund", "i.akerlund@tracing-bureau.example.org"),
            "to": [("Hélène Marchetti", "h.marchetti@sorvik-foundation.example.org")],
            "cc": [("Astrid Sølvang", "a.solvang@brennholt.example.org")],
            "subject": "Phase one of the releases: where we stand",
            "date": "2022-02-10T18:05:00+01:00",
            "message_id": "<nd-2022-followup@tracing-bureau.example.org>",
        },
        "body": """
Dear Hélène,

A short update after the first phase, which was completed yesterday afternoon.

All 80 persons on the government's list and 31 of the 33 on the Movement's list were handed over at the agreed place. The two remaining persons held by the Movement are in the field hospital and will be handed over as soon as the doctors allow; we have seen them both. Three persons released by the government chose not to return to the Highlands, and we have arranged temporary accommodation with relatives in the capital.

The handover itself went quietly. There were no cameras, and the families who were present behaved with great dignity. The elders from both sides, whom Sheikh Abdulhamid had asked to attend, made a real difference when a dispute arose about one name.

Two problems need attention before the follow-up committee meets:

1. The government's focal point for tracing has not yet been named. Without him, the monthly meeting cannot start.
2. Two families in the central provinces told us that relatives were questioned by the police after their return. This may be a misunderstanding, but it touches the guarantee against re-arrest, and I would prefer that you raise it with Mr Bouzayan directly rather than through us.

I would be grateful if you could keep this message within the mediation team.

With best regards,
Ingrid

--
Ingrid Åkerlund
Head of field operations
Humanitarian Tracing Bureau
""",
    },
    {
        "id": "nd-2022-press-release-withdrawn",
        "fmt": "txt",
        "enc": "utf-8-sig",
        "title_ar": "بيان صحفي بشأن إتمام المرحلة الأولى من تبادل الأسرى (مسحوب)",
        "date": "2022-01-28",
        "session": "nd-r3",
        "type": "press_release",
        "langs": ["ar"],
        "status": "withdrawn",
        "agents": [("مؤسسة سورفيك للسلام", "author")],
        "subjects": ["prisoner_exchange", "detainees"],
        "abstract_ar": "مسودة بيان صحفي أُعدّت قبل أوانها عن إتمام المرحلة الأولى من تبادل "
        "الأسرى، سُحبت لأن الطرفين اتفقا على عدم الإعلان قبل التنفيذ.",
        "places": ["بيت رمال"],
        "body": """
بيان صحفي — للنشر الفوري
مؤسسة سورفيك للسلام

اتفاق على تبادل الأسرى بين حكومة نوارية وحركة المرتفعات الشرقية

بيت رمال، ٢٨ كانون الثاني/يناير ٢٠٢٢ — ترحّب مؤسسة سورفيك للسلام بتوقيع حكومة نوارية وحركة المرتفعات الشرقية اتفاقاً لتبادل الأسرى والإفراج عن المحتجزين لأسباب إنسانية، في ختام الجولة الثالثة من الحوار الذي ترعاه المؤسسة منذ ربيع العام الماضي.

ويقضي الاتفاق بإجراء التبادل على مرحلتين، تشمل أولاهما المرضى والجرحى وكبار السن والقاصرين والنساء، كما ينشئ آلية مشتركة للبحث عن المفقودين بمشاركة المكتب الإنساني للتتبّع.

وقالت مديرة البرامج في المؤسسة: «هذا يومٌ للعائلات قبل أن يكون يوماً للسياسيين».

وأعربت المؤسسة عن شكرها للوفدين ولفريق الوساطة وللمكتب الإنساني للتتبّع، ودعت وسائل الإعلام إلى احترام خصوصية العائلات والامتناع عن تصوير عمليات التسليم.

ملاحظة من الأرشيف: سُحب هذا البيان قبل توزيعه بساعات، إذ اتفق الطرفان في اليوم الأخير للجولة على عدم الإعلان عن الاتفاق قبل إتمام المرحلة الأولى. ويُحتفظ به بوصفه وثيقة مسحوبة.
""",
    },
]
