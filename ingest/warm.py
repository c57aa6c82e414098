"""Imported once by the forkserver that starts extraction workers (`workers.WorkerPool`'s
`preload`): the extractors imported and langdetect's profiles read (about 1.3 s together), so
that each worker forked from it, a replacement for a killed one too, starts ready."""

from ingest import stages  # noqa: F401  (imported for the workers it is forked into)
from ingest.language import load_profiles

load_profiles()
