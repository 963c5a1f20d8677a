"""Template helpers of the gallery: flagged words highlighted in a prompt, card posters."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from gallery.thumbnails import poster_src

register = template.Library()
register.filter("poster_src", poster_src)


@register.filter
def highlight(text: str, spec: dict | None) -> SafeString:
    """``text`` escaped, with each word the safety check flagged (``spec["safety"]["matches"]``) in <mark>."""
    text = str(text or "")
    safety = (spec or {}).get("safety") if isinstance(spec, dict) else None
    words = [w for w in ((safety or {}).get("matches") or []) if isinstance(w, str) and w.strip()]
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f'<mark class="flagged">{escape(match.group(0))}</mark>')
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308  (every piece escaped above)
