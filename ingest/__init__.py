"""Ingest: from a folder of files and a manifest to described records handed to the archive."""
