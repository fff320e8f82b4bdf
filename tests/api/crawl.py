"""Walk every GET endpoint the OpenAPI document names, in every portal language, like a client would."""

from __future__ import annotations

import re

from django.conf import settings

from tests.api.conftest import API

ID_PARAMETER = re.compile(r"\{id\}")


def every_answer(client, extra_ids: list[int] = ()) -> list[tuple[str, int, str]]:
    """``(url, status, body)`` for every endpoint × language; ``{id}`` takes every id the lists show
    plus ``extra_ids`` (pages that must not be reachable)."""
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    assert any(path.startswith(f"{API}/listings/") for path in paths)
    answers = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        seen_ids: dict[str, set[int]] = {}
        for path in paths:
            if ID_PARAMETER.search(path):
                continue
            response = client.get(path, {"locale": code})
            body = response.content.decode()
            answers.append((f"{path}?locale={code}", response.status_code, body))
            if response["Content-Type"].startswith("application/json"):
                items = response.json().get("items", [])
                seen_ids[path] = {item["id"] for item in items if isinstance(item, dict) and "id" in item}
        for path in paths:
            if not ID_PARAMETER.search(path):
                continue
            list_path = path.split("{id}")[0]
            for pk in sorted(seen_ids.get(list_path, set()) | set(extra_ids)):
                url = ID_PARAMETER.sub(str(pk), path)
                response = client.get(url, {"locale": code})
                answers.append((f"{url}?locale={code}", response.status_code, response.content.decode()))
    assert not [url for url, status, _body in answers if status not in (200, 404)]
    return answers
