"""Records of the Wadi Qarnun Basin Water Dialogue (Track II, 2018–2020). Fictional."""

from __future__ import annotations

from typing import Any

PROCESS = "wadi-qarnun"

RECORDS: list[dict[str, Any]] = [
    {
        "id": "wq-2018-concept-memo",
        "fmt": "docx",
        "title_en": "Concept memo: an unofficial dialogue on the waters of the Wadi Qarnun",
        "date": "2018-11",
        "type": "Concept memo",
        "langs": ["en"],
        "agents": [("Astrid Sølvang", "author"), ("Brennholt Institute for Dialogue", "convener")],
        "subjects": [
            "transboundary_waters",
            "dialogue_facilitation",
            "joint_fact_finding",
            "track_two_diplomacy",
            "concept_note",
        ],
        "abstract_en": "Proposal by the Brennholt Institute for a Track II dialogue between "
        "Tashiran and Hadruni water experts and former officials, with aims, "
        "participants, rules of confidentiality and a three-round plan.",
        "places": ["Wadi Qarnun", "Vesterholm"],
        "body": """
# Concept memo: an unofficial dialogue on the waters of the Wadi Qarnun

Brennholt Institute for Dialogue — prepared by Astrid Sølvang — November 2018

## Why now

The Wadi Qarnun rises in the highlands of the Republic of Tashira and reaches the Kingdom of Hadrun after some ninety kilometres. Three dry winters in a row have halved the flow measured at the border gauge, and each government now accuses the other of hiding data. Since the Joint Water Committee stopped meeting in 2016, there is no place where people who understand the river can talk to each other without speaking for the record.

## What we propose

An unofficial dialogue in three rounds over about fifteen months, convened by the Institute and held away from the region. Participants would take part in their personal capacity: former water officials, hydrologists, farmers' representatives and two or three people who are listened to in each capital. The meetings would follow the Chatham House rule. Nothing said would be attributed; no document would be published without the agreement of all.

## Aims

- Agree on which flow and rainfall data exist, who holds them and how they could be shared.
- Explore options for allocation in drought years, when the present informal arrangements break down.
- Draft a short set of principles that participants could carry back to their governments.
- Build working relationships between people who have not met since the committee was suspended.

## The team

The Institute would provide an outside facilitator, supported by a colleague with international experience of basin negotiations and by a respected hydrologist from the Qarnun borderland whose family lives on both sides of the border. We believe the mix matters: an outsider can ask naive questions, while only an insider will catch what is left unsaid.

## Languages

Working languages would be Arabic and English, with interpreters who know the region. Several participants have said they prefer to speak Arabic in the informal sessions.

## Budget and next steps

A budget is annexed separately. We propose a first round in Vesterholm in March 2019, after bilateral consultations in both capitals in January.
""",
    },
    {
        "id": "wq-2019-r1-participants",
        "fmt": "lo_pdf",
        "title_en": "Round 1 participant list",
        "title_ar": "قائمة المشاركين في الجولة الأولى",
        "date": "2019-03-12",
        "session": "wq-r1",
        "type": "participant_list",
        "langs": ["ar", "en"],
        "access": "staff",
        "vis": "hidden",
        "agents": [
            ("Mohamed El-Haddad", "participant"),
            ("Leila Kasimi", "participant"),
            ("Faten al-Khatib", "interpreter"),
            ("Daniel Whitcombe", "interpreter"),
            ("Astrid Sølvang", "facilitator"),
            ("Nour al-Din Sharaf", "mediator"),
        ],
        "subjects": ["transboundary_waters", "confidentiality", "chatham_house_rule"],
        "abstract_en": "Bilingual list of participants, facilitators and interpreters of the "
        "first round, with affiliations given in a personal capacity.",
        "abstract_ar": "قائمة ثنائية اللغة بأسماء المشاركين والميسّرين والمترجمين في الجولة "
        "الأولى مع صفاتهم الشخصية.",
        "places": ["Vesterholm"],
        "body": """
# قائمة المشاركين — Participant list

حوار مياه حوض وادي قرنون — الجولة الأولى، فيسترهولم، ١٢–١٤ آذار/مارس ٢٠١٩

Wadi Qarnun Basin Water Dialogue — Round 1, Vesterholm, 12–14 March 2019

## المشاركون من تاشيرة — Participants from Tashira

- ليلى القاسمي، نائبة وزير الموارد المائية سابقاً — Leila Kasimi, former deputy minister of water resources
- صابر العنبري، مهندس ري في سهل المنبع — Saber al-Anbari, irrigation engineer, upstream plain
- هدى الرفاعي، أستاذة في كلية الهندسة — Huda al-Rifai, professor of engineering

## المشاركون من حضرون — Participants from Hadrun

- محمد الحداد، المدير العام السابق لهيئة المياه — Mohamed El-Haddad, former director-general, Water Authority
- جميل الأحمر، ممثل مزارعي الوادي الأسفل — Jamil al-Ahmar, farmers of the lower valley
- سعاد الكبيسي، صحفية متخصصة في شؤون البيئة — Suad al-Kubaysi, environmental journalist

## فريق الوساطة — Mediation team

- أستريد سولفانغ، معهد برينهولت للحوار (ميسّرة) — Astrid Sølvang, Brennholt Institute (facilitator)
- بافيل فروبليفسكي (خبير دولي) — Paweł Wróblewski (international adviser)
- نور الدين شرف (وسيط من أهل المنطقة) — Nour al-Din Sharaf (insider mediator)

## المترجمون — Interpreters

- فاتن الخطيب — Faten al-Khatib
- دانيال ويتكومب — Daniel Whitcombe

ملاحظة: يشارك الجميع بصفتهم الشخصية، وتخضع هذه القائمة لقاعدة «تشاتام هاوس»، فلا يجوز تداولها خارج المشاركين.

Note: all take part in a personal capacity. This list is confidential to participants under the Chatham House rule.
""",
    },
    {
        "id": "wq-2019-r1-minutes",
        "fmt": "lo_pdf",
        "title_en": "Summary record of the first round (Vesterholm, 12–14 March 2019)",
        "date": "2019-03-14",
        "session": "wq-r1",
        "type": "minutes",
        "langs": ["en"],
        "agents": [
            ("Astrid Sølvang", "facilitator"),
            ("Mohamed El-Haddad", "participant"),
            ("Leila Kasimi", "participant"),
            ("Noureddine Charaf", "rapporteur"),
        ],
        "subjects": ["transboundary_waters", "joint_fact_finding", "drought"],
        "abstract_en": "Unattributed summary of the first round: the gauge data dispute, a "
        "proposal for a shared data protocol, and agreement to meet again in "
        "the autumn.",
        "places": ["Vesterholm", "Wadi Qarnun"],
        "body": """
# Wadi Qarnun Basin Water Dialogue

## Summary record of the first round — Vesterholm, 12–14 March 2019

Prepared by the rapporteur, Noureddine Charaf. Chatham House rule: views are not attributed, except for the opening and closing remarks by the facilitator.

## 1. Opening

Astrid Sølvang welcomed participants and recalled that no one present spoke for a government. She asked each participant to describe, in one sentence, what the river meant to their family. Several answers were given in Arabic and were left untranslated at the speakers' request; the facilitator later said that this moment "did more than the agenda".

## 2. The data question

Participants from downstream said the flow at the border gauge had fallen to forty per cent of its long-term average and that no explanation had been given. Participants from upstream answered that rainfall in the highlands had been the lowest recorded since 1961, and that new wells on both sides were drawing on the same aquifer. It emerged that the two water authorities use different rating curves for the same gauge, which alone explains part of the gap.

Mohamed El-Haddad and Leila Kasimi, who had last met across a negotiating table in 2015, proposed together that a small technical group compare the two rating curves before the next round.

## 3. Ideas for a data protocol

- monthly exchange of gauge readings at three stations;
- a joint visit to the border gauge by engineers of both sides;
- publication of a yearly "state of the river" note, written jointly.

Some participants warned that their ministries would see any exchange as a concession. Others answered that the protocol could start among universities.

## 4. Next steps

The technical group will report to the second round. The Institute will circulate an options paper on allocation in drought years. The second round will take place in October 2019, at a venue in the region acceptable to both sides.
""",
    },
    {
        "id": "wq-2019-r1-minutes-ar",
        "fmt": "lo_pdf",
        "title_ar": "محضر الجولة الأولى من حوار مياه حوض وادي قرنون",
        "title_en": "Minutes of the first round (Arabic version)",
        "date": "2019-03-14",
        "session": "wq-r1",
        "type": "محضر اجتماع",
        "langs": ["ar"],
        "agents": [
            ("أستريد سولفانغ", "facilitator"),
            ("محمد الحداد", "participant"),
            ("ليلى القاسمي", "participant"),
            ("نور الدين شرف", "rapporteur"),
        ],
        "subjects": ["transboundary_waters", "joint_fact_finding", "drought"],
        "abstract_ar": "النسخة العربية من محضر الجولة الأولى: الخلاف حول بيانات مقياس "
        "الحدود، واقتراح بروتوكول لتبادل البيانات، والاتفاق على جولة ثانية.",
        "places": ["فيسترهولم", "وادي قرنون"],
        "body": """
# محضـــر الجولة الأولى

حوار مياه حوض وادي قرنون — فيسترهولم، من ١٢ إلى ١٤ آذار/مارس ٢٠١٩

أعدّه المقرّر نور الدين شرف. تُطبَّق قاعدة «تشاتام هاوس»، فلا تُنسب الآراء إلى أصحابها باستثناء كلمتَي الافتتاح والختام.

## أولاً: الافتتاح

رحّبت الميسّرة أستريد سولفانغ بالمشاركين، وذكّرت بأن أحداً من الحاضرين لا يتحدث باسم حكومته. ثم طلبت من كل مشارك أن يصف بجملة واحدة ما يعنيه النهر لعائلته. وقد قال أحد المشاركين: «المَاءُ لا يَعْرِفُ الحُدُود»، فتحوّلت العبارة إلى شعار غير رسمي للجولة.

## ثانياً: مسألة البيانات

أفاد المشاركون من دولة المصب بأن التدفق عند مقياس الحدود انخفض إلى أربعين في المئة من معدله على المدى الطويل دون أي تفسير. وردّ المشاركون من دولة المنبع بأن الأمطار في المرتفعات كانت الأدنى منذ عام ١٩٦١، وبأن الآبار الجديدة على الجانبين تسحب من الخزان الجوفي نفسه. وتبيّن أن هيئتَي المياه تعتمدان منحنيين مختلفين لتقدير التدفق عند المقياس ذاته، وهو ما يفسّر جزءاً من الفارق.

واقترح محمد الحداد وليلى القاسمي معاً، وهما اللذان تقابلا آخر مرة على طاولة التفاوض عام ٢٠١٥، أن تقارن مجموعةٌ فنية صغيرة بين المنحنيين قبل الجولة المقبلة.

## ثالثاً: أفكار لبروتوكول البيانات

- تبادل شهري لقراءات ثلاث محطات قياس؛
- زيارة مشتركة لمقياس الحدود يقوم بها مهندسون من الجانبين؛
- إصدار مذكرة سنوية مشتركة عن «حالة النهر».

وحذّر بعض المشاركين من أن وزاراتهم ستعدّ أي تبادل للبيانات تنازلاً، فأجاب آخرون بأن البروتوكول يمكن أن يبدأ بين الجامعات.

## رابعاً: الخطوات التالية

تقدّم المجموعة الفنية تقريرها إلى الجولة الثانية، ويعمّم المعهد ورقة خيارات حول التوزيع في سنوات الجفاف. وتُعقد الجولة الثانية في تشرين الأول/أكتوبر ٢٠١٩ في مكان بالمنطقة يقبله الطرفان.
""",
    },
    {
        "id": "wq-2019-r1-letter-haddad",
        "fmt": "txt",
        "enc": "cp1256",
        "title_ar": "رسالة من محمد الحداد إلى الميسّرة بعد الجولة الأولى",
        "title_en": "Letter from Mohammed al-Haddad to the facilitator after the first round",
        "date": "2019-04-02",
        "session": "wq-r1",
        "type": "correspondence",
        "langs": ["ar"],
        "embargo": "2024-01-01",
        "agents": [("محمد الحدّاد", "author"), ("أستريد سولفانغ", "facilitator")],
        "subjects": ["joint_fact_finding", "relationship_building"],
        "abstract_ar": "رسالة شخصية يشكر فيها محمد الحداد الميسّرة ويقترح أسماء لمجموعة "
        "المقارنة الفنية ويحذّر من تسريب المحضر.",
        "abstract_en": "Personal letter thanking the facilitator, proposing names for the "
        "technical comparison group and warning against leaks of the minutes.",
        "places": ["وادي قرنون"],
        "body": """
السيدة أستريد سولفانغ المحترمة،
معهد برينهولت للحوار

تحية طيبة وبعد،

فأكتب إليكِ بعد عودتي من فيسترهولم لأشكركِ وفريقكِ على حسن التنظيم وعلى الصبر الذي أبديتموه في اليوم الثاني، حين كادت الجلسة تنفضّ بسبب خلافنا على الأرقام. لقد عملتُ في هيئة المياه ثلاثين عاماً، ولم أرَ من قبلُ زملاءنا من تاشيرة يتحدثون بهذه الصراحة عن آبارهم الجديدة.

وقد اتفقتُ مع السيدة ليلى القاسمي على أن نرشّح للمجموعة الفنية مهندسَين من كل جانب، على أن يكونا من العاملين سابقاً في محطات القياس لا من موظفي الوزارات الحاليين، تفادياً للحرج. وأقترح من جانبنا المهندس جميل الأحمر، فهو يعرف مقياس الحدود شبراً شبراً، وقد أمضى في المحطة عشرين شتاءً.

غير أنني أودّ أن أنبّه إلى أمر يقلقني: فقد سألني صحفي في العاصمة قبل أسبوع عن «لقاء سري مع التاشيريين». ولا أعلم كيف وصل إليه الخبر، لكنني أرجو أن يبقى المحضر محصوراً في المشاركين، وأن تُحذف منه أي إشارة قد تدلّ على هوية المتحدثين. إن الثقة التي بنيناها في ثلاثة أيام يمكن أن تنهار بمقال واحد.

وختاماً، أرحّب بعقد الجولة الثانية في جامعة بيت رمال، فهي مكان محايد يرتاح إليه الجميع، ويسهل على المزارعين الوصول إليه.

وتفضّلي بقبول فائق الاحترام،

محمد الحدّاد
المدير العام السابق لهيئة المياه
2 نيسان/أبريل 2019
""",
    },
    {
        "id": "wq-2019-r2-options-paper",
        "fmt": "docx",
        "title_en": "Options paper: allocation of the Wadi Qarnun flow in drought years",
        "date": "2019-10-21",
        "session": "wq-r2",
        "type": "report",
        "langs": ["en"],
        "agents": [("Paweł Wróblewski", "author"), ("Astrid Solvang", "facilitator")],
        "subjects": ["transboundary_waters", "drought", "options_paper"],
        "abstract_en": "Four options for sharing the flow when it falls below a drought "
        "threshold, with their advantages and risks, prepared for the second "
        "round.",
        "places": ["Wadi Qarnun", "Bayt Rimal"],
        "body": """
# Options paper: allocation of the Wadi Qarnun flow in drought years

Prepared for the second round by Paweł Wróblewski, with comments from Astrid Solvang. Not a negotiating text.

## The problem

In normal years the Wadi Qarnun carries enough water for both riparian states, and the informal practice of "upstream takes what it needs, downstream takes the rest" has caused few complaints. In drought years this practice leaves the lower valley with almost nothing in late summer. The technical group has now shown that the two authorities' flow figures differ mainly because of their rating curves; once corrected, both sides agree that the mean flow at the border fell by a third over the last decade.

## Option A — fixed percentage

Each state receives a fixed share of the flow measured at the border gauge, for example 55/45. Simple to monitor; but it ignores that upstream use happens before the gauge.

## Option B — guaranteed minimum flow

Tashira guarantees a minimum monthly flow at the border, lowered in declared drought years. Predictable for farmers downstream; demands trust in the declaration of a drought.

## Option C — joint drought declaration

A joint technical panel declares drought stages from agreed indicators (rainfall, reservoir level, gauge flow). Each stage triggers pre-agreed cuts on both sides. Shares the burden; needs the data protocol to work.

## Option D — compensation and exchange

Water shortfalls downstream are compensated by electricity or cross-border trade concessions. Flexible; risks turning water into a bargaining chip in unrelated disputes.

## Questions for the round

- Which indicators would each side accept for a drought declaration?
- Who would sit on a joint panel, and could it include non-officials?
- How would farmers and pastoralists be heard?

Participants are invited to combine options rather than choose one. Option C has drawn most interest in the bilateral consultations.
""",
    },
    {
        "id": "wq-2019-r2-minutes-ar",
        "fmt": "legacy_pdf",
        "title_ar": "محضر الجولة الثانية: خيارات التوزيع في سنوات الجفاف",
        "date": "2019-10-23",
        "session": "wq-r2",
        "type": "minutes",
        "langs": ["ar"],
        "agents": [
            ("نور الدين شرف", "rapporteur"),
            ("محمد حداد", "participant"),
            ("ليلى القاسمي", "participant"),
            ("فاتن الخطيب", "interpreter"),
        ],
        "subjects": ["transboundary_waters", "drought", "options_paper"],
        "abstract_ar": "محضر الجولة الثانية في جامعة بيت رمال: نتائج المجموعة الفنية، ومناقشة "
        "خيارات التوزيع، والتوافق على إعلان مشترك لمراحل الجفاف.",
        "abstract_en": "Minutes of the second round at Bayt Rimal: technical group findings, "
        "discussion of allocation options and convergence on a joint drought "
        "declaration.",
        "places": ["بيت رمال", "وادي قرنون"],
        "body": """
# محضر الجولة الثانية

حوار مياه حوض وادي قرنون — جامعة بيت رمال، 21–23 تشرين الأول/أكتوبر 2019

أعدّه المقرّر نور الدين شرف.

## أولاً: تقرير المجموعة الفنية

عرضت المجموعة الفنية نتائج مقارنة منحنيي التدفق عند مقياس الحدود. وقد اتفق المهندسون من الجانبين على أن الفارق بين أرقام الهيئتين يعود في معظمه إلى اختلاف المنحنيات، وعلى أن متوسط التدفق انخفض بنحو الثلث خلال العقد الأخير. واستقبل المشاركون هذه النتيجة بارتياح، إذ أزالت تهمة إخفاء البيانات التي تبادلها الطرفان طويلاً.

## ثانياً: مناقشة الخيارات

ناقش المشاركون الخيارات الأربعة الواردة في ورقة الخيارات. ورأى محمد حداد أن الحصة الثابتة لا تصلح لأن الاستهلاك في المنبع يقع قبل المقياس. وأبدت ليلى القاسمي استعداداً لبحث حد أدنى مضمون للتدفق، شريطة أن يُعلَن الجفاف بمؤشرات متفق عليها لا بقرار منفرد.

وتوافق معظم الحاضرين على أن الخيار الثالث، أي الإعلان المشترك لمراحل الجفاف، هو الأقرب إلى القبول، مع إمكانية الجمع بينه وبين حد أدنى للتدفق في أشهر الصيف.

## ثالثاً: أصوات المزارعين

طالب ممثل مزارعي الوادي الأسفل بأن يكون للمزارعين والرعاة مقعد في أي لجنة فنية مشتركة. وأيّده عدد من المشاركين من الجانبين، فيما رأى آخرون أن ذلك سابق لأوانه.

## رابعاً: الخطوات التالية

يعدّ فريق الوساطة مسودة مبادئ مختصرة تُعرض على الجولة الثالثة. وشكر المشاركون المترجمة فاتن الخطيب التي رافقت الوسيطين الخارجيين بالترجمة الهمسية طوال الجولة.
""",
    },
    {
        "id": "wq-2019-r2-communique",
        "fmt": "lo_pdf",
        "title_en": "Joint communiqué of the second round",
        "title_ar": "البيان الختامي المشترك للجولة الثانية",
        "date": "2019-10-23",
        "session": "wq-r2",
        "type": "communique",
        "langs": ["ar", "en"],
        "agents": [
            ("Brennholt Institute for Dialogue", "convener"),
            ("معهد برينهولت للحوار", "convener"),
        ],
        "subjects": ["transboundary_waters", "drought", "joint_fact_finding"],
        "abstract_en": "Short public communiqué, Arabic then English, announcing that the "
        "participants agreed on the value of a shared drought declaration.",
        "abstract_ar": "بيان علني قصير بالعربية ثم بالإنجليزية يعلن اتفاق المشاركين على "
        "أهمية الإعلان المشترك عن الجفاف.",
        "places": ["Bayt Rimal", "بيت رمال"],
        "body": """
# البيان الختامي المشترك

اختُتمت في جامعة بيت رمال يوم ٢٣ تشرين الأول/أكتوبر ٢٠١٩ الجولةُ الثانية من حوار غير رسمي حول مياه حوض وادي قرنون، دعا إليه معهد برينهولت للحوار، وشارك فيه خبراء ومسؤولون سابقون ووجهاء من البلدين بصفتهم الشخصية.

وقد أكّد المشاركون أن البيانات الموثوقة والمشتركة هي الأساس لأي تفاهم حول المياه، ورحّبوا بنتائج المقارنة الفنية لمنحنيات التدفق. كما اتفقوا على أهمية وضع مؤشرات مشتركة للإعلان عن مراحل الجفاف، وعلى ضرورة الاستماع إلى المزارعين والرعاة في دولتَي الحوض.

وسيواصل المشاركون عملهم في جولة ثالثة مطلع عام ٢٠٢٠.

---

# Joint communiqué

The second round of an unofficial dialogue on the waters of the Wadi Qarnun basin, convened by the Brennholt Institute for Dialogue, ended at the University of Bayt Rimal on 23 October 2019. Experts, former officials and community figures from both countries took part in a personal capacity.

Participants stressed that reliable, shared data are the basis of any understanding on water, and welcomed the results of the technical comparison of flow curves. They agreed on the importance of common indicators for declaring drought stages, and on the need to hear farmers and herders in both riparian states.

Participants will continue their work in a third round early in 2020.
""",
    },
    {
        "id": "wq-2020-r3-transcript",
        "fmt": "lo_pdf",
        "title_en": "Transcript of the closing plenary of the third round",
        "date": "2020-02-18",
        "session": "wq-r3",
        "type": "transcript",
        "langs": ["en"],
        "embargo": "2035-03-01",
        "agents": [
            ("Astrid Sølvang", "facilitator"),
            ("Muhammad al-Haddad", "participant"),
            ("Laila al-Qassimi", "participant"),
            ("Nur al-Din Sharaf", "mediator"),
            ("Pawel Wroblewski", "mediator"),
            ("Daniel Whitcombe", "interpreter"),
        ],
        "subjects": [
            "transboundary_waters",
            "drought",
            "draft_agreement",
            "idea_generation",
            "transfer_to_official_track",
        ],
        "abstract_en": "Edited English transcript (interpreted passages marked) of the plenary "
        "that discussed the draft principles; names kept with the participants' "
        "consent but closed until 2035.",
        "places": ["Vesterholm", "Wadi Qarnun"],
        "body": """
# Wadi Qarnun Basin Water Dialogue — Round 3

## Transcript of the closing plenary, Vesterholm, 18 February 2020

Edited transcript. Passages spoken in Arabic are given in the English of the interpreter on duty (Daniel Whitcombe) and marked [interpreted]. Recorded with the consent of all participants, on the understanding that the transcript stays closed for fifteen years.

ASTRID SØLVANG (facilitator): Good afternoon. We have the draft principles in front of us, in Arabic and in English. I suggest we go through them one by one, and that we do not try to agree on wording today. What I want to know is whether each principle is something you could defend at home.

NUR AL-DIN SHARAF: Before we start, a small point on the Arabic text. In principle two we wrote "equitable" as "عادل", which people at home will hear as "equal". I suggest "منصف". It is a small word, but in the lower valley it will be read very carefully.

MUHAMMAD AL-HADDAD [interpreted]: I agree with my friend. If the farmers read "equal", they will ask why they do not get half of the river. And then we lose them on the first day.

LAILA AL-QASSIMI: Upstream the problem is the opposite. If they read "equitable" they will think someone else decides what is fair. We need the drought indicators in the text itself, not in an annex nobody reads.

ASTRID SØLVANG: So principle two stays, with "منصف", and a reference to the indicators. Paweł?

PAWEL WROBLEWSKI: In other basins the indicators were the hardest part, not the principles. I would put three indicators in the text and leave their thresholds to the technical panel. Otherwise you will negotiate thresholds every summer.

---

## Principle three: the joint technical panel

MUHAMMAD AL-HADDAD [interpreted]: We said last time that farmers should have a seat. I still think so. A panel of engineers only will not be believed in the villages.

LAILA AL-QASSIMI: I can accept observers. A seat with a vote is something my former ministry would never sign.

NUR AL-DIN SHARAF: What about a seat that rotates between farmers' unions of both sides, with a voice but no vote for the first three years, and then we review?

ASTRID SØLVANG: I see nods. Let us note it as a proposal from the floor.

[Break of twenty minutes. During the break, participants from both sides continued in Arabic in small groups; the interpreters were not present.]

ASTRID SØLVANG: Welcome back. I am told there is a new idea.

LAILA AL-QASSIMI: Yes. Some of us think the panel should publish a short note every season, in both languages, even if the governments say nothing. If the numbers are public, nobody can accuse the other of hiding them.

MUHAMMAD AL-HADDAD [interpreted]: This is the "state of the river" note we discussed in the first round. I support it. It costs nothing and it builds trust.

PAWEL WROBLEWSKI: It also protects the panel. A panel that publishes is harder to dissolve quietly.

---

## Principle five: what happens to these principles

ASTRID SØLVANG: The last question is the most political. You are here in your personal capacity. What do you want to happen to this text?

NUR AL-DIN SHARAF: I would not give it to the governments as a text of this group. I would let each of us carry the ideas, separately. If it arrives as a document from Vesterholm, it will be rejected because of where it comes from.

LAILA AL-QASSIMI: I agree. But I would keep one signed copy here, with the Institute. One day, when there are official talks, someone will ask where the ideas came from.

MUHAMMAD AL-HADDAD [interpreted]: Let the Institute keep it, and let history judge us. I only ask that our names are not published while we are alive and working.

ASTRID SØLVANG: Noted. The Institute will keep the signed copy and this transcript closed. Thank you all. I think we have done something today that will outlast this room.

[End of the plenary, 17:40.]
""",
    },
    {
        "id": "wq-2020-r3-draft-principles",
        "fmt": "docx",
        "title_ar": "مشروع مبادئ تقاسم مياه حوض وادي قرنون",
        "title_en": "Draft principles for sharing the waters of the Wadi Qarnun basin",
        "date": "2020-02-19",
        "session": "wq-r3",
        "type": "draft_agreement",
        "langs": ["ar"],
        "access": "reader",
        "agents": [("نور الدين شرف", "author"), ("أستريد سولفانغ", "facilitator")],
        "subjects": [
            "transboundary_waters",
            "drought",
            "draft_agreement",
            "declaration_of_principles",
        ],
        "abstract_ar": "المسودة العربية لخمسة مبادئ لتقاسم المياه، منها الانتفاع المنصف "
        "والإعلان المشترك عن الجفاف ونشر مذكرة موسمية عن حالة النهر.",
        "abstract_en": "Arabic draft of five water-sharing principles, including equitable use, "
        "a joint drought declaration and a seasonal state-of-the-river note.",
        "places": ["وادي قرنون", "فيسترهولم"],
        "body": """
# مشروع مبادئ تقاسم مياه حوض وادي قرنون

مسودة للنقاش — الجولة الثالثة، فيسترهولم، ١٩ شباط/فبراير ٢٠٢٠ — لا تمثّل موقف أي حكومة

أعدّها نور الدين شرف بالتشاور مع الميسّرة أستريد سولفانغ.

## الديباجة

إن المشاركين في الحوار غير الرسمي حول مياه حوض وادي قرنون، إذ يدركون أن النهر مورد مشترك لأهل الحوض جميعاً، وإذ يستشعرون آثار الجفاف المتكرر على المزارعين والرعاة في البلدين، وإذ يؤمنون بأن الثقة تُبنى بالبيانات المشتركة والتواصل المنتظم، يقترحون المبادئ الآتية للنظر فيها:

## المبدأ الأول: وحدة الحوض

يُعامَل حوض وادي قرنون، بمياهه السطحية والجوفية، بوصفه وحدة مائية واحدة، ويلتزم الطرفان بإبلاغ بعضهما بأي منشأة جديدة قد تؤثّر في التدفق.

## المبدأ الثاني: الانتفاع المنصف

يحق لكل دولة من دولتَي الحوض الانتفاعُ بمياه النهر انتفاعاً منصفاً ومعقولاً، مع مراعاة السكان المعتمدين عليه واحتياجاتهم الأساسية، وبالاستناد إلى مؤشرات الجفاف الثلاثة: الأمطار، ومنسوب الخزانات، والتدفق عند مقياس الحدود.

## المبدأ الثالث: الهيئة الفنية المشتركة

تُنشأ هيئة فنية مشتركة تعلن مراحل الجفاف وفق المؤشرات المتفق عليها، ويشغل فيها ممثلٌ لاتحادات المزارعين من الجانبين مقعداً بالتناوب، له حق الكلام دون التصويت في السنوات الثلاث الأولى.

## المبدأ الرابع: الشفافية

تنشر الهيئة في كل موسم مذكرة موجزة عن «حالة النهر» باللغتين العربية والإنجليزية.

## المبدأ الخامس: المتابعة

يحمل المشاركون هذه الأفكار كلٌّ بطريقته إلى الجهات المعنية في بلده، ويحتفظ المعهد بنسخة موقّعة منها.
""",
    },
    {
        "id": "wq-2020-evaluation-report",
        "fmt": "txt",
        "enc": "utf-8",
        "title_en": "Evaluation of the Wadi Qarnun Basin Water Dialogue, 2018–2020",
        "date": "2020-06",
        "type": "report",
        "langs": ["en"],
        "embargo": "2020-12-31",
        "agents": [("Astrid Sølvang", "author"), ("Brennholt Institute", "convener")],
        "subjects": [
            "process_evaluation",
            "transboundary_waters",
            "relationship_building",
            "idea_generation",
            "changed_perceptions",
        ],
        "abstract_en": "Internal evaluation by the convener against four Track II outcomes: "
        "ideas generated, relationships built, quality of moderation and "
        "changed perceptions.",
        "places": ["Wadi Qarnun", "Vesterholm", "Bayt Rimal"],
        "body": """
EVALUATION OF THE WADI QARNUN BASIN WATER DIALOGUE, 2018-2020
Brennholt Institute — June 2020 — author: Astrid Sølvang

1. Purpose

This note assesses the dialogue against four outcomes commonly used for unofficial processes: new ideas generated, relationships built, effective moderation, and changed perceptions. It draws on the records of three rounds and on twelve interviews held by telephone in May 2020.

2. New ideas

The dialogue produced three ideas that did not exist before it: the correction of the rating curves at the border gauge, a joint drought declaration based on three indicators, and a seasonal "state of the river" note published in both languages. Interviewees from both sides named the drought declaration as the idea most likely to survive.

3. Relationships

Two former officials who had not spoken since 2015 now call each other before every dry summer. Participants formed a small informal network that continued by messaging after the third round. One interviewee said: "I used to know their positions; now I know their worries."

4. Moderation

The mixed team was valued. The outside facilitator was trusted to be fair; the insider mediator from the borderland was credited with "hearing what was not said", notably in the discussion of the Arabic word for "equitable". Participants preferred the interpreter born in the region for informal sessions, while accepting the outside interpreter for plenaries.

5. Changed perceptions

Several downstream participants said they no longer believed that upstream was hiding data; several upstream participants said they now understood the lower valley's summer crisis. Perceptions of the other government did not change much.

6. Lessons

- Start with data before positions.
- Hold at least one round in the region.
- Budget for interpreters who share the participants' background.
- Agree early what will happen to the texts produced.

The report was kept internal until the end of 2020.
""",
    },
    {
        "id": "wq-2020-press-release-ar",
        "fmt": "txt",
        "enc": "utf-16",
        "title_ar": "بيان صحفي: اختتام الحوار غير الرسمي حول مياه وادي قرنون",
        "title_en": "Press release: unofficial Wadi Qarnun water dialogue concludes",
        "date": "2020-02-20",
        "session": "wq-r3",
        "type": "press_release",
        "langs": ["ar"],
        "agents": [("معهد برينهولت للحوار", "convener")],
        "subjects": ["transboundary_waters", "drought"],
        "abstract_ar": "بيان صحفي قصير يعلن اختتام الجولة الثالثة دون كشف أسماء المشاركين.",
        "abstract_en": "Short press release announcing the end of the third round without "
        "naming participants.",
        "places": ["فيسترهولم", "وادي قرنون"],
        "body": """
بيان صحفي
معهد برينهولت للحوار — فيسترهولم، ٢٠ شباط/فبراير ٢٠٢٠

اختتام الحوار غير الرسمي حول مياه حوض وادي قرنون

أعلن معهد برينهولت للحوار اليوم اختتام الجولة الثالثة والأخيرة من حوار غير رسمي حول مياه حوض وادي قرنون، استمر خمسة عشر شهراً، وشارك فيه خبراء مياه ومسؤولون سابقون وممثلون عن المزارعين من البلدين، بصفتهم الشخصية.

وقد ناقش المشاركون على مدى ثلاث جولات سبلَ تبادل البيانات الهيدرولوجية، وخياراتِ توزيع المياه في سنوات الجفاف، ومجموعةً من المبادئ العامة لتقاسم مياه الحوض. وأكّدوا أن الحوار لا يحلّ محلّ القنوات الرسمية، وإنما يسعى إلى تقديم أفكار قد تفيدها.

وقالت الوسيطة الرئيسية في المعهد: «لقد أثبت المشاركون أن الحديث عن الماء ممكن حتى في أصعب الظروف، وأن الثقة تبدأ بالأرقام المشتركة».

وعُقدت الجولتان الأولى والثالثة في دار ضيافة المعهد في فيسترهولم، والجولة الثانية في جامعة بيت رمال، بمشاركة مترجمين من أبناء المنطقة.

ولن يُكشف عن أسماء المشاركين احتراماً للسرية التي قام عليها الحوار. وللاستفسارات الصحفية يُرجى التواصل مع مكتب الإعلام في المعهد.

— انتهى —
""",
    },
]
