"""OpenAPI post-processing: the error answers of every operation, documented in one place.

DRF gives them without a serializer, so drf-spectacular lists them only where a view says so.
The rules follow where they come from: 401/403 from authentication and permissions (every
operation that needs a signed-in user), 404 from a path parameter that names no object or a
page number past the end, 429 from a throttle.
"""

from __future__ import annotations

from typing import Any

ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
_DESCRIPTIONS = {
    "401": "Not signed in.",
    "403": "Signed in, but not allowed.",
    "404": "No such object in your scope, or no such page.",
    "429": "Too many requests; try again later.",
}


def _throttled_operations(generator: Any) -> set[tuple[str, str]]:
    found = set()
    for path, _regex, method, callback in getattr(generator, "endpoints", None) or []:
        view_class = getattr(callback, "cls", None)
        if view_class is not None and getattr(view_class, "throttle_classes", None):
            found.add((path, method.lower()))
    return found


def document_error_responses(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular POSTPROCESSING_HOOKS entry: add the error responses described above."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("ErrorDetail", ERROR_SCHEMA)
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorDetail"}}}
    throttled = _throttled_operations(generator)
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            parameters = operation.get("parameters", [])
            codes = []
            if {} not in operation.get("security", [{}]):
                codes += ["401", "403"]
            if any(p.get("in") == "path" or p.get("name") == "page" for p in parameters):
                codes.append("404")
            if (path, method) in throttled:
                codes.append("429")
            responses = operation["responses"]
            for code in codes:
                responses.setdefault(code, {"description": _DESCRIPTIONS[code]})
            for code, response in responses.items():
                # A view may name the error (with its own description) but not its body.
                if code in _DESCRIPTIONS and "content" not in response:
                    response["content"] = body
    return result
