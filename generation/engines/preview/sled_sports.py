"""Motion of the sliding sports on an ice channel with banked curves: luge, skeleton and bobsleigh."""

from __future__ import annotations

import numpy as np

from .motion import Beat, Emitter, Gear, Motion, Prop, foot, lerp, mix_arm, smooth, span, vec
from .rig import Arm, Pose

ARMS_SIDE = (Arm(0.05, 0.2, 0.1), Arm(0.05, 0.2, 0.1))


class Channel(Motion):
    """An icy channel dropping at ~6 degrees; in the banked curve the sled climbs the far wall."""

    venue = "channel"
    view_pitch = 0.22
    view_yaw = 0.3

    def __init__(self, duration, rng, build, speed: float = 24.0, start: float = 0.22):
        super().__init__(duration, rng, build)
        xs = np.arange(-200, 400, 2.0)
        self.profile = (xs, -0.1 * xs)
        self.speed, self.t_go = speed, duration * start
        self.bank_at = duration * (0.55 + rng.uniform(-0.05, 0.05))
        self.bank_len = duration * 0.3
        x0 = self.sled_x(self.bank_at)
        self.fixtures.append(Prop("bank", vec(x0, 0, 0), {"length": self.speed * self.bank_len}))

    def sled_x(self, t):
        """Push start from rest to 6 m/s at ``t_go`` (x = 0 there), then gravity builds to ``speed``."""
        if t < self.t_go:
            return 3.0 * t * t / max(self.t_go, 1e-3) - 3.0 * self.t_go
        dt = t - self.t_go
        return 6.0 * dt + 0.5 * (self.speed - 6) * dt * dt / max(self.duration - self.t_go, 1e-3)

    def bank(self, t):
        """How far up the banked wall (0..1) the sled rides at ``t``."""
        return float(np.sin(np.pi * span(t, self.bank_at, self.bank_at + self.bank_len)) ** 2)

    def place(self, t, up: float = 0.0):
        x = self.sled_x(t)
        b = self.bank(t)
        pos = vec(x, float(self.ground(x)) + 1.6 * b + up, -1.4 * b)
        return pos, b

    def sled_prop(self, kind, t, colour):
        pos, b = self.place(t)
        return Prop("sled", pos, {"type": kind, "roll": 0.8 * b, "pitch": -0.1, "colour": colour}), pos, b

    def spray(self, pos, b):
        return [Emitter(pos + vec(-0.6, 0, 0), vec(-6, 1.0 + 2 * b, 1.5 * b), 800 + 1500 * b, spread=1.3, kind="ice")]


class Luge(Channel):
    """Paddling start sitting up, then flat on the back, feet first, the head lifted to see the track."""

    def beat(self, t):
        sled, pos, b = self.sled_prop("luge", t, (40, 90, 220))
        lie = smooth(span(t, self.t_go * 0.6, self.t_go * 1.1))
        paddle = np.sin(2 * np.pi * t * 2.5) * (1 - lie)
        arms = (Arm(0.6 + 0.6 * paddle, 0.4, 0.2), Arm(0.6 + 0.6 * paddle, 0.4, 0.2))
        arms = (mix_arm(arms[0], ARMS_SIDE[0], lie), mix_arm(arms[1], ARMS_SIDE[1], lie))
        pose = Pose(
            pos=pos + vec(0, 0.35, 0),
            pitch=lerp(-0.5, -1.45, lie),
            roll=0.8 * b,
            lean=lerp(0.5, 0.1, lie),
            nod=lerp(0, 0.9, lie),
            feet=(foot(0.85, -0.35, 0.1), foot(0.85, -0.35, -0.1)),
            arms=arms,
        )
        pose.feet = (foot(0.05, -0.9 + 0.5 * (1 - lie), 0.1), foot(0.05, -0.9 + 0.5 * (1 - lie), -0.1))
        return Beat(
            pose,
            Gear("boots", "", bib=True),
            focus=pos + vec(1, 0.4, 0),
            velocity=vec(self.speed, 0, 0),
            emitters=self.spray(pos, b) if t > self.t_go else [],
            props=[sled],
        )


