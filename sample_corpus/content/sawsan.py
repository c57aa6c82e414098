"""Records of the Sawsan Plateau Community Dialogue on Grazing Land (Track III). Fictional.

Customary reconciliation (الصلح العشائري) appears only in Arabic records of this process.
"""

from __future__ import annotations

from typing import Any

PROCESS = "sawsan-grazing"

RECORDS: list[dict[str, Any]] = [
    {
        "id": "sg-2024-concept-note-ar",
        "fmt": "lo_pdf",
        "title_ar": "مذكرة مفاهيمية: حوار مجتمعي حول أراضي الرعي في هضبة السوسن",
        "title_en": "Concept note: a community dialogue on grazing land on the Sawsan Plateau",
        "date": "2024-07",
        "type": "concept_memo",
        "langs": ["ar"],
        "agents": [("مريم العجمي", "author"), ("جامعة بيت رمال", "convener")],
        "subjects": [
            "grazing_rights",
            "farmer_herder_conflict",
            "land_tenure",
            "dialogue_facilitation",
            "concept_note",
            "track_three_diplomacy",
            "womens_participation",
        ],
        "abstract_ar": "مقترح كلية الزراعة في جامعة بيت رمال لحوار بين الرعاة والمزارعين في "
        "هضبة السوسن بعد اشتباكات موسم ٢٠٢٤.",
        "abstract_en": "Proposal by the Faculty of Agriculture of the University of Bayt Rimal "
        "for a dialogue between herders and farmers after the 2024 clashes.",
        "places": ["هضبة السوسن", "تل السوسن", "بيت رمال"],
        "body": """
# مذكرة مفاهيمية

حوار مجتمعي حول أراضي الرعي في هضبة السوسن — كلية الزراعة، جامعة بيت رمال — تموز/يوليو ٢٠٢٤

أعدّتها الدكتورة مريم العجمي

## الخلفية

شهدت هضبة السوسن في ربيع ٢٠٢٤ ثلاثة اشتباكات بين رعاةٍ ينقلون قطعانهم نحو المراعي الصيفية ومزارعين وسّعوا حقولهم على مسارات الرعي القديمة، أسفرت عن جرح سبعة أشخاص ونفوق عشرات الرؤوس من الماشية. وقد تراجعت قدرة المجالس التقليدية على احتواء الخلافات بعد سنوات النزاع المسلح في نوارية، وتزايد اللجوء إلى السلاح.

## الفكرة

تقترح الكلية حواراً مجتمعياً يجمع وجهاء عشائر الرعاة وممثلي القرى الزراعية والنساء والشباب من الجانبين، في لقاءين على الأقل، أحدهما في الهضبة نفسها والآخر في الجامعة. ولا يهدف الحوار إلى إصدار أحكام، بل إلى رسم مسارات الرعي ونقاط المياه على خريطة يتفق عليها الجميع، ووضع قواعد موسمية للتنقل.

## فريق التيسير

تتولى التيسيرَ الدكتورة مريم العجمي من أبناء الهضبة، بمشاركة الشيخ عبد الحميد الصبّاغ الذي يحظى بثقة الرعاة والمزارعين معاً، وبدعم من وسيطة خارجية ذات خبرة في قضايا المياه هي السيدة أستريد سولفانغ.

## المنهجية

- جلسات استماع منفصلة لكل فئة قبل اللقاء المشترك؛
- رسم الخرائط بالمشاركة، باستخدام صور جوية تقدّمها الكلية؛
- الاستناد إلى الأعراف المحلية في فض النزاعات، ومنها الصلح العشائري؛
- إشراك النساء في لجنة المياه، لأنهن الأكثر معرفة بالآبار والينابيع.

## المخرجات المتوقعة

خريطة مشتركة لمسارات الرعي، وميثاق موسمي تلتزم به الأطراف، ولجنة محلية دائمة لمتابعة الخلافات.
""",
    },
    {
        "id": "sg-2024-s1-minutes-ar",
        "fmt": "lo_pdf",
        "title_ar": "محضر اللقاء المجتمعي الأول في تل السوسن",
        "title_en": "Minutes of the first community meeting at Tall al-Sawsan",
        "date": "2024-09-10",
        "session": "sg-s1",
        "type": "minutes",
        "langs": ["ar"],
        "agents": [
            ("مريم العجمي", "ميسّر"),
            ("عمر أبو حمدان", "participant"),
            ("سليمان الزين", "participant"),
            ("الشيخ عبد الحميد الصباغ", "mediator"),
        ],
        "subjects": [
            "grazing_rights",
            "farmer_herder_conflict",
            "land_tenure",
            "customary_mediation",
            "blood_money",
            "intercommunal_dialogue",
        ],
        "abstract_ar": "محضر اللقاء الأول: سرد الطرفين لأحداث الربيع، والاتفاق على رسم "
        "المسارات، وعرض الصلح العشائري لتسوية دماء الاشتباك الأخير.",
        "abstract_en": "Minutes of the first meeting: both sides' accounts of the spring "
        "clashes, agreement to map the routes, and an offer of customary "
        "settlement for the last clash.",
        "places": ["تل السوسن", "هضبة السوسن"],
        "body": """
# محضر اللقاء المجتمعي الأول

مدرسة قرية تل السوسن — ١٠ أيلول/سبتمبر ٢٠٢٤

## الحضور

حضر اللقاءَ نحو أربعين شخصاً، منهم وجهاء من عشائر الرعاة يتقدمهم الحاج عمر أبو حمدان، وممثلون عن القرى الزراعية يتقدمهم السيد سليمان الزين رئيس الجمعية التعاونية، وإحدى عشرة امرأة وعدد من الشباب. ويسّرت اللقاءَ الدكتورة مريم العجمي، بحضور الشيخ عبد الحميد الصباغ والسيدة أستريد سولفانغ.

## الافتتاح

افتتح الشيخ عبد الحميد الصباغ اللقاء بالتذكير بأن الهضبة «وسِعَت آباءنا جميعاً»، وبأن الأرض التي تتسع للقطيع والسنبلة معاً لا ينبغي أن تضيق بأهلها.

## رواية الرعاة

قال الحاج عمر أبو حمدان إن مسارات الرعي معروفة منذ أيام الأجداد، وإن القطعان كانت تعبر الهضبة في الربيع دون أن يعترضها أحد، حتى بدأت الحقول تزحف على المسارات بعد الحرب. وأضاف أن الرعاة لم يعودوا يجدون ماءً في الآبار التي حُفرت حولها الأسوار.

## رواية المزارعين

ردّ السيد سليمان الزين بأن كثيراً من الأسر الزراعية عادت إلى القرى بعد النزوح فوجدت أراضيها بوراً، فاضطرت إلى توسيع الزراعة لتعيش. وأشار إلى أن قطعاناً دخلت حقول القمح قبل الحصاد في نيسان الماضي وأتلفت محصول عائلات بأكملها.

## صوت النساء

تحدثت ثلاث نساء من الجانبين عن الينابيع الصغيرة التي جفّت أو سُدّت، واقترحن أن تكون نقاط المياه أول ما يُرسم على الخريطة.

## الصلح العشائري

عرض الشيخ عبد الحميد أن تُسوّى قضية الشاب الذي جُرح في اشتباك أيار عن طريق الصلح العشائري، بحيث تُدفع الديّة وتُعلن «الجيرة» بين العائلتين. وقبل الطرفان مبدئياً أن يُعقد مجلس الصلح قبل اللقاء الثاني.

## القرارات

- تُشكَّل مجموعة صغيرة لرسم مسارات الرعي ونقاط المياه على صور جوية تقدّمها الجامعة؛
- تُعقد جلسات استماع منفصلة للنساء والشباب؛
- يُعقد اللقاء الثاني في كلية الزراعة بجامعة بيت رمال في الربيع المقبل.
""",
    },
    {
        "id": "sg-2024-s1-participants-ar",
        "fmt": "docx",
        "title_ar": "قائمة الحضور في اللقاء المجتمعي الأول",
        "title_en": "Attendance list of the first community meeting",
        "date": "2024-09-10",
        "session": "sg-s1",
        "type": "participant_list",
        "langs": ["ar"],
        "access": "staff",
        "agents": [
            ("عمر ابو حمدان", "participant"),
            ("سليمان الزين", "participant"),
            ("مريم العجمي", "facilitator"),
            ("رامي سعيد", "interpreter"),
        ],
        "subjects": [
            "confidentiality",
            "grazing_rights",
            "farmer_herder_conflict",
            "youth_participation",
        ],
        "abstract_ar": "قائمة الحضور في اللقاء الأول موزعةً بحسب الفئات، مع ملاحظات عن التمثيل.",
        "abstract_en": "Attendance list of the first meeting by group, with notes on "
        "representation.",
        "places": ["تل السوسن"],
        "body": """
# قائمة الحضور

اللقاء المجتمعي الأول — تل السوسن، ١٠ أيلول/سبتمبر ٢٠٢٤

## وجهاء عشائر الرعاة

- الحاج عمر ابو حمدان
- السيد عوّاد الحربي
- السيد منصور أبو جابر
- السيد فرحان العبيدي

## ممثلو القرى الزراعية

- السيد سليمان الزين، رئيس الجمعية التعاونية في تل السوسن
- السيد إبراهيم الخالدي، مختار قرية عين الورد
- السيدة نجوى الشامي، عضو مجلس القرية

## النساء

- إحدى عشرة مشاركة من الجانبين (الأسماء محفوظة لدى الميسّرة بناءً على طلبهن)

## الشباب

- سبعة مشاركين، منهم أربعة من أبناء الرعاة وثلاثة من أبناء المزارعين

## فريق التيسير

- الدكتورة مريم العجمي، جامعة بيت رمال
- الشيخ عبد الحميد الصباغ
- السيدة أستريد سولفانغ
- السيد رامي سعيد (ترجمة همسية للسيدة سولفانغ)

## ملاحظات

- غاب ممثل قرية الزيتونة بسبب عزاء، ووعد بالمشاركة في اللقاء الثاني.
- طلب بعض الرعاة ألا تُنشر أسماؤهم خشية أن يُفهم حضورهم تنازلاً.
- استمر اللقاء أربع ساعات بعد صلاة الظهر، وقدّمت نساء القرية الطعام للحضور من الجانبين.
""",
    },
    {
        "id": "sg-2024-s1-field-notes",
        "fmt": "txt",
        "enc": "utf-8",
        "title_en": "Field notes after the first community meeting",
        "date": "2024-09-12",
        "session": "sg-s1",
        "type": "report",
        "langs": ["en"],
        "status": "draft",
        "agents": [
            ("Astrid Solvang", "author"),
            ("Mariam El-Ajami", "facilitator"),
            ("Omar Abou Hamdane", "participant"),
            ("Soliman El Zein", "participant"),
        ],
        "subjects": ["grazing_rights", "farmer_herder_conflict", "womens_participation"],
        "abstract_en": "Draft field notes by the outside mediator on the first meeting, "
        "following it through whispered interpretation.",
        "places": ["Tall al-Sawsan", "Sawsan Plateau"],
        "body": """
Field notes — Sawsan Plateau, first community meeting
Astrid Solvang — 12 September 2024 — DRAFT, not for circulation

I followed the meeting through whispered interpretation by Rami Saʿid, who grew up two valleys away and knows both families of the man wounded in May. Several times he stopped translating to tell me what a phrase "really meant": an elder's mention of "the year of the locusts" was a reminder that his clan had once fed the farmers' village in a famine. Without that, I would have taken it for small talk.

Mariam El-Ajami held the room with remarkable calm. She let each side tell its story to the end and never summarised on their behalf. When Omar Abou Hamdane and Soliman El Zein began to raise their voices, she asked the women at the back to speak about the springs, and the temperature dropped at once.

Observations:
- The herders' grievance is about water more than land. Fences around wells are the real trigger.
- The farmers' grievance is about crops before harvest. A calendar, not a map, may solve most of it.
- The women know where every spring is. They should lead the mapping of water points.
- Young people from both sides sat together at the back and left together. Worth building on.

My own role should stay small. The elders listen to Sheikh Abdulhamid and to Mariam; an outsider's voice helps only on technical questions, such as how other regions time grazing around harvests.

Open questions for the second meeting:
- Will the farmers accept seasonal corridors through fields after harvest?
- Who will keep the map, and who may change it?

To be revised after talking to Mariam.
""",
    },
    {
        "id": "sg-2025-s2-minutes-ar",
        "fmt": "lo_pdf",
        "title_ar": "محضر اللقاء المجتمعي الثاني: مسارات الرعي وهدنة الحصاد",
        "title_en": "Minutes of the second community meeting: grazing corridors and the "
        "harvest truce",
        "date": "2025-03-18",
        "session": "sg-s2",
        "type": "minutes",
        "langs": ["ar"],
        "agents": [
            ("مريم عجمي", "facilitator"),
            ("عمر أبو حمدان", "participant"),
            ("سليمان زين", "participant"),
            ("عبد الحميد الصبّاغ", "mediator"),
        ],
        "subjects": [
            "grazing_rights",
            "farmer_herder_conflict",
            "land_tenure",
            "customary_mediation",
            "draft_agreement",
            "transhumance_routes",
            "blood_money",
        ],
        "abstract_ar": "محضر اللقاء الثاني في جامعة بيت رمال: إقرار خريطة المسارات، "
        "والاتفاق على هدنة الحصاد، وإعلان إتمام الصلح العشائري.",
        "abstract_en": "Minutes of the second meeting: route map approved, harvest truce agreed, "
        "customary settlement completed.",
        "places": ["بيت رمال", "هضبة السوسن", "عين الورد"],
        "body": """
# محضر اللقاء المجتمعي الثاني

كلية الزراعة، جامعة بيت رمال — ١٨ آذار/مارس ٢٠٢٥

## أولاً: ما جرى منذ اللقاء الأول

أعلن الشيخ عبد الحميد الصبّاغ أن مجلس الصلح العشائري انعقد في تشرين الثاني الماضي في مضافة الحاج عمر أبو حمدان، وأن عائلة الشاب الجريح قبلت الديّة وأسقطت حقها، فصافح الطرفان بعضهما أمام الحضور. وقوبل الإعلان بالتصفيق.

## ثانياً: الخريطة المشتركة

عرضت مجموعة الخرائط، وأغلبها من النساء والشباب، خريطةً تُظهر أربعة مسارات رئيسية للرعي، وسبع عشرة نقطة مياه، منها خمس آبار مسوّرة. وناقش الحاضرون كل مسار على حدة، وأُدخلت تعديلات على المسار الثالث قرب عين الورد بطلب من المزارعين.

## ثالثاً: هدنة الحصاد

اقترح السيد سليمان زين أن تُمنع القطعان من دخول الحقول المزروعة بين منتصف نيسان ونهاية حزيران، على أن تُفتح الحقول للرعي بعد الحصاد مباشرة. وقال الحاج عمر أبو حمدان إن الرعاة يقبلون ذلك إذا فُتحت لهم الآبار المسوّرة في الفترة نفسها. واتفق الجميع على تسمية هذا الترتيب «هدنة الحصاد».

## رابعاً: لجنة الهضبة

تقرر تشكيل لجنة دائمة من أحد عشر عضواً: أربعة من الرعاة، وأربعة من المزارعين، وامرأتين، وممثل عن الجامعة، تجتمع مرة كل شهرين وكلما وقع خلاف.

## خامساً: الميثاق

كُلّفت الدكتورة مريم عجمي بصياغة ميثاق مكتوب يتضمن ما سبق، يُتلى على الحاضرين ويوقّعه الوجهاء قبل نهاية اللقاء.

## سادساً: الختام

وُقّع الميثاق عصر اليوم نفسه، وأُعلن أن نسخة منه ستُعلَّق في مدرسة تل السوسن وفي مضافة العشيرة.
""",
    },
    {
        "id": "sg-2025-s2-charter-ar",
        "fmt": "docx",
        "title_ar": "ميثاق هدنة الحصاد ومسارات الرعي في هضبة السوسن",
        "date": "2025-03-18",
        "session": "sg-s2",
        "type": "agreement",
        "langs": ["ar"],
        "agents": [
            ("عمر أبو حمدان", "signatory"),
            ("سليمان الزين", "signatory"),
            ("مريم العجمي", "author"),
        ],
        "subjects": [
            "grazing_rights",
            "farmer_herder_conflict",
            "land_tenure",
            "customary_mediation",
            "transhumance_routes",
            "agriculture",
        ],
        "abstract_ar": "الميثاق الموقّع بين وجهاء الرعاة والمزارعين: مسارات الرعي، وهدنة "
        "الحصاد، وفتح الآبار، ولجنة الهضبة.",
        "places": ["هضبة السوسن", "تل السوسن"],
        "body": """
# ميثاق هدنة الحصاد ومسارات الرعي في هضبة السوسن

بيت رمال، ١٨ آذار/مارس ٢٠٢٥

نحن الموقّعين أدناه، من وجهاء عشائر الرعاة وممثلي القرى الزراعية في هضبة السوسن، حرصاً على الجيرة التي جمعت آباءنا، وصوناً للدماء والأرزاق، نتعاهد على ما يأتي:

## البند الأول: مسارات الرعي

تُعتمد المسارات الأربعة المرسومة على الخريطة المرفقة مساراتٍ للرعي، ولا يجوز زرعها أو تسويرها، ويلتزم الرعاة بعدم الخروج عنها في موسم الزراعة.

## البند الثاني: هدنة الحصاد

تمتنع القطعان عن دخول الحقول المزروعة من منتصف نيسان/أبريل إلى نهاية حزيران/يونيو من كل عام، وتُفتح الحقول للرعي بعد الحصاد.

## البند الثالث: الآبار والينابيع

تُفتح الآبار المسوّرة الخمس للرعاة خلال فترة الهدنة، وتتولى النساء في لجنة الهضبة متابعة نظافة الينابيع وحمايتها من السدّ أو الردم.

## البند الرابع: لجنة الهضبة

تتولى لجنة الهضبة النظر في أي خلاف ينشأ عن هذا الميثاق، فإن عجزت عن حلّه أُحيل إلى الصلح العشائري برعاية الشيخ عبد الحميد الصبّاغ.

## البند الخامس: المراجعة

يُراجَع هذا الميثاق بعد موسمين، ويجوز تعديله باتفاق الطرفين.

وعلى هذا تعاهدنا، والوفاء بالعهد من شيم أهل الهضبة.

عن عشائر الرعاة: الحاج عمر أبو حمدان
عن القرى الزراعية: سليمان الزين
حُرّر بحضور الميسّرة الدكتورة مريم العجمي
""",
    },
    {
        "id": "sg-2025-s2-summary",
        "fmt": "docx",
        "title_en": "Summary of the Sawsan Plateau community dialogue for partners",
        "date": "2025-03-25",
        "session": "sg-s2",
        "type": "report",
        "langs": ["en"],
        "agents": [("Maryam al-Ajami", "author"), ("University of Bayt Rimal", "convener")],
        "subjects": [
            "grazing_rights",
            "farmer_herder_conflict",
            "land_tenure",
            "process_evaluation",
            "womens_participation",
            "track_three_diplomacy",
        ],
        "abstract_en": "Short English summary for funders of the two meetings, the route map, "
        "the seasonal charter and the new plateau committee.",
        "places": ["Sawsan Plateau", "Bayt Rimal", "Tall al-Sawsan"],
        "body": """
# Sawsan Plateau community dialogue: summary for partners

Faculty of Agriculture, University of Bayt Rimal — Maryam al-Ajami — 25 March 2025

## What happened

Between September 2024 and March 2025 the Faculty facilitated a dialogue between herding clans and farming villages on the Sawsan Plateau, after clashes in spring 2024 left seven people wounded. Two community meetings were held, one in the village school of Tall al-Sawsan and one at the Faculty, with separate listening sessions for women and young people in between.

## Results

- A shared map of four grazing corridors and seventeen water points, drawn mainly by women and young people from both sides.
- A written seasonal charter, signed by elders of both communities on 18 March 2025, keeping herds out of cultivated fields during the harvest months and opening fenced wells to herders in the same period.
- A standing plateau committee of eleven members, including two women and a university representative.

## What worked

The facilitators were from the region or known to both communities, and the meetings were held in Arabic without interpretation, except for whispered interpretation for the outside mediator at the first meeting. Local customs for settling disputes were respected rather than replaced. The mapping exercise gave women, who know the springs best, a central role for the first time.

## Risks

The charter has no legal force. Its success depends on the next harvest season and on the authority of the elders. A dry year could reopen the dispute over water.

## Request

We ask partners to fund the plateau committee's meetings for two years and the repair of three springs identified on the map.
""",
    },
    {
        "id": "sg-2025-radio-transcript-ar",
        "fmt": "docx",
        "title_ar": "نص مقابلة إذاعية حول ميثاق هضبة السوسن",
        "title_en": "Transcript of a radio interview on the Sawsan Plateau charter",
        "date": "2025-04-02",
        "type": "transcript",
        "langs": ["ar"],
        "agents": [("مريم العجمي", "participant"), ("عمر أبو حمدان", "participant")],
        "subjects": [
            "grazing_rights",
            "farmer_herder_conflict",
            "customary_mediation",
            "womens_participation",
            "blood_money",
            "media",
        ],
        "abstract_ar": "نص مقابلة بثّتها إذاعة محلية مع الميسّرة وأحد وجهاء الرعاة حول "
        "الميثاق وهدنة الحصاد ودور النساء.",
        "abstract_en": "Transcript of a local radio interview with the facilitator and a herders' "
        "elder about the charter, the harvest truce and the role of women.",
        "places": ["هضبة السوسن", "تل السوسن"],
        "body": """
# نص مقابلة إذاعية

برنامج «صوت الهضبة» — إذاعة السوسن المحلية — ٢ نيسان/أبريل ٢٠٢٥

المذيع: مستمعينا الكرام، نرحّب بكم في حلقة اليوم، ومعنا الدكتورة مريم العجمي من جامعة بيت رمال، والحاج عمر أبو حمدان من وجهاء عشائر الرعاة. أهلاً بكما.

مريم العجمي: أهلاً بك وبالمستمعين.

المذيع: دكتورة، كثيرون سمعوا عن «ميثاق الهضبة». ما هو باختصار؟

مريم العجمي: هو اتفاق كتبه أهل الهضبة بأنفسهم. يحدد مسارات الرعي الأربعة، ويمنع دخول القطعان إلى الحقول في أشهر الحصاد، ويفتح الآبار المسوّرة للرعاة في الفترة نفسها. نحن في الجامعة لم نكتب شيئاً من عندنا، بل يسّرنا الحديث فقط.

المذيع: حاج عمر، هل يلتزم الرعاة فعلاً؟ فالورق شيء والأرض شيء آخر.

عمر أبو حمدان: يا ابني، الكلمة عندنا أثقل من الورق. حين يوقّع الوجيه باسم عشيرته فهو يرهن وجهه. ومن يخالف الميثاق يخالف كلمة الكبار، وهذا عيب لا يقبله أحد. ثم إن الرعاة أخذوا ما يحتاجون: الماء. فلماذا يخالفون؟

المذيع: وماذا عن الاشتباك الذي وقع العام الماضي؟

عمر أبو حمدان: انتهى بالصلح العشائري، والحمد لله. دُفعت الديّة وتصافحت العائلتان. ما عاد بيننا ثأر.

المذيع: دكتورة، لاحظ كثيرون أن النساء كان لهن دور بارز في الخريطة. لماذا؟

مريم العجمي: لأن النساء هن من يذهبن إلى الينابيع كل يوم. يعرفن أين جفّ النبع، وأين سُدّ، وأين يمكن إصلاحه. حين طلبنا منهن أن يرسمن نقاط المياه، رسمن سبع عشرة نقطة في ساعة واحدة. وهذا أقنع الرجال بأن يكون لهن مقعدان في لجنة الهضبة.

المذيع: كلمة أخيرة؟

عمر أبو حمدان: الهضبة تتّسع للجميع إن صفت النيّات.

مريم العجمي: وأقول للشباب: أنتم من سيحفظ هذا الميثاق بعدنا.

المذيع: شكراً لكما، وإلى اللقاء في حلقة قادمة.
""",
    },
    {
        "id": "sg-2025-press-release",
        "fmt": "docx",
        "title_en": "Herders and farmers of the Sawsan Plateau sign a seasonal charter",
        "date": "2025-03-20",
        "session": "sg-s2",
        "type": "press_release",
        "langs": ["en"],
        "access": "Public",
        "agents": [("University of Bayt Rimal", "author"), ("Mariam al-Ajami", "facilitator")],
        "subjects": ["grazing_rights", "farmer_herder_conflict", "land_tenure", "agriculture"],
        "abstract_en": "University press release announcing the signature of the seasonal "
        "charter and the creation of the plateau committee.",
        "places": ["Sawsan Plateau", "Bayt Rimal"],
        "body": """
# Press release

## Herders and farmers of the Sawsan Plateau sign a seasonal charter

University of Bayt Rimal — Office of Communications — 20 March 2025 — for immediate release

Elders of the herding clans and representatives of the farming villages of the Sawsan Plateau signed a seasonal charter on grazing and water on 18 March at the University's Faculty of Agriculture, concluding a community dialogue facilitated by the University since September 2024.

The charter sets out four grazing corridors that may not be ploughed or fenced, keeps herds out of cultivated fields during the harvest months, and opens five fenced wells to herders during the same period. A standing plateau committee of eleven members, including two women, will deal with any dispute arising from the charter.

"The people of the plateau wrote this text themselves," said Dr Mariam al-Ajami, lecturer at the Faculty of Agriculture, who facilitated the dialogue. "Our role was to make sure everyone could be heard, including the women who know every spring on the plateau."

The dialogue followed clashes in spring 2024 in which seven people were wounded. It was facilitated by Dr al-Ajami together with a respected religious scholar from the region and an outside mediator with experience of water disputes.

The University will publish the map of corridors and water points, with the agreement of the plateau committee, later this year.

Contact: Office of Communications, University of Bayt Rimal (press@bayt-rimal-university.example.org)
""",
    },
]
