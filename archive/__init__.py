"""The mediation depository's core: description model, catalog, object store and access."""

__version__ = "0.1.0"
