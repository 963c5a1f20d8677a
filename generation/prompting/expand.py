"""``expand_prompt``: the parsed prompt written out as an 80-100 word English prompt for the video model.

Like Wan's prompt extender, the prompt covers subject, motion, the fan's scene and beats, physics, camera, light
and style. It is deterministic and offline; when ``settings.WONDER_LLM_URL`` is set, the video job may have an
LLM rewrite it once (:func:`.llm.refine_video_prompt`), and any failure keeps this text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .vocab import BEATS, DEFAULT_STYLE, SETTINGS, WEATHERS
from .vocab import LIGHTS as SCENE_LIGHTS

if TYPE_CHECKING:
    from .parse import ParsedPrompt

MIN_WORDS, MAX_WORDS = 80, 100

ROLES = {
    "alpine-skiing": "an alpine skier",
    "biathlon": "a biathlete",
    "bobsleigh": "a bobsleigh crew",
    "cross-country-skiing": "a cross-country skier",
    "curling": "a curler",
    "figure-skating": "a figure skater",
    "freestyle-skiing": "a freestyle skier",
    "ice-hockey": "an ice hockey player",
    "luge": "a luge athlete",
    "nordic-combined": "a Nordic combined athlete",
    "short-track": "a short-track speed skater",
    "skeleton": "a skeleton athlete",
    "ski-jumping": "a ski jumper",
    "ski-mountaineering": "a ski mountaineer",
    "snowboard": "a snowboarder",
    "speed-skating": "a long-track speed skater",
}
PARA_ROLES = {
    "alpine-skiing": "a para alpine skier on a sit-ski",
    "biathlon": "a para biathlete on a sit-ski",
    "cross-country-skiing": "a para cross-country skier on a sit-ski",
    "curling": "a wheelchair curler",
    "ice-hockey": "a para ice hockey player on a sledge",
    "snowboard": "a para snowboarder",
}

# The signature motion of each sport: what a broadcast would show in the decisive seconds.
MOTIONS = {
    "alpine-skiing": "carves through the gates of a steep giant slalom course, skis biting the ice on every turn",
    "biathlon": "glides into the shooting range, drops to the mat, fires five precise shots at the black"
    " targets"
    " and sprints back onto the trail",
    "bobsleigh": "sprints beside the bobsleigh, pushes hard, leaps in as one and drops into the first banked curve",
    "cross-country-skiing": "glides through a snowy forest with long rhythmic strides and powerful double poling",
    "curling": "slides out of the hack and releases a granite stone while teammates sweep hard in front of it"
    " toward the house",
    "figure-skating": "launches a triple jump, lands softly on one blade and spins into a fast, tight pirouette",
    "freestyle-skiing": "pops off a big kicker, twists through a double cork high above the terrain park and"
    " stomps the landing",
    "ice-hockey": "dekes past a defender, cuts across the blue line and fires a slap shot past the goalie",
    "luge": "lies flat on a tiny sled, feet first, steering with calves and shoulders through banked ice curves",
    "nordic-combined": "soars from the ski jump in a clean V-style flight, then races cross-country to the finish",
    "short-track": "leans low into a tight bend on the small oval, fingertips brushing the ice, and overtakes"
    " on"
    " the inside",
    "skeleton": "sprints, dives head-first onto a small sled and slides face-down through banked ice curves",
    "ski-jumping": "speeds down the in-run, explodes off the take-off, holds a wide V-style flight high above"
    " the"
    " valley and lands a clean telemark",
    "ski-mountaineering": "climbs a steep snowy ridge on skins, switches at the summit and skis powder back down",
    "snowboard": "drops into the halfpipe, launches high above the lip with a spinning rotation and lands smoothly",
    "speed-skating": "powers around the 400-metre oval with deep rhythmic strides, one arm swinging, the"
    " other"
    " behind the back",
}
NO_SPORT_MOTION = "moves through a snowy winter landscape at the Milano Cortina Winter Games"

_SNOW = "Snow sprays from the edges in glittering arcs, and every movement has real weight and momentum."
_ICE = "Ice shavings spray from the blades and reflections shimmer on the polished ice."
_SLED = "The runners hiss on glassy ice, the sled vibrates at speed and ice chips fly in the curves."
PHYSICS = {
    "alpine-skiing": _SNOW,
    "biathlon": "Breath steams in the cold air, snow dusts the rifle and the targets flip from black to white.",
    "bobsleigh": _SLED,
    "cross-country-skiing": _SNOW,
    "curling": "The stone curls slowly across the pebbled ice, brooms hissing, tiny ice crystals flying.",
    "figure-skating": _ICE,
    "freestyle-skiing": _SNOW,
    "ice-hockey": "The puck skids across scratched ice and shavings spray as skates stop hard.",
    "luge": _SLED,
    "nordic-combined": _SNOW,
    "short-track": _ICE,
    "skeleton": _SLED,
    "ski-jumping": "Wind ripples the suit, the skis stay steady in the air and powder bursts up on landing.",
    "ski-mountaineering": _SNOW,
    "snowboard": _SNOW,
    "speed-skating": _ICE,
}
NO_SPORT_PHYSICS = "Snowflakes drift through the air and fresh snow crunches softly underfoot."

CAMERA_SHOTS = {
    "tracking": "Broadcast tracking shot alongside the action, smooth telephoto follow with natural motion blur.",
    "aerial": "Sweeping aerial drone shot from high above, slowly descending to reveal the scale of the venue.",
    "close-up": "Tight close-up on face and hands, shallow depth of field, sharp focus on the eyes.",
    "slow-motion": "Dramatic slow motion at the peak of the action, every detail crisp and suspended.",
    "zoom": "A slow zoom from a wide view into the decisive moment.",
    "orbit": "The camera orbits around the subject in one smooth continuous move.",
    "static-wide": "Static wide shot framing the whole scene like a broadcast establishing view.",
    "fpv": "Fast FPV drone view chasing close behind, low and immersive, with strong motion blur.",
    "low-angle": "Low-angle shot at ice or snow level, looking up as the action rushes toward the lens.",
}

LIGHTS = {
    "triumph": "Golden light and a cheering crowd in the stands, a feeling of victory.",
    "joy": "Bright sunny morning, vivid colours, a joyful and playful mood.",
    "calm": "Soft diffuse winter light and gently falling snow, a calm, peaceful mood.",
    "tension": "Hard floodlights and deep shadows, a silent crowd, a tense and focused atmosphere.",
    "awe": "Vast Dolomite peaks glowing at sunrise, majestic and awe-inspiring.",
    "melancholy": "Blue-hour twilight and muted colours, quiet and melancholic.",
    "romance": "Warm sunset glow and soft bokeh lights, a romantic atmosphere.",
    "humour": "Bright playful colours and comic timing, lighthearted and funny.",
    "power": "High-contrast stadium lights, explosive energy and raw power.",
    "freedom": "Clear blue sky over endless open snow, a feeling of freedom.",
}
DEFAULT_LIGHT = "Crisp winter daylight over the Dolomites and an electric Winter Games atmosphere."
# The mood alone, for when the fan set the light themselves ("at night" must not become "golden light").
MOODS = {
    "triumph": "A feeling of victory, a cheering crowd.",
    "joy": "Vivid colours, a joyful and playful mood.",
    "calm": "A calm, peaceful mood.",
    "tension": "A tense and focused atmosphere.",
    "awe": "Majestic and awe-inspiring.",
    "melancholy": "Muted colours, quiet and melancholic.",
    "romance": "A romantic atmosphere.",
    "humour": "Lighthearted comic timing.",
    "power": "Explosive energy and raw power.",
    "freedom": "A feeling of freedom.",
}

STYLE_LOOKS = {
    "cinematic": "Cinematic broadcast look, photorealistic, high dynamic range, natural colour grading.",
    "anime": "Anime style, clean cel shading, expressive lines, vibrant colours and dynamic speed lines.",
    "watercolor": "Watercolour painting style, soft washes of colour, visible paper texture, gentle bleeding edges.",
    "van-gogh": "In the style of Van Gogh, thick impasto brushstrokes, swirling skies, vivid blues and yellows.",
    "ink-wash": "Chinese ink wash painting style, flowing black ink, misty mountains and generous empty space.",
    "pixel-art": "Pixel art style, 16-bit retro video game look, crisp pixels and a limited colour palette.",
    "comic": "Comic book style, bold ink outlines, halftone shading and dynamic panel-like framing.",
    "scifi": "Neon sci-fi style, cyberpunk glow, holographic lights, futuristic reflective ice and snow.",
}

# Added, in order, only while the prompt is under MIN_WORDS.
PADDING = [
    "The venue is the Milano Cortina 2026 Winter Games, snow-capped Dolomites in the background.",
    "Realistic anatomy and natural body mechanics, consistent identity in every frame.",
    "Every motion follows real sports physics, with believable speed, balance and timing.",
    "Smooth temporal coherence, sharp details, no text, no logos, no watermark.",
]

_ADJECTIVES = {"elderly": "elderly", "young": "young", "little": "small", "female": "female"}
_GROUPS = {"two people": "two", "three people": "three", "four people": "four"}
# The languages of mC4, on which Wan's umT5 text encoder was trained: a sentence in one of them is worth giving
# the model as the fan wrote it, beside the English prompt (nuance the lexicons do not capture survives).
UMT5_LANGUAGES = frozenset(
    "af am ar az be bg bn ca ceb co cs cy da de el eo es et eu fa fi tl fr fy ga gd gl gu ha haw hi hmn ht hu hy id"
    " ig is it he ja jv ka kk km kn ko ku ky la lb lo lt lv mg mi mk ml mn mr ms mt my ne nl nb ny pa pl ps pt ro"
    " ru sd si sk sl sm sn so sq sr st su sv sw ta te tg th tr uk ur uz vi xh yi yo zh-Hans zh-Hant zu".split()
)


def default_subject(sport: str | None, *, para: bool = False) -> str:
    """Who the clip shows when the fan names no one: the sport's athlete, or a fan for no sport."""
    if sport is None:
        return "a winter sports fan"
    return PARA_ROLES.get(sport, ROLES[sport]) if para else ROLES[sport]


