"""The motion of a clip with no sport: the subject walks into the winter scene, stops and looks around."""

from __future__ import annotations

import numpy as np

from .motion import Beat, Gear, Motion, foot, lerp, mix_arm, smooth, span, vec
from .rig import Arm, Pose

ARMS_REST = (Arm(0.1, 0.18, 0.25), Arm(0.1, 0.18, 0.25))


class Stroll(Motion):
    """A few unhurried steps across open snow, then standing still with a slow sway: the scene is the subject."""

    venue = "field"
    view_pitch = 0.08
    view_yaw = 0.34
    zoom = 1.15
    slow_focus = 0.5

    def __init__(self, duration, rng, build):
        super().__init__(duration, rng, build)
        xs = np.arange(-60, 120, 2.0)
        self.profile = (xs, 0.4 * np.sin(xs / 11.0 + rng.uniform(0, 6)))
        self.speed = 1.3 + rng.uniform(-0.15, 0.15)
        self.t_stop = duration * (0.55 + rng.uniform(-0.05, 0.05))
        self.period = 1.1

    def beat(self, t):
        stop = smooth(span(t, self.t_stop - 0.4, self.t_stop + 0.3))
        # Walking, then slowing linearly to a halt over 0.7 s around ``t_stop`` (distance: the speed's integral).
        tt = min(t, self.t_stop + 0.3)
        x = self.speed * (tt - 0.5 * max(0.0, tt - (self.t_stop - 0.4)) ** 2 / 0.7)
        ph = 2 * np.pi * t / self.period
        s = np.sin(ph) * (1 - stop)
        feet = (foot(0.22 * s, -0.88 + 0.05 * max(-s, 0), 0.1), foot(-0.22 * s, -0.88 + 0.05 * max(s, 0), -0.1))
        walk = (Arm(0.1 - 0.45 * s, 0.15, 0.35), Arm(0.1 + 0.45 * s, 0.15, 0.35))
        arms = (mix_arm(walk[0], ARMS_REST[0], stop), mix_arm(walk[1], ARMS_REST[1], stop))
        sway = 0.05 * np.sin(t * 1.3) * stop
        pose = Pose(
            pos=vec(x, 0, 0),
            heading=lerp(0.0, 0.5, stop) + sway,
            lean=lerp(0.12, 0.04, stop),
            nod=-0.15 * stop,
            feet=feet,
            arms=arms,
        )
        self.plant(pose, float(self.ground(x)))
        return Beat(
            pose,
            Gear("boots", "", bib=False),
            focus=pose.pos + vec(0.3, 0.3, 0),
            velocity=vec(self.speed * (1 - stop), 0, 0),
        )
