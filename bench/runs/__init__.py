"""The benchmarks, each a module run from the repository root as `python -m bench.runs.NAME`
(`--help` for its options): ingest_bench, search_bench, access_bench, http_bench,
harvest_bench and load_run (speed and memory, results in bench/results/), search_quality,
outsider_quality and pdf_reading (how well search finds and PDFs are read)."""