def count_words(text: str) -> int:
    """Words as a video model's prompt budget counts them: whitespace-separated."""
    return len(text.split())


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _subject_sentence(parsed: ParsedPrompt, attributes: list[str]) -> str:
    sport = parsed.sport
    role = default_subject(sport, para=parsed.para) if sport else None
    parts = [parsed.subject]
    adjectives = [_ADJECTIVES[a] for a in attributes if a in _ADJECTIVES]
    if adjectives:
        parts.append(_join(adjectives))
    if role and role != parsed.subject:
        parts.append(f"as {role}")
    companions = [a for a in attributes if a.startswith("with ")]
    parts.extend(companions)
    groups = [_GROUPS[a] for a in attributes if a in _GROUPS]
    if groups:
        parts.append(f"in a group of {groups[0]}")
    garments = [
        a
        for a in attributes
        if a not in _ADJECTIVES and a not in _GROUPS and a != "crowd" and not a.startswith("with ")
    ]
    worn = [g for g in garments if " " in g or g not in _COLOUR_WORDS]
    colours = [g for g in garments if g in _COLOUR_WORDS]
    if worn:
        parts.append("wearing " + _join([f"a {g}" for g in worn]))
    if colours:
        parts.append("dressed in " + _join(colours))
    motion = MOTIONS.get(sport or "", NO_SPORT_MOTION)
    sentence = ", ".join(parts) + (", " if len(parts) > 1 else " ") + motion + "."
    return sentence[0].upper() + sentence[1:]


