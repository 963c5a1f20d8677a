"""The 16 sports: slug -> the motion class that performs its signature move."""

from __future__ import annotations

import numpy as np

from .ice_sports import Curling, FigureSkating, IceHockey, ShortTrack, SpeedSkating
from .motion import Motion
from .rig import Build
from .sled_sports import Bobsleigh, Luge, Skeleton
from .snow_sports import (
    Alpine,
    Biathlon,
    CrossCountry,
    Freestyle,
    NordicCombined,
    SkiJumping,
    SkiMountaineering,
    Snowboard,
)

SPORTS: dict[str, type[Motion]] = {
    "alpine-skiing": Alpine,
    "biathlon": Biathlon,
    "bobsleigh": Bobsleigh,
    "cross-country-skiing": CrossCountry,
    "curling": Curling,
    "figure-skating": FigureSkating,
    "freestyle-skiing": Freestyle,
    "ice-hockey": IceHockey,
    "luge": Luge,
    "nordic-combined": NordicCombined,
    "short-track": ShortTrack,
    "skeleton": Skeleton,
    "ski-jumping": SkiJumping,
    "ski-mountaineering": SkiMountaineering,
    "snowboard": Snowboard,
    "speed-skating": SpeedSkating,
}

DEFAULT_SPORT = "alpine-skiing"


def motion_for(sport: str, duration: float, rng: np.random.Generator, build: Build) -> Motion:
    """The motion of ``sport`` (unknown slugs fall back to alpine skiing) for a clip of ``duration`` s."""
    return SPORTS.get(sport, SPORTS[DEFAULT_SPORT])(duration, rng, build)
