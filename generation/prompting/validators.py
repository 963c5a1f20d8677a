"""The safety check applied to every other word a person gives us: titles, names, notes.

Public short texts (entry titles, display names, poster names, screen names) are shown without a moderator in
between, so anything the prompt check would block or flag is refused. Report notes go only to moderators and
must be free to describe what they report, so only hate is refused there.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .safety import check_prompt


def unsafe_text_message(text: str, *, public: bool = True) -> str | None:
    """Why ``text`` may not be stored (translated), or ``None`` when it may."""
    verdict = check_prompt(text or "")
    if verdict.action == "allow" or (not public and verdict.category != "hate"):
        return None
    if verdict.action == "block" or verdict.category == "hate":
        return _("Please choose other words: this text can't be used (%(reason)s).") % {
            "reason": verdict.message.split(":", 1)[-1].strip().rstrip(".") or verdict.category
        }
    return _("Please choose other words: names and titles are shown to everyone without review.")


def validate_public_text(value: str) -> None:
    """Django validator for public short texts (titles, display names, poster and screen names)."""
    message = unsafe_text_message(value, public=True)
    if message:
        raise ValidationError(message, code="unsafe_text")


def validate_note(value: str) -> None:
    """Django validator for texts only moderators read (report notes)."""
    message = unsafe_text_message(value, public=False)
    if message:
        raise ValidationError(message, code="unsafe_text")
