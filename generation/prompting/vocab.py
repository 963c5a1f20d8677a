"""The project's fixed vocabularies: sports, emotions, visual styles and camera moves.

Each vocabulary maps a stable slug (stored, sent to engines, used in URLs) to a translatable label that the UI
shows as an editable chip. Slugs never change; labels may. ``parse_prompt`` only ever returns these slugs.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# The 16 sports of Milano Cortina 2026 (DESIGN.md "Prompt understanding").
SPORTS = {
    "alpine-skiing": _("Alpine skiing"),
    "biathlon": _("Biathlon"),
    "bobsleigh": _("Bobsleigh"),
    "cross-country-skiing": _("Cross-country skiing"),
    "curling": _("Curling"),
    "figure-skating": _("Figure skating"),
    "freestyle-skiing": _("Freestyle skiing"),
    "ice-hockey": _("Ice hockey"),
    "luge": _("Luge"),
    "nordic-combined": _("Nordic combined"),
    "short-track": _("Short track speed skating"),
    "skeleton": _("Skeleton"),
    "ski-jumping": _("Ski jumping"),
    "ski-mountaineering": _("Ski mountaineering"),
    "snowboard": _("Snowboard"),
    "speed-skating": _("Speed skating"),
}

# Paralympic disciplines are not separate slugs: they are the sport with ``para=True`` (the renderer shows the
# same venue; the prompt asks for the adaptive equipment). Para ice hockey is also called sledge hockey.
PARA_SPORTS = {
    "alpine-skiing": _("Para alpine skiing"),
    "biathlon": _("Para biathlon"),
    "cross-country-skiing": _("Para cross-country skiing"),
    "curling": _("Wheelchair curling"),
    "ice-hockey": _("Para ice hockey"),
    "snowboard": _("Para snowboard"),
}

# Mood of the clip. Chosen so each one changes the light and pacing of the template prompt.
EMOTIONS = {
    "triumph": _("Triumph"),
    "joy": _("Joy"),
    "calm": _("Calm"),
    "tension": _("Tension"),
    "awe": _("Awe"),
    "melancholy": _("Melancholy"),
    "romance": _("Romance"),
    "humour": _("Humour"),
    "power": _("Power"),
    "freedom": _("Freedom"),
}

# Visual styles: exactly those the preview video renderer implements. ``cinematic`` is the default when the
# fan
# names none (``parse_prompt`` then reports ``style: null`` and the prompt is written in this style).
STYLES = {
    "cinematic": _("Cinematic broadcast"),
    "anime": _("Anime"),
    "watercolor": _("Watercolour"),
    "van-gogh": _("Van Gogh"),
    "ink-wash": _("Ink wash"),
    "pixel-art": _("Pixel art"),
    "comic": _("Comic book"),
    "scifi": _("Neon sci-fi"),
}
DEFAULT_STYLE = "cinematic"

CAMERAS = {
    "tracking": _("Tracking shot"),
    "aerial": _("Aerial drone"),
    "close-up": _("Close-up"),
    "slow-motion": _("Slow motion"),
    "zoom": _("Zoom"),
    "orbit": _("Orbit"),
    "static-wide": _("Static wide shot"),
    "fpv": _("FPV drone"),
    "low-angle": _("Low angle"),
}

# The camera a broadcast director would pick for the sport when the fan asks for none.
DEFAULT_CAMERA = {
    "alpine-skiing": "tracking",
    "biathlon": "close-up",
    "bobsleigh": "fpv",
    "cross-country-skiing": "tracking",
    "curling": "low-angle",
    "figure-skating": "orbit",
    "freestyle-skiing": "slow-motion",
    "ice-hockey": "tracking",
    "luge": "fpv",
    "nordic-combined": "aerial",
    "short-track": "tracking",
    "skeleton": "fpv",
    "ski-jumping": "aerial",
    "ski-mountaineering": "aerial",
    "snowboard": "slow-motion",
    "speed-skating": "tracking",
}
FALLBACK_CAMERA = "static-wide"


def choices(vocabulary: dict) -> list[tuple[str, str]]:
    """(slug, label) pairs for a form's ``choices`` or the chips of the UI."""
    return [(slug, label) for slug, label in vocabulary.items()]
