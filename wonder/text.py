"""Text people give us, made safe to store and show: bidirectional control characters are removed.

U+202A-U+202E (embeddings and overrides), U+2066-U+2069 (isolates), U+200E/U+200F (marks) and U+061C (Arabic letter
mark) can make a title, a name or a prompt render reversed or disguised ("Trojan Source") in the console, the
gallery and the museum. Nothing a fan writes needs them: the browser lays out Arabic or Hebrew text by itself.
One helper (:func:`strip_bidi`) is used by services and serializers, and :func:`strip_model_text` runs before every
save of the project's own models, so no stored text field can hold them.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import models

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
PROJECT_APPS = {"generation", "experience", "avatars", "contest", "gallery"}


def strip_bidi(value: str) -> str:
    """``value`` without bidirectional control characters."""
    return BIDI_CONTROLS.sub("", value) if value else value


def strip_model_text(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    """``pre_save`` receiver: clean every text field of the project's models (admin edits included)."""
    if sender._meta.app_label not in PROJECT_APPS:
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and BIDI_CONTROLS.search(value):
                setattr(instance, field.attname, strip_bidi(value))
