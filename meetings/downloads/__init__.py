"""CSV and JSON Lines downloads of every list page, streamed, and the full export."""
