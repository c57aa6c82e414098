"""The benchmarks' invented data: `corpus_text` (the wording of bilingual mediation records),
`ingest_corpus` (PDF and DOCX files for the ingest benchmark) and `search_corpus` (a synthetic
depository written straight into the catalog, for the search and access benchmarks). Each
corpus is deterministic from its seed and cached in bench/.cache/."""
