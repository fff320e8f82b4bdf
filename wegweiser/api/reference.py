"""The OpenAPI document and the human-readable API reference, both served by the portal itself.

The reference is rendered on the server from the same OpenAPI document, without any script or style
from a CDN (no third-party requests). Its "try it" forms are plain GET forms.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render

from wegweiser.api.licence import licence_for
from wegweiser.api.listing_schemas import facet_parameters
from wegweiser.api.querying import request_site
from wegweiser.site.registry import enabled_listing_types, listing_types


def openapi_schema(request) -> dict:
    """The OpenAPI document for this site: only its enabled listing types, facet values as enums."""
    # versions.py imports this module's views
    from wegweiser.api.versions import current_api

    api, _patterns = current_api()
    prefix = request.path[: -len("openapi.json")] if request.path.endswith("openapi.json") else request.path
    schema = api.get_openapi_schema(path_prefix=prefix.rstrip("/"))
    enabled = enabled_listing_types(request_site(request))
    for key, listing_type in listing_types().items():
        prefixes = (f"{prefix}listings/{key}/", f"{prefix}export/{key}.")
        for path in [path for path in schema["paths"] if path.startswith(prefixes)]:
            if key not in enabled:
                del schema["paths"][path]
            else:
                _add_facet_enums(schema["paths"][path], listing_type)
    return dict(schema)


def _add_facet_enums(path_item: dict, listing_type) -> None:
    """Taxonomy terms are data, not code: their current slugs are filled into the document per request."""
    choices = {
        facet.name: [str(value) for value, _label in facet.get_choices()]
        for facet in facet_parameters(listing_type)
        if facet.kind != "flag"
    }
    for operation in path_item.values():
        for parameter in operation.get("parameters", []):
            values = choices.get(parameter.get("name"))
            if values is None:
                continue
            items = parameter.get("schema", {}).get("items")
            if isinstance(items, dict):
                if values:
                    items["enum"] = values
                else:
                    parameter["schema"]["maxItems"] = 0


def openapi_document(request):
    return JsonResponse(openapi_schema(request), json_dumps_params={"ensure_ascii": False})


def reference_page(request):
    """Every endpoint with its parameters and answer fields, and a form to try it."""
    schema = openapi_schema(request)
    components = schema.get("components", {}).get("schemas", {})
    groups: dict[str, list] = {}
    for path, path_item in schema["paths"].items():
        for method, operation in path_item.items():
            parameters = [
                _parameter_row(parameter, components) for parameter in operation.get("parameters", [])
            ]
            responses = []
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                media_types = list(content)
                reference = next(
                    (
                        media.get("schema", {}).get("$ref", "")
                        for media in content.values()
                        if media.get("schema")
                    ),
                    "",
                )
                responses.append(
                    {
                        "status": status,
                        "description": response.get("description", ""),
                        "media_types": media_types,
                        "schema": reference.rsplit("/", 1)[-1] if reference else "",
                    }
                )
            tag = (operation.get("tags") or ["other"])[0]
            groups.setdefault(tag, []).append(
                {
                    "id": operation.get("operationId", ""),
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": parameters,
                    "query_parameters": [row for row in parameters if row["in"] == "query"],
                    "has_path_parameters": any(row["in"] == "path" for row in parameters),
                    "responses": responses,
                }
            )
    schemas = [
        {
            "name": name,
            "description": definition.get("description", ""),
            "fields": _fields(definition, components),
        }
        for name, definition in sorted(components.items())
    ]
    context = {
        "info": schema.get("info", {}),
        "groups": groups,
        "schemas": schemas,
        "openapi_url": request.build_absolute_uri("openapi.json"),
        "licence": licence_for(request),
    }
    return render(request, "api/reference.html", context)


def _resolve(schema: dict, components: dict) -> dict:
    reference = schema.get("$ref")
    if reference:
        return components.get(reference.rsplit("/", 1)[-1], {})
    return schema


def _type_of(schema: dict, components: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_type_of(option, components) for option in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list of {_type_of(schema.get('items', {}), components)}"
    if "enum" in schema:
        return "one of: " + ", ".join(str(value) for value in schema["enum"][:30])
    kind = schema.get("type", "object")
    return f"{kind} ({schema['format']})" if "format" in schema else str(kind)


def _parameter_row(parameter: dict, components: dict) -> dict:
    schema = parameter.get("schema", {})
    items = schema.get("items", {}) if schema.get("type") == "array" else {}
    enum = (
        items.get("enum")
        or schema.get("enum")
        or next((option.get("enum") for option in schema.get("anyOf", []) if option.get("enum")), None)
    )
    return {
        "name": parameter.get("name"),
        "in": parameter.get("in"),
        "required": parameter.get("required", False),
        "type": _type_of(schema, components),
        "description": parameter.get("description") or schema.get("description", ""),
        "default": schema.get("default"),
        "multiple": schema.get("type") == "array",
        "enum": enum,
        "is_flag": "boolean" in str(schema),
    }


def _fields(definition: dict, components: dict) -> list[dict]:
    definition = _resolve(definition, components)
    required = set(definition.get("required", []))
    return [
        {
            "name": name,
            "type": _type_of(field, components),
            "required": name in required,
            "description": field.get("description", ""),
        }
        for name, field in definition.get("properties", {}).items()
    ]
