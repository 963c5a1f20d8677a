"""What a visitor may ask of their route once it is planned, as constraints for the solver (never a plan itself).

Touch choices (``CHOICES``) work everywhere; with an LLM configured a visitor may also type a wish in their own
language, which the LLM turns into the same constraints (``from_text``). Either way the solver plans and the
verifier has the last word: an unusable or unsafe answer changes nothing.

A wish is a dict: ``add`` (zone slugs every plan should include when they fit), ``late_minutes`` (minutes less of
the visitor's time), ``max_queue`` (zones with a longer wait now are left out).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from django.utils.translation import gettext_lazy as _

log = logging.getLogger(__name__)

# "We're running late" takes this many minutes off the visit; "skip the queue" leaves out waits longer than this.
LATE_MINUTES = 15
SHORT_QUEUE_MINUTES = 5
MAX_LATE_MINUTES = 60

CHOICES = {
    "cafe": (_("Add the café"), {"add": ["cafe"]}),
    "late": (_("We're running late"), {"late_minutes": LATE_MINUTES}),
    "skip_queue": (_("Skip the queues"), {"max_queue": SHORT_QUEUE_MINUTES}),
}

SYSTEM_PROMPT = (
    "You turn a museum visitor's wish about their route into constraints. Answer with one JSON object and nothing "
    'else, with only these optional keys: "add" (a list of zone ids from the given list that the visitor wants to '
    'visit), "late_minutes" (an integer 0-60: how much less time they have), "max_queue" (an integer 0-30: the '
    "longest wait they accept). Use only zone ids from the list. If the wish asks for nothing of this, answer {}."
)


def merge(current: dict[str, Any], wish: dict[str, Any]) -> dict[str, Any]:
    """The visit's wishes with ``wish`` added (zones add up, minutes late add up, the shortest queue limit wins)."""
    merged = dict(current)
    if wish.get("add"):
        merged["add"] = sorted(set(merged.get("add", [])) | set(wish["add"]))
    if wish.get("late_minutes"):
        merged["late_minutes"] = min(merged.get("late_minutes", 0) + wish["late_minutes"], MAX_LATE_MINUTES)
    if wish.get("max_queue") is not None:
        merged["max_queue"] = min(merged.get("max_queue", wish["max_queue"]), wish["max_queue"])
    return merged


def clean(data: Any, zone_ids: set[str]) -> dict[str, Any]:
    """A wish from untrusted data (the LLM's answer), keeping only what is known and in range."""
    if not isinstance(data, dict):
        return {}
    wish: dict[str, Any] = {}
    add = data.get("add")
    if isinstance(add, list):
        known = sorted({zone for zone in add if isinstance(zone, str) and zone in zone_ids})
        if known:
            wish["add"] = known
    late = data.get("late_minutes")
    if isinstance(late, int) and not isinstance(late, bool) and 0 < late <= MAX_LATE_MINUTES:
        wish["late_minutes"] = late
    queue = data.get("max_queue")
    if isinstance(queue, int) and not isinstance(queue, bool) and 0 <= queue <= 30:
        wish["max_queue"] = queue
    return wish


def from_text(text: str, language: str, zones: dict[str, str]) -> dict[str, Any]:
    """The LLM's reading of a typed wish as constraints ({} without an LLM, or when the answer is unusable)."""
    from generation import llm

    text = text.strip()[:300]
    if not text or not llm.configured():
        return {}
    user = json.dumps({"language": language, "zones": zones, "wish": text}, ensure_ascii=False)
    answer = llm.chat(SYSTEM_PROMPT, user, temperature=0.0, max_tokens=200)
    if answer is None:
        return {}
    try:
        return clean(json.loads(answer), set(zones))
    except ValueError:
        log.warning("LLM wish answer was not JSON; ignored")
        return {}
