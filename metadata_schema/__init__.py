"""The description model's data: JSON Schemas, bilingual vocabularies and the EN↔AR thesaurus."""
