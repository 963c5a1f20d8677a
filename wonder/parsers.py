"""The API's JSON parser: a body must be one JSON object, nested at most a few levels deep.

Python's ``json`` recurses once per level: a body of 50 000 ``[`` raised RecursionError in DRF's parser, which is not
a ``ValueError``, so every endpoint answered 500 with a traceback. Every request body of our API is an object, so
arrays, strings, numbers and ``null`` are refused here as well, before any view sees them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32


def _too_deep(text: str, limit: int) -> bool:
    """Bracket depth outside strings, without recursion (so the check itself cannot overflow)."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


class ObjectJSONParser(JSONParser):
    """DRF's JSON parser, refusing (400) bodies nested deeper than ``MAX_DEPTH`` and bodies that are not objects."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Mapping[str, Any] | None = None) -> Any:
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = stream.read().decode(encoding) if stream is not None else ""
        except (UnicodeDecodeError, LookupError) as exc:
            raise ParseError(_("The request body is not valid text.")) from exc
        if not text.strip():
            return {}
        if _too_deep(text, MAX_DEPTH):
            raise ParseError(_("The JSON in the request is nested too deeply."))
        try:
            data = json.loads(text, parse_constant=_no_constant)
        except (ValueError, RecursionError) as exc:
            raise ParseError(_("The request body is not valid JSON.")) from exc
        if not isinstance(data, dict):
            raise ParseError(_("The request body must be a JSON object."))
        return data


def _no_constant(name: str) -> Any:
    """NaN and Infinity are not JSON (DRF's strict mode refuses them too)."""
    raise ValueError(f"{name} is not valid JSON")
