"""Elasticsearch plumbing for the finder: the client, analysis settings, documents and index life cycle."""
