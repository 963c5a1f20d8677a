"""The project's fixed vocabularies: sports, emotions, visual styles and camera moves.

Each vocabulary maps a stable slug (stored, sent to engines, used in URLs) to a translatable label that the UI
shows as an editable chip. Slugs never change; labels may. ``parse_prompt`` only ever returns these slugs.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# The longest prompt a fan may write (form, API and parser alike): a sentence is far shorter, and a bound keeps
# parsing and the model's text encoder cheap whatever is pasted in.
MAX_PROMPT_CHARS = 500

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

# What the fan sees for the scene keys (chips on the video page); the dicts above are what the model reads.
SCENE_LABELS = {
    "village": _("Village"),
    "mountain-hut": _("Mountain hut"),
    "city-square": _("City square"),
    "dolomites": _("Dolomites"),
    "mountain-peak": _("Mountain peaks"),
    "forest": _("Forest"),
    "frozen-lake": _("Frozen lake"),
    "stadium": _("Stadium"),
    "city-street": _("City street"),
    "castle": _("Castle"),
    "temple": _("Temple"),
    "home": _("At home"),
    "dawn": _("Dawn"),
    "daylight": _("Daylight"),
    "sunset": _("Sunset"),
    "night": _("Night"),
    "northern-lights": _("Northern lights"),
    "moonlight": _("Moonlight"),
    "spotlights": _("Spotlights"),
    "fireworks": _("Fireworks"),
    "candlelight": _("Firelight"),
    "blizzard": _("Blizzard"),
    "snowfall": _("Falling snow"),
    "fog": _("Fog"),
    "wind": _("Wind"),
    "clear": _("Clear sky"),
}
BEAT_LABELS = {
    "slip": _("slips"),
    "fall": _("falls"),
    "get-up": _("gets up"),
    "laugh": _("everyone laughs"),
    "cheer": _("the crowd cheers"),
    "applaud": _("applause"),
    "cry": _("tears"),
    "land": _("lands"),
    "telemark": _("telemark landing"),
    "spin": _("spins"),
    "jump": _("jumps"),
    "flip": _("flips"),
    "wave": _("waves"),
    "hug": _("hugs"),
    "kiss": _("kisses"),
    "sleep": _("sleeps"),
    "wake": _("wakes up"),
    "celebrate": _("celebrates"),
    "dance": _("dances"),
    "bow": _("bows"),
    "overtake": _("overtakes"),
    "score": _("scores"),
    "win": _("wins"),
    "crash": _("crashes"),
}


def chip_labels(spec: dict) -> list[str]:
    """The translated names of what a video's spec says (sport, mood, style, camera, scene, beats), never slugs."""
    sport = spec.get("sport")
    labels = []
    if sport in SPORTS:
        labels.append(PARA_SPORTS.get(sport, SPORTS[sport]) if spec.get("para") else SPORTS[sport])
    for key, table in (("emotion", EMOTIONS), ("style", STYLES), ("camera", CAMERAS)):
        if spec.get(key) in table:
            labels.append(table[spec[key]])
    labels += [SCENE_LABELS[spec[k]] for k in ("setting", "light", "weather") if spec.get(k) in SCENE_LABELS]
    beats = [BEAT_LABELS[b] for b in spec.get("beats") or () if b in BEAT_LABELS]
    if beats:
        labels.append(" → ".join(str(b) for b in beats))
    return [str(label) for label in labels]


def choices(vocabulary: dict) -> list[tuple[str, str]]:
    """(slug, label) pairs for a form's ``choices`` or the chips of the UI."""
    return [(slug, label) for slug, label in vocabulary.items()]
