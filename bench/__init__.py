"""The depository's benchmarks (not tests): how fast it ingests, searches, serves and harvests,
how much memory that takes, and how well it finds and reads, each beside a reference.

- `bench.harness`: what every benchmark shares: the process-tree sampler, a quiet machine waited
  for, the result written as JSON, a served `mediarch`, the traced `mediarch`;
- `bench.corpora`: the generated corpora (bilingual PDF/DOCX files for ingest, a synthetic
  depository for search and access) and their wording;
- `bench.runs`: the benchmarks, each run from the repository root as `python -m bench.runs.NAME`;
- `bench.report`: docs/benchmarks.md written from the results in bench/results/.

`bench/run --quick` (or `--full`) runs them in order and renders the page. The data beside the
modules: results/ (one JSON per run, kept in git), outsider-set/ and real-pdfs/ (what nobody
here made, for the quality runs), outside-probes/ (the first red team's probe, kept as they
wrote it), wrk_paths.lua (wrk's script), and .cache/ (corpora and work, ignored by git).
"""
