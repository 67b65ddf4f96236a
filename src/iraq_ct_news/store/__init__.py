"""The repository store: the one reader of the curated tree (:mod:`.repository`) and the one
writer of every file the tools write inside it (:mod:`.writer`)."""