class Skeleton(Channel):
    """Sprinting beside the sled, the dive, then head-first and prone with the chin just off the ice."""

    view_yaw = 0.85  # from ahead: the head-first rush comes at the lens
    view_pitch = 0.3
    zoom = 1.35

    def beat(self, t):
        sled, pos, b = self.sled_prop("skeleton", t, (60, 60, 70))
        dive = smooth(span(t, self.t_go * 0.85, self.t_go * 1.1))
        run = 2 * np.pi * t * 2.6
        s = np.sin(run) * (1 - dive)
        feet = (foot(0.4 * s, -0.85 + 0.12 * max(s, 0), 0.1), foot(-0.4 * s, -0.85 + 0.12 * max(-s, 0), -0.1))
        feet = (lerp(feet[0], foot(0, -0.9, 0.12), dive), lerp(feet[1], foot(0, -0.9, -0.12), dive))
        arms = (mix_arm(Arm(1.5, 0.3, 0.2), ARMS_SIDE[0], dive), mix_arm(Arm(0.3 - s, 0.2, 0.8), ARMS_SIDE[1], dive))
        run_pos = pos + vec(-0.9, 0, 0.5)
        run_pos[1] = float(self.ground(run_pos[0]))
        body = lerp(run_pos, pos + vec(0.1, 0.3, 0), dive)
        pose = Pose(
            pos=body,
            pitch=lerp(0.9, 1.5, dive),
            roll=0.8 * b,
            lean=lerp(0.1, -0.05, dive),
            nod=lerp(-0.8, -1.1, dive),
            feet=feet,
            arms=arms,
        )
        if dive < 0.5:
            self.plant(pose, float(self.ground(body[0])))
        return Beat(
            pose,
            Gear("boots", "", bib=True),
            focus=pos + vec(1, 0.4, 0),
            velocity=vec(self.speed, 0, 0),
            emitters=self.spray(pos, b) if t > self.t_go else [],
            props=[sled],
        )


class Bobsleigh(Channel):
    """Four athletes push the bob, load in one after another, and the sled takes the banked curve."""

    zoom = 0.85

    def __init__(self, duration, rng, build):
        super().__init__(duration, rng, build, speed=26.0, start=0.3)
        self.colour = ((200, 30, 40), (30, 60, 160), (240, 240, 245), (20, 20, 24))[int(rng.integers(4))]

    def pusher(self, t, slot: int):
        """A crew member: sprinting with a hand on the bob, then jumping in (slot 0 is the pilot)."""
        pos, b = self.place(t)
        seat = pos + vec(0.9 - 0.55 * slot, 0.15, 0)
        load_at = self.t_go * (0.9 + 0.06 * slot)
        sit = smooth(span(t, load_at, load_at + 0.18))
        side = (0.7, -0.7, 0.7, -0.7)[slot] * (1 - sit)
        run = 2 * np.pi * (t * 2.6 + 0.25 * slot)
        s = np.sin(run) * (1 - sit)
        ground_pos = vec(seat[0] - 0.6, float(self.ground(seat[0])), side)
        body = lerp(ground_pos, seat, sit)
        feet = (foot(0.45 * s, -0.85 + 0.15 * max(s, 0), 0.1), foot(-0.45 * s, -0.85 + 0.15 * max(-s, 0), -0.1))
        feet = (lerp(feet[0], foot(0.35, -0.3, 0.12), sit), lerp(feet[1], foot(0.35, -0.3, -0.12), sit))
        pose = Pose(
            pos=body,
            roll=0.8 * b,
            lean=lerp(1.0, 0.55 + 0.25 * (slot > 0), sit),
            nod=-0.3,
            feet=feet,
            arms=(Arm(1.4, 0.4, 0.2), Arm(1.4, 0.4, 0.2)),
        )
        if sit < 0.5:
            self.plant(pose, float(self.ground(body[0])))
        else:
            pose.pos[1] = seat[1] + 0.0
        return pose

    def beat(self, t):
        sled, pos, b = self.sled_prop("bob", t, self.colour)
        pilot = self.pusher(t, 0)
        crew = [(self.pusher(t, k), Gear("boots", "", bib=False)) for k in (3, 2, 1)]
        return Beat(
            pilot,
            Gear("boots", "", bib=False),
            focus=pos + vec(0.5, 0.5, 0),
            velocity=vec(self.speed, 0, 0),
            emitters=self.spray(pos, b) if t > self.t_go else [],
            props=[sled],
            crew=crew,
        )