_COLOUR_WORDS = {
    "red",
    "blue",
    "green",
    "yellow",
    "white",
    "black",
    "pink",
    "orange",
    "purple",
    "gold",
    "silver",
}


def _actor(parsed: ParsedPrompt) -> str:
    """How the beats refer back to the subject: "the panda", "my dad", or "the athlete"."""
    subject = parsed.subject
    for article in ("a ", "an "):
        if subject.startswith(article):
            return "the " + subject[len(article) :]
    return subject if subject.startswith(("my ", "@", "Santa", "Sun Wukong")) else "the athlete"


def _beats_sentence(parsed: ParsedPrompt) -> str | None:
    """The fan's action beats, in their order: "Then the panda slips, then everyone laughs." """
    if not parsed.beats:
        return None
    actor = _actor(parsed)
    steps = []
    for beat in parsed.beats:
        phrase = BEATS[beat]
        # Phrases that already name who acts ("everyone laughs", "the crowd cheers") keep their own subject.
        steps.append(phrase if phrase.split()[0] in ("everyone", "the", "people") else f"{actor} {phrase}")
    return "Then " + ", then ".join(steps) + "."


def _scene_sentence(parsed: ParsedPrompt, attributes: list[str]) -> str | None:
    """Where, in what light and weather: "The scene is set in a village, at dawn, with snow falling." """
    details = [table[key] for table, key in ((SCENE_LIGHTS, parsed.light), (WEATHERS, parsed.weather)) if key]
    crowd = "crowd" in attributes
    if not (parsed.setting or details or crowd):
        return None
    text = f"The scene is set in {SETTINGS[parsed.setting]}" if parsed.setting else "The scene unfolds"
    if details:
        text += (", " if parsed.setting else " ") + ", ".join(details)
    return text + (" in front of a cheering crowd." if crowd else ".")


