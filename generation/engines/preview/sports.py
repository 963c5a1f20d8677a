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
from .stroll import Stroll

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


def motion_for(sport: str | None, duration: float, rng: np.random.Generator, build: Build) -> Motion:
    """The motion of ``sport`` for a clip of ``duration`` s; with no (or an unknown) sport, a sport-less stroll
    through the scene: the engine never picks a sport for the fan."""
    return SPORTS.get(sport or "", Stroll)(duration, rng, build)
