"""Relations analytics over the event store: SQL in DuckDB, pandas DataFrames out.

Modules (one concept each): `base` (connection and the events view every analysis
reads), `dedup` (one event per real-world event), `dyads` (dyad series and "lowest
point since"), `escalation` (alerts), `reciprocity` (tit-for-tat), `coalitions`
(many actors, one target). The CLI commands in `detente/commands/` are thin layers
over these functions.
"""
