"""Compare API answers with stored expected JSON; ids, keys and timestamps are normalised first.

Run with ``WEGWEISER_UPDATE_SNAPSHOTS=1`` to (re)write the files after an intended change, and review
the diff: a changed field is a changed API.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

SNAPSHOT_DIR = Path(__file__).parent / "snapshots"
ID_KEYS = {"id", "organisation_id"}
KEY_KEYS = {"translation_key", "identifier"}
TIME_KEYS = {"updated_at", "dateModified", "last_reviewed"}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class Normaliser:
    def __init__(self):
        self.ids: dict = {}
        self.keys: dict = {}

    def __call__(self, value, key: str | None = None):
        if isinstance(value, dict):
            return {name: self(item, name) for name, item in value.items()}
        if isinstance(value, list):
            return [self(item, key) for item in value]
        if key in ID_KEYS and value is not None:
            return self.ids.setdefault(value, f"<id {len(self.ids) + 1}>")
        if key in TIME_KEYS and value is not None:
            return "<time>"
        if isinstance(value, str) and UUID.search(value):
            return UUID.sub(
                lambda match: self.keys.setdefault(match.group(), f"<key {len(self.keys) + 1}>"), value
            )
        return value


def normalised(data):
    return Normaliser()(data)


def assert_matches_snapshot(name: str, data) -> None:
    path = SNAPSHOT_DIR / f"{name}.json"
    actual = normalised(data)
    if os.environ.get("WEGWEISER_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT_DIR.mkdir(exist_ok=True)
        path.write_text(
            json.dumps(actual, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
        )
    assert path.exists(), (
        f"No stored snapshot {path.name}; run with WEGWEISER_UPDATE_SNAPSHOTS=1 and review it."
    )
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert actual == expected
