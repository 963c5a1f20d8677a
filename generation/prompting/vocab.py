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


# ---- Keys of the per-language lexicon files (generation/prompting/lexicons/*.toml) -----------------------------
# Who the clip is about, in English, with a weight that ranks them when several appear: a named character or a
# creature is what the fan wants to see more than "a woman".
SUBJECTS: dict[str, float] = {
    "Sun Wukong, the Monkey King": 3.0,
    "Santa Claus": 3.0,
    "a robot": 2.0,
    "a panda": 2.0,
    "a cat": 2.0,
    "a dog": 2.0,
    "a penguin": 2.0,
    "a polar bear": 2.0,
    "a fox": 2.0,
    "a snowman": 2.0,
    "a dragon": 2.0,
    "an astronaut": 2.0,
    "a grandmother": 1.6,
    "a grandfather": 1.6,
    "a child": 1.5,
    "a girl": 1.4,
    "a boy": 1.4,
    "a family": 1.3,
    "a couple": 1.3,
    "a woman": 1.2,
    "a man": 1.2,
    "my mum": 1.2,
    "my dad": 1.2,
}
# Attributes, in English. Colours pair with an adjacent garment ("tuta rossa" -> "red suit").
COLOURS = ("red", "blue", "green", "yellow", "white", "black", "pink", "orange", "purple", "gold", "silver")
GARMENTS = ("ski suit", "jacket", "helmet", "scarf", "hat", "goggles", "costume", "kimono", "hanfu")
ATTRIBUTES = ("elderly", "young", "little", "female", "two people", "three people", "four people", "crowd")

# The scene around the athlete: where, in what light, in what weather (English phrases for the model prompt).
SETTINGS = {
    "village": "a snowy mountain village",
    "mountain-hut": "a wooden mountain hut",
    "city-square": "a city square",
    "dolomites": "the pale peaks of the Dolomites",
    "mountain-peak": "high alpine peaks",
    "forest": "a snowy pine forest",
    "frozen-lake": "a frozen lake",
    "stadium": "a packed stadium",
    "city-street": "a city street",
    "castle": "a castle",
    "temple": "a temple",
    "home": "a cosy home by the fireplace",
}
LIGHTS = {
    "dawn": "at dawn, soft pink early light",
    "daylight": "in bright daylight",
    "sunset": "at sunset, warm golden light",
    "night": "at night",
    "northern-lights": "under green northern lights",
    "moonlight": "under moonlight",
    "spotlights": "under bright spotlights",
    "fireworks": "with fireworks in the sky",
    "candlelight": "by warm candle and fire light",
}
WEATHERS = {
    "blizzard": "in a raging blizzard",
    "snowfall": "with snow falling",
    "fog": "in drifting fog",
    "wind": "in strong wind",
    "clear": "under a clear sky",
}
# Action beats, in the order the fan tells them; each is an English verb phrase for the model prompt.
BEATS = {
    "slip": "slips",
    "fall": "falls",
    "get-up": "gets back up",
    "laugh": "everyone laughs",
    "cheer": "the crowd cheers",
    "applaud": "people applaud",
    "cry": "sheds a tear",
    "land": "lands cleanly",
    "telemark": "lands a telemark",
    "spin": "spins",
    "jump": "jumps",
    "flip": "does a flip",
    "wave": "waves",
    "hug": "hugs",
    "kiss": "kisses",
    "sleep": "sleeps",
    "wake": "wakes up",
    "celebrate": "celebrates",
    "dance": "dances",
    "bow": "bows",
    "overtake": "overtakes a rival",
    "score": "scores",
    "win": "wins",
    "crash": "crashes",
}


def choices(vocabulary: dict) -> list[tuple[str, str]]:
    """(slug, label) pairs for a form's ``choices`` or the chips of the UI."""
    return [(slug, label) for slug, label in vocabulary.items()]
