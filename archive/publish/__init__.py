"""Publishing: what the depository gives others in standard forms (Dublin Core, its own
record format, OAI-PMH, EAD3 finding aids, feeds, spreadsheets, BagIt, backups). Everything here
takes records as an audience may see them, from the access decision: never the catalog's
records themselves."""
