"""Elasticsearch plumbing for the search: the client, analysis settings, documents and index life cycle."""
