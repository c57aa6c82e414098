"""Records of the Tashira–Hadrun Ceasefire Talks and Joint Border Commission (Track I).

Fictional. People from the Track II water dialogue reappear here in official roles.
"""

from __future__ import annotations

from typing import Any

PROCESS = "tashira-hadrun-ceasefire"

RECORDS: list[dict[str, Any]] = [
    {
        "id": "th-2023-envoy-concept",
        "fmt": "docx",
        "title_en": "The Joint Envoy's approach to the Tashira–Hadrun talks",
        "date": "2023-04-20",
        "type": "concept_memo",
        "langs": ["en"],
        "agents": [("Paweł Wróblewski", "author"), ("Council of Coastal States", "convener")],
        "subjects": [
            "ceasefire",
            "border_demarcation",
            "dialogue_facilitation",
            "transboundary_waters",
            "special_envoy",
            "sequencing",
            "concept_note",
        ],
        "abstract_en": "Memo by the Joint Envoy of the Council of Coastal States setting out "
        "the sequence of the talks: ceasefire first, then a border commission, "
        "with water as a later agenda item.",
        "places": ["Wadi Qarnun", "Port Amaril"],
        "body": """
# The Joint Envoy's approach to the Tashira–Hadrun talks

Paweł Wróblewski, Joint Envoy of the Council of Coastal States — 20 April 2023 — for members of the Council

## Situation

Since the clashes of August 2022 along the Wadi Qarnun, at least sixty soldiers and thirty-one civilians have been killed on both sides. The border is not demarcated over a stretch of some forty kilometres, where the river has changed course twice since the old survey. Both capitals have now accepted the Council's good offices.

## Sequence

I propose to sequence the talks in three steps:

1. A ceasefire with a separation zone and a simple military hotline, to be agreed in the first two rounds.
2. A Joint Border Commission with a technical mandate to survey the disputed stretch and propose a line, to meet for the first time within two months of the ceasefire.
3. Questions of water-sharing, which lie at the root of the dispute, to be addressed only once the Commission is working.

## The team

I will be assisted by Hélène Marchetti, who brings experience of confidential processes with a private foundation, and by Professor Nour al-Din Sharaf, a hydrologist from the borderland who is trusted on both sides. Professor Sharaf took part in an unofficial dialogue on the basin between 2018 and 2020; several of its participants now hold official positions. The ideas from that dialogue, notably a joint drought declaration, will be useful at step three.

## Languages

Both delegations will work in Arabic. The Council will provide simultaneous interpretation into English for its own staff and for the record. I have asked that at least one interpreter come from the region, while recognising that either delegation may question the neutrality of an interpreter from the other side.

## Risks

A single incident in the separation zone could derail the talks. I recommend that the Council fund a small monitoring team from its own member states from the first day of the ceasefire.
""",
    },
    {
        "id": "th-2023-r1-opening-statement-ar",
        "fmt": "lo_pdf",
        "title_ar": "كلمة رئيس وفد مملكة حضرون في افتتاح الجولة الأولى",
        "title_en": "Opening statement of the head of the Hadruni delegation, first round",
        "date": "2023-06-05",
        "session": "th-r1",
        "type": "transcript",
        "langs": ["ar"],
        "agents": [("يوسف نصر الطويل", "participant"), ("بافيل فروبليفسكي", "mediator")],
        "subjects": ["ceasefire", "border_demarcation", "negotiating_delegation"],
        "abstract_ar": "النص الحرفي لكلمة السفير يوسف نصر الطويل في افتتاح المحادثات، "
        "يطالب فيها بوقف فوري لإطلاق النار وبترسيم الحدود وفق مسح قديم.",
        "abstract_en": "Verbatim opening statement of Ambassador Yusuf Nasr al-Tawil calling "
        "for an immediate ceasefire and a border based on the old survey.",
        "places": ["ميناء أماريل", "وادي قرنون"],
        "body": """
# كلمة رئيس وفد مملكة حضرون

السفير يوسف نصر الطويل — افتتاح الجولة الأولى من المحادثات، ميناء أماريل، ٥ حزيران/يونيو ٢٠٢٣

بسم الله الرحمن الرحيم

السيد المبعوث المشترك لمجلس الدول الساحلية،
السادة أعضاء وفد جمهورية تاشيرة،
السيدات والسادة،

أشكر مجلس الدول الساحلية على استضافته هذه المحادثات، وأشكر المبعوث المشترك السيد بافيل فروبليفسكي على جهوده الصبورة خلال الأشهر الماضية.

لقد جئنا إلى ميناء أماريل ونحن نحمل معنا أسماء الذين سقطوا على ضفاف وادي قرنون منذ آب/أغسطس الماضي، جنوداً ومدنيين، من بلدنا ومن البلد الجار. وإن أول ما نطلبه هو وقفٌ فوري وشامل لإطلاق النار، تراقبه جهة محايدة، وتُسحب بموجبه القوات إلى مسافة آمنة من مجرى النهر.

إن مملكة حضرون لا تريد الحرب، ولم تكن يوماً البادئة بها. غير أننا لا نستطيع القبول بأن تُفرض علينا حدود جديدة بقوة الأمر الواقع. إن المسح الحدودي القديم يظل في نظرنا المرجع الوحيد لأي ترسيم، ونحن مستعدون لأن تتولى لجنة فنية مشتركة تطبيقه على الأرض، مع مراعاة ما طرأ على مجرى النهر من تغيّرات.

ونودّ أن نؤكد أن الماء ليس ورقة للمساومة. فأهلنا في الوادي الأسفل يعيشون على هذا النهر منذ قرون، ولن نقبل بأي ترتيب يحرمهم من حقهم فيه. ومع ذلك فإننا ندرك أن مسألة المياه تحتاج إلى وقت وإلى ثقة، ولذلك نقبل أن تأتي في مرحلة لاحقة من هذه المحادثات.

السيدات والسادة،

إن شعبينا تجمعهما قرابة ولغة وتاريخ. وفي القرى الحدودية عائلاتٌ يعيش نصفها هنا ونصفها هناك. ولعلّ هذه الروابط هي أقوى ضمانة للسلام إن أحسنّا البناء عليها.

وشكراً لكم.
""",
    },
    {
        "id": "th-2023-r1-minutes",
        "fmt": "lo_pdf",
        "title_en": "Summary record of the first round of talks (Port Amaril, 5–8 June 2023)",
        "date": "2023-06-08",
        "session": "th-r1",
        "type": "minutes",
        "langs": ["en"],
        "embargo": "2025-06-30",
        "agents": [
            ("Pawel Wroblewski", "mediator"),
            ("Khalid al-Mansouri", "participant"),
            ("Youssef Nasr el-Tawil", "participant"),
            ("Leila el-Kasimi", "participant"),
            ("Faten El Khatib", "interpreter"),
            ("Daniel Whitcombe", "interpreter"),
        ],
        "subjects": ["ceasefire", "border_demarcation", "hotline", "impartiality", "buffer_zone"],
        "abstract_en": "Summary record of the first round: positions on a ceasefire and "
        "separation zone, the dispute over the interpreter, and agreement on "
        "a hotline.",
        "places": ["Port Amaril", "Wadi Qarnun"],
        "body": """
# Council of Coastal States — Office of the Joint Envoy

## Tashira–Hadrun talks: summary record of the first round, Port Amaril, 5–8 June 2023

## Delegations

Republic of Tashira: Major General Khalid al-Mansouri (head), Ms Leila el-Kasimi (adviser on water and border affairs), two military officers. Kingdom of Hadrun: Ambassador Youssef Nasr el-Tawil (head), Dr Mohamed Elhaddad (adviser), two military officers. Mediation: Joint Envoy Pawel Wroblewski, Ms Hélène Marchetti, Professor Nour al-Din Sharaf.

## 5 June — opening

Both heads of delegation delivered opening statements. Hadrun called for an immediate ceasefire and the old survey as the sole basis for the border. Tashira accepted a ceasefire in principle but said that the river's present course was the only practical line.

## 6 June — interpretation

The Tashiran delegation objected to interpretation by Ms Faten El Khatib, who was born in Hadrun, arguing that nuances in military terms could be coloured. The Hadruni delegation replied that she had interpreted for both sides in the earlier unofficial dialogue. The Envoy proposed that Ms El Khatib and Mr Daniel Whitcombe alternate by agenda item and that each delegation be free to ask for a re-reading of any passage. Both delegations accepted. Professor Sharaf observed privately that the objection was less about the interpreter than about being heard.

## 7 June — separation zone

Discussion of a separation zone on both banks. Tashira proposed two kilometres; Hadrun five. The Envoy suggested a zone varying with terrain, to be drawn on maps by military experts. General al-Mansouri and Ambassador el-Tawil met alone for forty minutes in the afternoon, for the first time.

## 8 June — outcome

- The delegations agreed to establish a military hotline between the two border commands within ten days.
- Military experts will meet in Port Amaril in July to draw a separation zone on common maps.
- A second round will take place in the autumn to finalise ceasefire arrangements.

Ms el-Kasimi and Dr Elhaddad, who knew each other from an earlier unofficial process, were asked by the Envoy to prepare a joint note on how water points in the separation zone would be managed.
""",
    },
    {
        "id": "th-2023-r1-ceasefire-arrangements-ar",
        "fmt": "lo_pdf",
        "title_ar": "ورقة عمل: ترتيبات وقف إطلاق النار والمنطقة العازلة",
        "date": "2023-06-08",
        "session": "th-r1",
        "type": "draft_agreement",
        "langs": ["ar"],
        "access": "reader",
        "agents": [("نور الدين شرف", "author"), ("بافيل فروبليفسكي", "mediator")],
        "subjects": [
            "ceasefire",
            "monitoring_mechanism",
            "border_demarcation",
            "buffer_zone",
            "hotline",
            "heavy_weapons",
        ],
        "abstract_ar": "ورقة عمل عربية من فريق الوساطة حول وقف إطلاق النار: المنطقة العازلة "
        "المتغيرة، والخط الساخن، وفريق المراقبة، ونقاط المياه داخل المنطقة.",
        "places": ["وادي قرنون", "ميناء أماريل"],
        "body": """
# ورقة عمل: ترتيبات وقف إطلاق النار والمنطقة العازلة

أعدّها نور الدين شرف بتكليف من المبعوث المشترك بافيل فروبليفسكي — ميناء أماريل، ٨ حزيران/يونيو ٢٠٢٣ — للنقاش فقط

## أولاً: وقف إطلاق النار

١. يلتزم الطرفان بوقفٍ شامل لإطلاق النار على امتداد حدود وادي قرنون، برّاً وجوّاً، يبدأ في الساعة السادسة من صباح اليوم التالي لتوقيع الاتفاق.

٢. يشمل وقف إطلاق النار الامتناع عن القصف المدفعي، والطلعات الجوية، والطائرات المسيّرة، وأعمال القنص، وزرع الألغام، وأي تحريك للقوات نحو خط التماس.

## ثانياً: المنطقة العازلة

٣. تُنشأ منطقة عازلة على ضفتي النهر، يتراوح عرضها بين كيلومترين وخمسة كيلومترات بحسب طبيعة الأرض، ويرسمها الخبراء العسكريون على خرائط مشتركة.

٤. لا يُسمح داخل المنطقة العازلة بوجود أي قوات أو أسلحة ثقيلة، ويُسمح بوجود الشرطة المحلية بأسلحتها الفردية.

٥. يحتفظ المزارعون والرعاة بحق الوصول إلى أراضيهم ومراعيهم داخل المنطقة، وفق ترتيبات تضعها لجنة محلية.

## ثالثاً: الخط الساخن

٦. يُنشأ خط اتصال مباشر بين قيادتَي المنطقتين الحدوديتين، يعمل على مدار الساعة، لمعالجة الحوادث فور وقوعها ومنع تصعيدها.

## رابعاً: المراقبة

٧. يتولى فريق مراقبة من الدول الأعضاء في مجلس الدول الساحلية التحققَ من الالتزام بوقف إطلاق النار، وتُتاح له حرية التنقل في المنطقة العازلة.

٨. يرفع الفريق تقارير دورية إلى المبعوث المشترك وإلى الطرفين، ويُحقق في أي خرق يُبلَّغ عنه.

## خامساً: نقاط المياه

٩. تبقى نقاط المياه وقنوات الري داخل المنطقة العازلة متاحةً لمستخدميها التقليديين من الجانبين، ويُمنع استخدامها لأغراض عسكرية أو قطعها.

١٠. تُحال المسائل المتعلقة بتقاسم مياه النهر إلى مرحلة لاحقة من المحادثات.
""",
    },
    {
        "id": "th-2023-r2-minutes-ar",
        "fmt": "lo_pdf",
        "title_ar": "محضر الجولة الثانية من محادثات تاشيرة وحضرون",
        "title_en": "Minutes of the second round of the Tashira–Hadrun talks",
        "date": "2023-11-22",
        "session": "th-r2",
        "type": "minutes",
        "langs": ["ar"],
        "embargo": "2033-11-22",
        "agents": [
            ("خالد المنصوري", "participant"),
            ("يوسف نصر الطويل", "participant"),
            ("ليلى قاسمي", "participant"),
            ("محمد الحداد", "participant"),
            ("بافيل فروبليفسكي", "mediator"),
            ("نورالدين شرف", "mediator"),
        ],
        "subjects": [
            "ceasefire",
            "border_demarcation",
            "monitoring_mechanism",
            "transboundary_waters",
            "buffer_zone",
            "compromise",
        ],
        "abstract_ar": "محضر الجولة الثانية: الاتفاق على خرائط المنطقة العازلة، والخلاف حول "
        "الحد الفاصل في المقطع المتنازع عليه، وتأجيل ملف المياه.",
        "abstract_en": "Minutes of the second round: separation-zone maps agreed, dispute over "
        "the line in the contested stretch, water issues deferred.",
        "places": ["ميناء أماريل", "وادي قرنون"],
        "body": """
# محضر الجولة الثانية

محادثات تاشيرة وحضرون — مقر مجلس الدول الساحلية، ميناء أماريل، ٢٠–٢٢ تشرين الثاني/نوفمبر ٢٠٢٣

## الحضور

وفد جمهورية تاشيرة برئاسة اللواء خالد المنصوري، وعضوية السيدة ليلى قاسمي. ووفد مملكة حضرون برئاسة السفير يوسف نصر الطويل، وعضوية الدكتور محمد الحداد. وفريق الوساطة برئاسة المبعوث المشترك بافيل فروبليفسكي، وعضوية السيدة هيلين ماركيتي والأستاذ نورالدين شرف.

## أولاً: خرائط المنطقة العازلة

عرض الخبراء العسكريون الخرائط المشتركة التي أعدّوها في تموز/يوليو، وأقرّها الوفدان مع تعديلين طفيفين قرب قرية الجسر. ولوحظ أن الخط الساخن الذي أُنشئ بعد الجولة الأولى عالج سبعة حوادث دون أن تتصاعد.

## ثانياً: المقطع المتنازع عليه

تمسّك الوفد الحضروني بالمسح القديم أساساً للترسيم، فيما تمسّك الوفد التاشيري بالمجرى الحالي للنهر. واقترح الأستاذ نورالدين شرف صيغة وسطاً: أن تعتمد اللجنة المشتركة للحدود المسح القديم مرجعاً، مع تفويضها باقتراح تعديلات حيث غيّر النهر مجراه، على أن تُعوَّض الأراضي المتأثرة بأراضٍ مماثلة أو بحقوق انتفاع. ووافق الوفدان على إدراج هذه الصيغة في مسودة الاتفاق مع وضعها بين معقوفين.

## ثالثاً: نقاط المياه

قدّمت السيدة ليلى قاسمي والدكتور محمد الحداد مذكرتهما المشتركة حول نقاط المياه داخل المنطقة العازلة. واقترحا لجنة محلية من المزارعين والرعاة من الجانبين لتنظيم الوصول إليها. ورحّب المبعوث بالمذكرة ووصفها بأنها «أول نص يكتبه الطرفان معاً».

## رابعاً: مسودة الاتفاق

ناقش الوفدان مسودة ثنائية اللغة لاتفاق وقف إطلاق النار وإنشاء اللجنة المشتركة للحدود. وبقيت ثلاث نقاط معلّقة بين معقوفين: عرض المنطقة العازلة في قطاع التلال، وصيغة الترسيم، وموعد الاجتماع الأول للجنة.

## خامساً: الخطوات التالية

يتشاور الوفدان مع عاصمتيهما، ويعود المبعوث إلى المنطقة في كانون الثاني/يناير ٢٠٢٤ في جولة مكوكية لحسم النقاط المعلّقة.
""",
    },
    {
        "id": "th-2023-r2-draft-agreement",
        "fmt": "lo_pdf",
        "title_en": "Draft agreement on a ceasefire and a Joint Border Commission (bracketed "
        "text of 22 November 2023)",
        "title_ar": "مشروع اتفاق بشأن وقف إطلاق النار وإنشاء لجنة مشتركة للحدود (نص ٢٢ "
        "تشرين الثاني/نوفمبر ٢٠٢٣)",
        "date": "2023-11-22",
        "session": "th-r2",
        "type": "draft_agreement",
        "langs": ["ar", "en"],
        "agents": [("Paweł Wróblewski", "mediator"), ("بافيل فروبليفسكي", "mediator")],
        "subjects": [
            "ceasefire",
            "border_demarcation",
            "monitoring_mechanism",
            "draft_agreement",
            "buffer_zone",
            "ceasefire_agreement",
        ],
        "abstract_en": "Bilingual working draft (English and Arabic, Arabic authentic) with "
        "bracketed passages on the width of the separation zone, the basis of "
        "delimitation and the Commission's first meeting.",
        "abstract_ar": "مسودة عمل ثنائية اللغة (الإنجليزية والعربية، والنص العربي هو المعتمد) "
        "تتضمن نصوصاً بين معقوفين حول عرض المنطقة العازلة وأساس الترسيم وموعد "
        "اجتماع اللجنة.",
        "places": ["Wadi Qarnun", "Port Amaril", "وادي قرنون"],
        "body": """
# Draft agreement between the Republic of Tashira and the Kingdom of Hadrun on a ceasefire and the establishment of a Joint Border Commission

Working draft of 22 November 2023, prepared by the Office of the Joint Envoy, Paweł Wróblewski — square brackets mark text not yet agreed — the Arabic text is authentic

## Article 1 — Ceasefire

1. The Parties shall observe a complete ceasefire along the Wadi Qarnun border, on land and in the air, from 06:00 on the day following signature.

2. The ceasefire covers artillery fire, air sorties, unmanned aircraft, sniping, the laying of mines and any movement of forces towards the line of contact.

## Article 2 — Separation zone

1. A separation zone is established on both banks of the river, as drawn on the common maps annexed to this Agreement.

2. Its width shall be between two and five kilometres [, and not less than four kilometres in the hills sector].

3. No armed forces or heavy weapons shall be present in the zone. Local police may carry individual weapons.

## Article 3 — Hotline and monitoring

1. The hotline established in June 2023 between the two border commands shall be maintained at all times.

2. A monitoring team of the Council of Coastal States shall verify compliance and enjoy freedom of movement in the zone.

## Article 4 — Joint Border Commission

1. A Joint Border Commission is established, composed of three members from each Party and chaired in turn by the heads of the two national sections.

2. The Commission shall survey the disputed stretch of the border and propose a line [on the basis of the old survey, adjusted where the river has changed course] [on the basis of the present course of the river].

3. The Commission shall hold its first meeting [within sixty days] [within ninety days] of the entry into force of this Agreement.

## Article 5 — Water points

Water points and irrigation channels within the separation zone shall remain available to their traditional users on both sides under arrangements made by a local committee.

---

# مشروع اتفاق بين جمهورية تاشيرة ومملكة حضرون بشأن وقف إطلاق النار وإنشاء لجنة مشتركة للحدود

مسودة عمل بتاريخ ٢٢ تشرين الثاني/نوفمبر ٢٠٢٣ أعدّها مكتب المبعوث المشترك بافيل فروبليفسكي — تدل المعقوفات على نصوص لم يُتفق عليها بعد — النص العربي هو المعتمد

## المادة الأولى: وقف إطلاق النار

١. يلتزم الطرفان بوقفٍ شامل لإطلاق النار على امتداد حدود وادي قرنون، برّاً وجوّاً، اعتباراً من الساعة السادسة من صباح اليوم التالي للتوقيع.

٢. يشمل وقف إطلاق النار القصف المدفعي، والطلعات الجوية، والطائرات المسيّرة، وأعمال القنص، وزرع الألغام، وأي تحريك للقوات نحو خط التماس.

## المادة الثانية: المنطقة العازلة

١. تُنشأ منطقة عازلة على ضفتي النهر وفق الخرائط المشتركة الملحقة بهذا الاتفاق.

٢. يتراوح عرضها بين كيلومترين وخمسة كيلومترات [على ألا يقل عن أربعة كيلومترات في قطاع التلال].

٣. لا يُسمح داخل المنطقة بوجود أي قوات مسلحة أو أسلحة ثقيلة، ويجوز للشرطة المحلية حمل الأسلحة الفردية.

## المادة الثالثة: الخط الساخن والمراقبة

١. يُحافَظ على الخط الساخن الذي أُنشئ في حزيران/يونيو ٢٠٢٣ بين قيادتَي المنطقتين الحدوديتين في جميع الأوقات.

٢. يتحقق فريق مراقبة تابع لمجلس الدول الساحلية من الالتزام بأحكام هذا الاتفاق، ويتمتع بحرية التنقل في المنطقة.

---

## المادة الرابعة: اللجنة المشتركة للحدود

١. تُنشأ لجنة مشتركة للحدود تتألف من ثلاثة أعضاء عن كل طرف، ويتناوب على رئاستها رئيسا القسمين الوطنيين.

٢. تتولى اللجنة مسح المقطع المتنازع عليه من الحدود واقتراح خط الحدود [استناداً إلى المسح القديم مع تعديله حيث غيّر النهر مجراه] [استناداً إلى المجرى الحالي للنهر].

٣. تعقد اللجنة اجتماعها الأول [خلال ستين يوماً] [خلال تسعين يوماً] من دخول هذا الاتفاق حيّز النفاذ.

## المادة الخامسة: نقاط المياه

تبقى نقاط المياه وقنوات الري داخل المنطقة العازلة متاحةً لمستخدميها التقليديين من الجانبين، وفق ترتيبات تضعها لجنة محلية.

## المادة السادسة: النفاذ

يدخل هذا الاتفاق حيّز النفاذ فور توقيعه، ويُحرَّر بالعربية والإنجليزية، ويكون النص العربي هو المرجع عند الاختلاف.
""",
    },
    {
        "id": "th-2023-r2-participants",
        "fmt": "docx",
        "title_en": "Second round: list of delegations, mediators and interpreters",
        "date": "2023-11-20",
        "session": "th-r2",
        "type": "participant_list",
        "langs": ["en"],
        "access": "staff",
        "vis": "hidden",
        "agents": [
            ("Khaled Mansoury", "participant"),
            ("Layla Qasimi", "participant"),
            ("Yousef al-Taweel", "participant"),
            ("Mohammed Haddad", "participant"),
            ("Dan Whitcombe", "interpreter"),
            ("Fatin al-Khateeb", "interpreter"),
        ],
        "subjects": ["confidentiality", "ceasefire", "negotiating_delegation", "impartiality"],
        "abstract_en": "Staff-only list of members of both delegations, the mediation team "
        "and interpreters at the second round.",
        "places": ["Port Amaril"],
        "body": """
# Second round of talks — list of participants

Port Amaril, 20–22 November 2023 — Office of the Joint Envoy — for internal use

## Republic of Tashira

- Maj. Gen. Khaled Mansoury, head of delegation
- Ms Layla Qasimi, adviser on water and border affairs
- Brig. Idris Karkouli, border command
- Lt. Col. Nabil Sayegh, military cartography

## Kingdom of Hadrun

- Ambassador Yousef al-Taweel, head of delegation
- Dr Mohammed Haddad, adviser on water
- Brig. Zuhair Obeidat, border command
- Maj. Rana Khouri, military cartography

## Office of the Joint Envoy

- Paweł Wróblewski, Joint Envoy
- Hélène Marchetti, senior adviser
- Prof. Nour al-Din Sharaf, adviser (borderland)
- Two political officers and one legal officer

## Interpreters

- Dan Whitcombe (English booth lead)
- Fatin al-Khateeb (Arabic–English; both delegations confirmed acceptance on 20 November)

## Monitoring team

- Liaison officer of the Council's monitoring team (observer, day 2 only)

Note: the Tashiran delegation asked that its military cartographers not be named in any record shared outside the Office.
""",
    },
    {
        "id": "th-2024-agreement",
        "fmt": "lo_pdf",
        "title_en": "Agreement on a ceasefire and the establishment of a Joint Border Commission",
        "date": "2024-02-28",
        "type": "agreement",
        "langs": ["en"],
        "agents": [
            ("Khaled al-Mansuri", "signatory"),
            ("Yusuf Nasr al-Tawil", "signatory"),
            ("Paweł Wróblewski", "mediator"),
            ("Council of Coastal States", "convener"),
        ],
        "subjects": [
            "ceasefire",
            "border_demarcation",
            "monitoring_mechanism",
            "ceasefire_agreement",
            "buffer_zone",
            "hotline",
        ],
        "abstract_en": "English text of the agreement signed in Port Amaril on 28 February "
        "2024: ceasefire, separation zone, hotline, monitoring and a Joint "
        "Border Commission.",
        "places": ["Port Amaril", "Wadi Qarnun"],
        "body": """
# Agreement between the Republic of Tashira and the Kingdom of Hadrun on a ceasefire and the establishment of a Joint Border Commission

Port Amaril, 28 February 2024 — English text (the Arabic text is authentic)

The Republic of Tashira and the Kingdom of Hadrun (the Parties), mindful of the ties of kinship, language and history between their peoples, regretting the loss of life along the Wadi Qarnun since August 2022, and grateful for the good offices of the Council of Coastal States, have agreed as follows:

## Article 1 — Ceasefire

The Parties shall observe a complete ceasefire along their common border, on land and in the air, from 06:00 on 29 February 2024.

## Article 2 — Separation zone

A separation zone between two and five kilometres wide, and not less than four kilometres in the hills sector, is established on both banks as shown on the annexed maps. No armed forces or heavy weapons shall be present in it.

## Article 3 — Hotline and monitoring

The hotline between the two border commands shall be maintained. A monitoring team of the Council shall verify compliance and report monthly to the Parties and to the Joint Envoy.

## Article 4 — Joint Border Commission

A Joint Border Commission of three members from each Party shall survey the disputed stretch and propose a line on the basis of the old survey, adjusted where the river has changed course, with compensation in land or in rights of use for those affected. It shall meet for the first time within sixty days.

## Article 5 — Water

Water points within the separation zone remain open to their traditional users. The Parties undertake to begin talks on the sharing of the waters of the Wadi Qarnun within one year.

## Article 6 — Entry into force

This Agreement enters into force on signature. Done in Arabic and English; in case of divergence the Arabic text prevails.

For the Republic of Tashira: Major General Khaled al-Mansuri

For the Kingdom of Hadrun: Ambassador Yusuf Nasr al-Tawil

Witnessed for the Council of Coastal States: Paweł Wróblewski, Joint Envoy
""",
    },
    {
        "id": "th-2024-agreement-ar",
        "fmt": "legacy_pdf",
        "title_ar": "اتفاق بين جمهورية تاشيرة ومملكة حضرون بشأن وقف إطلاق النار وإنشاء لجنة "
        "مشتركة للحدود",
        "title_en": "Agreement on a ceasefire and a Joint Border Commission (Arabic text)",
        "date": "2024-02-28",
        "type": "agreement",
        "langs": ["ar"],
        "agents": [
            ("خالد المنصوري", "signatory"),
            ("يوسف نصر الطويل", "signatory"),
            ("بافيل فروبليفسكي", "mediator"),
        ],
        "subjects": ["ceasefire", "border_demarcation", "ceasefire_agreement", "buffer_zone"],
        "abstract_ar": "النص العربي المعتمد لاتفاق ميناء أماريل، كما طبعته وزارة الخارجية في "
        "تاشيرة بنظامها القديم للطباعة.",
        "abstract_en": "Authentic Arabic text of the Port Amaril agreement, as printed by the "
        "Tashiran foreign ministry with its old typesetting system.",
        "places": ["ميناء أماريل", "وادي قرنون"],
        "body": """
# اتفاق بشأن وقف إطلاق النار وإنشاء لجنة مشتركة للحدود

بين جمهورية تاشيرة ومملكة حضرون — ميناء أماريل، 28 شباط/فبراير 2024

إن جمهورية تاشيرة ومملكة حضرون، إذ تستحضران روابط القربى واللغة والتاريخ بين شعبيهما، وإذ تأسفان لما أُزهق من أرواح على ضفاف وادي قرنون منذ آب/أغسطس 2022، وإذ تقدّران المساعي الحميدة لمجلس الدول الساحلية، قد اتفقتا على ما يأتي:

## المادة الأولى: وقف إطلاق النار

يلتزم الطرفان بوقف شامل لإطلاق النار على امتداد حدودهما المشتركة، برّاً وجوّاً، اعتباراً من الساعة السادسة من صباح 29 شباط/فبراير 2024.

## المادة الثانية: المنطقة العازلة

تُنشأ على ضفتي النهر منطقة عازلة يتراوح عرضها بين كيلومترين وخمسة كيلومترات، على ألا يقل عن أربعة كيلومترات في قطاع التلال، وفق الخرائط الملحقة، ولا يُسمح فيها بوجود قوات مسلحة أو أسلحة ثقيلة.

## المادة الثالثة: الخط الساخن والمراقبة

يُحافظ على الخط الساخن بين قيادتي المنطقتين الحدوديتين، ويتحقق فريق مراقبة تابع للمجلس من الالتزام بالاتفاق، ويرفع تقريراً شهرياً إلى الطرفين وإلى المبعوث المشترك.

## المادة الرابعة: اللجنة المشتركة للحدود

تُنشأ لجنة مشتركة للحدود من ثلاثة أعضاء عن كل طرف، تتولى مسح المقطع المتنازع عليه واقتراح خط الحدود استناداً إلى المسح القديم مع تعديله حيث غيّر النهر مجراه، وتعويض المتضررين بأراض مماثلة أو بحقوق انتفاع. وتعقد اجتماعها الأول خلال ستين يوماً.

## المادة الخامسة: المياه

تبقى نقاط المياه داخل المنطقة العازلة مفتوحة لمستخدميها التقليديين، ويتعهد الطرفان ببدء محادثات حول تقاسم مياه وادي قرنون خلال سنة واحدة.

## المادة السادسة: النفاذ

يدخل هذا الاتفاق حيّز النفاذ فور توقيعه، وحُرّر بالعربية والإنجليزية، ويكون النص العربي هو المرجع عند الاختلاف.

عن جمهورية تاشيرة: اللواء خالد المنصوري
عن مملكة حضرون: السفير يوسف نصر الطويل
شاهداً عن مجلس الدول الساحلية: بافيل فروبليفسكي، المبعوث المشترك
""",
    },
    {
        "id": "th-2024-r3-commission-report",
        "fmt": "txt",
        "enc": "utf-16",
        "title_en": "Report of the first meeting of the Joint Border Commission",
        "date": "2024-04-16",
        "session": "th-r3",
        "type": "report",
        "langs": ["en"],
        "agents": [
            ("Nour El-Din Sharaf", "rapporteur"),
            ("Khaled al-Mansuri", "participant"),
            ("Yusuf al-Tawil", "participant"),
        ],
        "subjects": [
            "border_demarcation",
            "monitoring_mechanism",
            "ceasefire",
            "ceasefire_violations",
        ],
        "abstract_en": "Report of the Commission's first meeting at the Kilometre 40 border "
        "post: rules of procedure, survey plan and first incident review.",
        "places": ["Kilometre 40", "Wadi Qarnun"],
        "body": """
JOINT BORDER COMMISSION
Report of the first meeting — Kilometre 40 border post, Wadi Qarnun, 15–16 April 2024
Rapporteur: Prof. Nour El-Din Sharaf (Office of the Joint Envoy)

1. Opening

The Commission met for the first time in a tent set up on the old customs platform at Kilometre 40, half on each side of the border. Both national sections were led by deputies of the heads of delegation at the talks; General Khaled al-Mansuri and Ambassador Yusuf al-Tawil attended the opening. The meeting was held in Arabic without interpretation.

2. Rules of procedure

The Commission adopted rules of procedure providing for:
- a chair rotating every six months between the heads of the two national sections;
- decisions by consensus;
- records kept in Arabic, with an English summary prepared by the Office of the Joint Envoy;
- closed meetings, with a short public statement at the end of each.

3. Survey plan

The Commission agreed to survey the disputed stretch in three sections of about thirteen kilometres each, starting downstream. Each survey team will include surveyors from both sides, a representative of the local committee on water points, and an observer of the Council's monitoring team. Where the river has changed course, the teams will record both the old survey line and the present bank.

4. Incident review

The monitoring team reported four incidents since the ceasefire entered into force: two cases of livestock straying across the zone, one warning shot, and one drone sighting. All had been handled through the hotline. The Commission noted that no incident had caused casualties.

5. Next meeting

The Commission will meet again in June 2024 at the same place, after the first survey section.

Distribution: the Parties, the Joint Envoy, the monitoring team.
""",
    },
    {
        "id": "th-2024-r3-envoy-letter-scan",
        "fmt": "scan",
        "title_en": "Letter from the Joint Envoy to the co-chairs of the Joint Border "
        "Commission (signed copy)",
        "title_ar": "رسالة المبعوث المشترك إلى رئيسَي اللجنة المشتركة للحدود (نسخة موقعة)",
        "date": "2024-04-22",
        "session": "th-r3",
        "type": "correspondence",
        "langs": ["ar", "en"],
        "agents": [("Paweł Wróblewski", "author"), ("بافيل فروبليفسكي", "author")],
        "subjects": ["border_demarcation", "monitoring_mechanism", "donor_funding"],
        "abstract_en": "Scanned signed letter, Arabic then English, thanking the co-chairs "
        "after the first meeting and confirming funding for the survey teams.",
        "abstract_ar": "رسالة موقّعة ممسوحة ضوئياً بالعربية ثم الإنجليزية يشكر فيها المبعوث "
        "رئيسَي اللجنة ويؤكد تمويل فرق المسح.",
        "places": ["Port Amaril", "ميناء أماريل", "Kilometre 40"],
        "body": """
# مجلس الدول الساحلية — مكتب المبعوث المشترك

ميناء أماريل، ٢٢ نيسان/أبريل ٢٠٢٤

إلى رئيسَي القسمين الوطنيين في اللجنة المشتركة للحدود

تحية طيبة،

أودّ أن أشكركما على نجاح الاجتماع الأول للجنة عند مركز الكيلومتر 40، وأن أؤكد أن المجلس سيتحمّل نفقات فرق المسح الثلاث حتى نهاية العام. وأرجو موافاتي بأسماء المساحين قبل نهاية الشهر، وإبلاغي بأي صعوبات تواجه الفرق في الوصول إلى المقطع الأوسط، حتى نعالجها عبر الخط الساخن.

To the heads of the national sections of the Joint Border Commission.

Thank you for the success of the Commission's first meeting at Kilometre 40. I confirm that the Council will fund the three survey teams until the end of the year. Please send me the names of the surveyors before the end of the month, and let me know of any difficulty the teams meet in reaching the middle section, so that we can solve it through the hotline.

Paweł Wróblewski — Joint Envoy

بافيل فروبليفسكي — المبعوث المشترك
""",
    },
    {
        "id": "th-2024-r3-maps-note-ar",
        "fmt": "docx",
        "title_ar": "مذكرة سرية بشأن خرائط المقطع المتنازع عليه",
        "title_en": "Confidential note on the maps of the disputed stretch",
        "date": "2024-04-16",
        "session": "th-r3",
        "type": "correspondence",
        "langs": ["ar"],
        "access": "reader",
        "vis": "hidden",
        "embargo": "2031-06-30",
        "agents": [("نور الدين شرف", "author"), ("بافيل فروبليفسكي", "mediator")],
        "subjects": ["border_demarcation", "transboundary_waters", "groundwater", "compensation"],
        "abstract_ar": "مذكرة من الوسيط من الداخل إلى المبعوث حول تباين الخرائط القديمة "
        "والحديثة وأثره على القرى الحدودية وآبارها.",
        "abstract_en": "Note from the insider mediator to the Envoy on discrepancies between old "
        "and new maps and their effect on border villages and wells.",
        "places": ["وادي قرنون", "قرية الجسر", "الكيلومتر 40"],
        "body": """
# مذكرة سرية

من: نور الدين شرف
إلى: السيد بافيل فروبليفسكي، المبعوث المشترك
التاريخ: ١٦ نيسان/أبريل ٢٠٢٤
الموضوع: خرائط المقطع المتنازع عليه

أولاً: بعد مراجعة الخرائط التي قدّمها القسمان الوطنيان في الاجتماع الأول للجنة، تبيّن لي أن المسح القديم يضع الحدود على بُعد نحو ثمانمئة متر غرب المجرى الحالي عند قرية الجسر، ما يعني أن ثلاثة آبار يستخدمها أهل القرية منذ عقود ستقع على الجانب الآخر إذا طُبّق المسح حرفياً.

ثانياً: إن أهل قرية الجسر ينتمون في معظمهم إلى عائلتين لهما فروع على جانبي الحدود، وقد أبلغني كبارهم أنهم لا يعنيهم أين يُرسم الخط بقدر ما يعنيهم أن تبقى الآبار مفتوحة لهم. وأرى أن حقوق الانتفاع التي نصّ عليها الاتفاق يمكن أن تحلّ هذه المسألة إذا صيغت بعناية.

ثالثاً: لاحظتُ أن خريطة أحد القسمين تحمل تعديلات يدوية غير موقّعة في المقطع الأوسط. ولا أرى من الحكمة إثارة هذا الأمر في الاجتماع العام، وأقترح أن تبحثوه مع رئيس القسم المعني على انفراد.

رابعاً: أوصي بأن تبدأ فرق المسح من القطاع الأدنى كما تقرر، وبأن يُؤجَّل المقطع الأوسط إلى ما بعد موسم الحصاد، تجنباً لأي احتكاك مع المزارعين.

أرجو التعامل مع هذه المذكرة بسرية تامة، إذ إن ذكر العائلات والآبار بالاسم قد يعرّضها للضغط.

مع التقدير،
نور الدين شرف
""",
    },
    {
        "id": "th-2023-security-annex",
        "fmt": "txt",
        "enc": "utf-8-sig",
        "title_en": "Security arrangements for the delegations (administrative annex)",
        "date": "2023",
        "type": "report",
        "langs": ["en"],
        "access": "admin",
        "vis": "hidden",
        "agents": [("Council of Coastal States", "author")],
        "subjects": ["ceasefire", "confidentiality"],
        "abstract_en": "Administrative annex on the protection of delegations, hotels and "
        "movements in Port Amaril; restricted to administrators.",
        "places": ["Port Amaril"],
        "body": """
COUNCIL OF COASTAL STATES — SECURITY UNIT
Administrative annex: security arrangements for the delegations to the Tashira–Hadrun talks
2023 — restricted

1. Scope
This annex sets out the arrangements made by the Council's security unit for the delegations, the Office of the Joint Envoy and the interpreters during the rounds held in Port Amaril.

2. Accommodation
Each delegation is lodged in a separate hotel. The two hotels are on opposite sides of the old harbour, about fifteen minutes apart by car. The Office of the Joint Envoy and the interpreters are lodged at the Council's own guest residence. Floors are reserved in full; staff of the hotels are informed only that "a government delegation" is staying.

3. Movements
Delegations are driven to the Council's seat in vehicles of the security unit by different routes, which change each day. Departure times are communicated the evening before by the liaison officer of each delegation, not by telephone.

4. Meetings outside the programme
Private meetings between the heads of delegation, when requested, take place in a room on the fourth floor of the Council's seat, reached by a service lift. No photographs are taken.

5. Communications
Delegations are advised not to use hotel networks for confidential communications. The security unit provides a secure room at each hotel.

6. Incidents
No security incident was recorded during the first two rounds. A journalist who approached the Hadruni delegation's hotel in November was asked to leave by hotel security.

7. Retention
This annex is kept by the administration of the Council's archive. Access is restricted to administrators.
""",
    },
]
