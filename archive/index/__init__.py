"""Search: bilingual analysis, the index schema, one index per audience, queries and results.

Whoosh sits behind this package alone, so that a later engine is a change in one place.
"""
