"""Who the athlete is: the subject text and colour attributes turned into a species, a build and a palette."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from .rig import Build

RGB = tuple[int, int, int]

COLOURS: dict[str, RGB] = {
    "red": (214, 40, 48),
    "crimson": (170, 20, 50),
    "scarlet": (230, 36, 30),
    "orange": (245, 130, 30),
    "yellow": (250, 208, 40),
    "gold": (232, 180, 50),
    "golden": (232, 180, 50),
    "green": (40, 160, 80),
    "emerald": (20, 150, 100),
    "teal": (20, 150, 150),
    "cyan": (40, 200, 230),
    "blue": (40, 100, 220),
    "navy": (25, 40, 100),
    "purple": (130, 60, 180),
    "violet": (150, 80, 210),
    "pink": (240, 120, 170),
    "magenta": (220, 40, 160),
    "white": (240, 242, 245),
    "black": (28, 28, 34),
    "grey": (130, 134, 140),
    "gray": (130, 134, 140),
    "silver": (190, 196, 204),
    "brown": (120, 80, 50),
    "turquoise": (40, 200, 190),
    "lime": (160, 220, 60),
}

GARMENTS = {
    "scarf": "scarf",
    "jacket": "jacket",
    "coat": "jacket",
    "suit": "jacket",
    "sweater": "jacket",
    "jersey": "jacket",
    "top": "jacket",
    "pants": "pants",
    "trousers": "pants",
    "helmet": "helmet",
    "hat": "helmet",
    "beanie": "helmet",
    "cap": "helmet",
    "dress": "jacket",
    "costume": "jacket",
    "skis": "gear",
    "board": "gear",
    "snowboard": "gear",
    "sled": "gear",
}

SPECIES_WORDS = {
    "panda": "panda",
    "penguin": "penguin",
    "cat": "cat",
    "kitten": "cat",
    "tiger": "cat",
    "fox": "fox",
    "dog": "dog",
    "puppy": "dog",
    "corgi": "dog",
    "husky": "dog",
    "wolf": "dog",
    "bear": "bear",
    "polar bear": "bear",
    "rabbit": "rabbit",
    "bunny": "rabbit",
    "hare": "rabbit",
    "robot": "robot",
    "android": "robot",
    "cyborg": "robot",
    "mecha": "robot",
    "snowman": "snowman",
}

AGE_WORDS = {
    "grandma": "elder",
    "grandmother": "elder",
    "granny": "elder",
    "grandpa": "elder",
    "grandfather": "elder",
    "old": "elder",
    "elderly": "elder",
    "child": "child",
    "kid": "child",
    "boy": "child",
    "girl": "child",
    "little": "child",
    "baby": "child",
    "toddler": "child",
}

SKIN_TONES: tuple[RGB, ...] = ((241, 200, 170), (224, 172, 135), (190, 135, 95), (141, 94, 62), (100, 66, 44))
JACKETS: tuple[RGB, ...] = (
    (214, 40, 48),
    (40, 100, 220),
    (250, 190, 40),
    (30, 170, 120),
    (240, 110, 40),
    (140, 70, 200),
    (236, 240, 245),
)
PANTS: tuple[RGB, ...] = ((30, 34, 48), (50, 56, 70), (236, 238, 242), (25, 40, 100))


@dataclass
class Look:
    """Species, build and colours of the athlete figure."""

    species: str = "human"  # human, panda, penguin, cat, fox, dog, bear, rabbit, robot, snowman
    age: str = "adult"  # adult, child, elder
    build: Build = field(default_factory=Build)
    jacket: RGB = (214, 40, 48)
    pants: RGB = (30, 34, 48)
    helmet: RGB = (245, 245, 248)
    skin: RGB = (224, 172, 135)
    hair: RGB = (60, 40, 30)
    accent: RGB = (250, 208, 40)  # gloves, boots, stripes
    gear: RGB = (250, 208, 40)  # skis, board, sled
    fur: RGB | None = None  # animal head colour
    fur_dark: RGB | None = None  # ears, patches
    scarf: RGB | None = None
    number: int = 7


def _colour_for(text: str) -> RGB | None:
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in COLOURS:
            return COLOURS[word]
    return None


def _assign_colours(look: Look, phrases: list[str]) -> None:
    """ "red scarf" colours the scarf, "blue" alone colours the jacket; the first colour for a garment wins."""
    done: set[str] = set()
    for phrase in phrases:
        words = re.findall(r"[a-z]+", phrase.lower())
        for i, word in enumerate(words):
            if word not in COLOURS:
                continue
            garment = "jacket"
            for nxt in words[i + 1 : i + 4]:
                if nxt in GARMENTS:
                    garment = GARMENTS[nxt]
                    break
            if garment in done:
                continue
            done.add(garment)
            setattr(look, garment, COLOURS[word])
    # A scarf mentioned without a colour still appears.
    if look.scarf is None and any("scarf" in p.lower() for p in phrases):
        look.scarf = (214, 40, 48)


def make_look(subject: str | None, attributes: list[str] | None, rng: np.random.Generator) -> Look:
    """Build the athlete's look from the subject text (``"a panda"``) and attributes (``["red jacket"]``)."""
    text = (subject or "").lower()
    attrs = [str(a) for a in (attributes or [])]
    look = Look(
        skin=SKIN_TONES[int(rng.integers(len(SKIN_TONES)))],
        jacket=JACKETS[int(rng.integers(len(JACKETS)))],
        pants=PANTS[int(rng.integers(len(PANTS)))],
        number=int(rng.integers(1, 99)),
    )
    look.hair = ((60, 40, 30), (25, 22, 20), (150, 100, 50), (200, 160, 90))[int(rng.integers(4))]
    if look.jacket == look.accent:
        look.accent = (250, 250, 250)

    for phrase, species in sorted(SPECIES_WORDS.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{phrase}s?\b", text):
            look.species = species
            break
    for word, age in AGE_WORDS.items():
        if re.search(rf"\b{word}\b", text):
            look.age = age
            break

    if look.age == "child":
        look.build = Build().scaled(0.72, head=1.35)
    elif look.age == "elder":
        look.hair = (222, 222, 226)
        look.scarf = (214, 40, 48)

    species_looks = {
        "panda": dict(fur=(245, 245, 245), fur_dark=(25, 25, 28), jacket=(240, 240, 240), pants=(28, 28, 32)),
        "penguin": dict(fur=(26, 28, 36), fur_dark=(250, 160, 30), jacket=(26, 28, 36), pants=(26, 28, 36)),
        "cat": dict(fur=(240, 150, 60), fur_dark=(190, 100, 40)),
        "fox": dict(fur=(232, 110, 40), fur_dark=(250, 245, 240)),
        "dog": dict(fur=(200, 150, 95), fur_dark=(120, 80, 50)),
        "bear": dict(fur=(120, 80, 50), fur_dark=(80, 50, 30)),
        "rabbit": dict(fur=(245, 240, 236), fur_dark=(240, 170, 180)),
        "robot": dict(fur=(190, 198, 210), fur_dark=(40, 230, 255), pants=(120, 128, 140), jacket=(170, 178, 190)),
        "snowman": dict(fur=(248, 250, 252), fur_dark=(250, 120, 30), jacket=(248, 250, 252), pants=(248, 250, 252)),
    }
    for key, value in species_looks.get(look.species, {}).items():
        setattr(look, key, value)
    if look.species in ("panda", "bear"):
        look.build = Build().scaled(0.95 if look.age != "child" else 0.72, head=1.25, girth=1.35)
    elif look.species == "penguin":
        look.build = Build(thigh=0.3, shin=0.3, spine=0.6, upper_arm=0.26, forearm=0.2, head=0.14).scaled(
            1.0 if look.age != "child" else 0.75, girth=1.5
        )
    elif look.species == "snowman":
        look.build = Build().scaled(1.0, head=1.3, girth=1.6)

    _assign_colours(look, [text, *attrs])
    return look