def model_prompt(spec: dict) -> str:
    """What the video model reads: the English prompt, plus the fan's own sentence when its encoder reads it."""
    english = str(spec.get("prompt_en") or spec.get("prompt") or "").strip()
    own = " ".join(str(spec.get("prompt") or "").split())
    if own and spec.get("language") in UMT5_LANGUAGES and spec.get("language") != "en" and own != english:
        return f"{english} Original description: {own}"
    return english


def _assemble(sentences: list[str | None]) -> str:
    return " ".join(s for s in sentences if s)


def template_prompt(parsed: ParsedPrompt) -> str:
    """The deterministic English prompt: 80-100 words carrying the sport, subject, scene, beats and style."""
    sport = parsed.sport or ""
    style = parsed.style or DEFAULT_STYLE
    attributes = list(parsed.attributes)
    physics: str | None = PHYSICS.get(sport, NO_SPORT_PHYSICS)
    mood = MOODS.get(parsed.emotion or "") if parsed.light else LIGHTS.get(parsed.emotion or "", DEFAULT_LIGHT)
    while True:
        core = [
            _subject_sentence(parsed, attributes),
            _beats_sentence(parsed),
            _scene_sentence(parsed, attributes),
            physics,
            CAMERA_SHOTS.get(parsed.camera, CAMERA_SHOTS["static-wide"]),
            mood,
            STYLE_LOOKS[style],
        ]
        if count_words(_assemble(core)) <= MAX_WORDS:
            break
        # Too long: the fan's scene and beats stay; generic physics goes first, then the last attributes.
        if physics:
            physics = None
        elif attributes:
            attributes.pop()
        else:
            break
    # The default venue would contradict a setting the fan chose ("a village", "a city square").
    padding = iter(PADDING[1:] if parsed.setting else PADDING)
    while count_words(_assemble(core)) < MIN_WORDS:
        extra = next(padding, None)
        if extra is None:
            break
        candidate = core[:-1] + [extra, core[-1]]
        if count_words(_assemble(candidate)) > MAX_WORDS:
            continue
        core = candidate
    text = _assemble(core)
    words = text.split()
    if len(words) > MAX_WORDS:
        # Last resort for a very long subject (many references): cut, and end the sentence cleanly.
        text = " ".join(words[:MAX_WORDS]).rstrip(",;") + ("" if words[MAX_WORDS - 1].endswith(".") else ".")
    return text


def expand_prompt(parsed: ParsedPrompt) -> str:
    """The English model prompt. Deterministic and offline; the LLM rewrite happens once per video, in the job."""
    return template_prompt(parsed)
