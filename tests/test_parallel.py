"""Translations a depository teaches: bilingual records aligned sentence by sentence, their
words paired where they keep company (archive/index/parallel.py)."""

from __future__ import annotations

from archive.depository import Depository
from archive.index.analysis import analyze
from archive.index.parallel import align, parts_by_script, record_units, sentences
from archive.index.search import RecordSearch

ARABIC = (
    "اجتمعت لجنة الشكاوى في 22 تشرين الأول. "
    "وقرر المشاركون فتح البوابة عند النبع كل صباح في الساعة السادسة. "
    "ودفع صاحب العمل تعويضاً عن خمسة عشر كيساً من الزيتون وعن ست تنكات من الزيت."
)
ENGLISH = (
    "The complaints committee met on 22 October. "
    "The participants decided to open the gate at the spring every morning at six. "
    "The employer paid for fifteen sacks of olives. "
    "He also gave six tins of oil."
)


def _terms(text):
    return frozenset(analyze(text))


def test_a_bilingual_text_is_split_by_script_and_its_sentences_paired():
    arabic, english = parts_by_script(ARABIC.replace(". ", ".\n") + "\n" + ENGLISH)
    pairs = align(sentences(arabic), sentences(english))
    assert len(pairs) == 3
    assert "22" in pairs[0][0] and "22" in pairs[0][1]
    assert "النبع" in pairs[1][0] and "spring" in pairs[1][1]
    assert "tins of oil" in pairs[2][1] and "sacks" in pairs[2][1]  # one sentence, two


def _depository(tmp_path, records):
    """A depository of the given records (identifier → (text, fields)), indexed."""
    from archive.catalog import RecordText
    from tests.conftest import a_record

    dep = Depository.create(tmp_path / "dep")
    for identifier, (text, fields) in records.items():
        dep.catalog.add_record(
            a_record(identifier=identifier, **fields), text=RecordText([text], {}), actor="test"
        )
    dep.indexes.drain(dep.catalog)
    return dep


SPRING = {  # two records say the same in both languages; a third says it in Arabic only
    "dry": ("جفّ النبع في آب.\nThe spring ran dry in August.", {"title_ar": None}),
    "guards": ("سيقوم الحراس بحماية النبع.\nGuards will protect the spring.", {"title_ar": None}),
    "dawn": ("زار الوفد النبع عند الفجر.", {"title_en": None, "languages": ["ar"]}),
}


def _learned(result):
    return [e["also"] for e in result.expanded if e["kind"] == "collection"]


def test_a_word_finds_records_in_the_other_language_through_what_bilingual_records_teach(
    tmp_path,
):
    with _depository(tmp_path, SPRING) as dep:
        result = RecordSearch(dep.indexes, dep.catalog).search("spring", limit=20)
        assert _learned(result) == [["النبع"]]  # as the records write it
        assert "dawn" in [h.id for h in result.hits]
        back = RecordSearch(dep.indexes, dep.catalog).search("النبع", limit=20)
        assert _learned(back) == [["spring"]]


def test_records_an_audience_may_not_read_teach_it_nothing_and_what_leaves_is_forgotten(
    tmp_path,
):
    closed = {
        k: (text, {**fields, "access": "staff"} if k != "dawn" else fields)
        for k, (text, fields) in SPRING.items()
    }
    with _depository(tmp_path, closed) as dep:
        search = RecordSearch(dep.indexes, dep.catalog).search
        assert _learned(search("spring", audience="staff"))
        assert not _learned(search("spring", audience="public"))
        assert not _learned(search("spring", audience="reader"))
        dep.catalog.update_record("guards", {"access": "admin"}, actor="test")
        dep.indexes.drain(dep.catalog)  # one teacher left: one unit is not enough
        assert not _learned(search("spring", audience="staff"))
        assert _learned(search("spring", audience="admin"))


def test_a_pair_of_titles_is_a_unit_and_one_language_alone_teaches_nothing():
    assert record_units(["Only English here."], None, None) == []
    units = record_units(
        ["Only English here."], "تقرير لجنة الشكاوى", "Complaints committee report"
    )
    assert units == [(_terms("تقرير لجنة الشكاوى"), _terms("Complaints committee report"))]


def test_a_word_of_every_title_pairs_with_its_translation_not_with_each_topic(tmp_path):
    records = {
        f"r{n}": ("", {"title_en": f"Round on {topic}", "title_ar": "الجولة"})
        for n, topic in enumerate(["grazing"] * 4 + ["water"] * 2)
    }
    with _depository(tmp_path, records) as dep:
        search = RecordSearch(dep.indexes, dep.catalog).search
        assert _learned(search("round")) == [["الجولة"]]
        assert not _learned(search("grazing"))  # seen with جولة 4 times of 6: round is its own


def test_a_learned_word_is_written_as_the_lowest_identifier_writes_it_whatever_the_order(
    tmp_path,
):
    """Records that write a learned word differently (Springs, spring): the one with the
    lowest identifier decides, whichever the index holds first (here the one added last, in a
    segment of its own), so that what an audience is shown does not depend on how the index
    happens to be laid out (noninterference)."""
    from archive.catalog import RecordText
    from tests.conftest import a_record

    others = {k: v for k, v in SPRING.items() if k != "dry"}
    for last, expected in (("a-plural", "springs"), ("z-plural", "spring")):
        with _depository(tmp_path / last, others) as dep:
            dep.catalog.add_record(
                a_record(identifier=last, title_ar=None),
                text=RecordText(["جفّ النبع في آب.\nThe Springs ran dry in August."], {}),
                actor="test",
            )
            dep.indexes.drain(dep.catalog)
            result = RecordSearch(dep.indexes, dep.catalog).search("النبع", limit=20)
            assert _learned(result) == [[expected]], last
