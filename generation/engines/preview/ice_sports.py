"""Motion of the ice sports: figure skating, speed skating, short track, ice hockey and curling."""

from __future__ import annotations

import numpy as np

from .motion import Beat, Emitter, Gear, Motion, Prop, clamp01, ease_out, foot, lerp, mix_arm, smooth, span, vec
from .rig import Arm, Pose

ARMS_WIDE = (Arm(0.35, 1.3, 0.15), Arm(0.35, 1.3, 0.15))
ARMS_HUG = (Arm(0.9, 0.25, 1.7), Arm(0.9, 0.25, 1.7))
ARMS_UP = (Arm(2.8, 0.35, 0.15), Arm(2.8, 0.35, 0.15))


def ice(pos: np.ndarray, vel: np.ndarray, rate: float) -> Emitter:
    return Emitter(pos=pos.copy(), vel=vel, rate=max(rate, 0.0), spread=1.6, kind="ice")


class FigureSkating(Motion):
    """Glide on one foot, a double jump with arms pulled in, landing in an arabesque, then a scratch spin."""

    venue = "rink"
    zoom = 1.25
    slow_focus = 0.42

    def beat(self, t):
        u = self.phase(t)
        x = 6.0 * ease_out(clamp01(u / 0.62)) * 1.4 - 4
        arms = ARMS_WIDE
        feet = (foot(0.0, -0.9, 0.1), foot(-0.45, -0.62, -0.1))
        heading, lean, y_air = 0.0, 0.1, 0.0
        em: list[Emitter] = []
        flash = 0.0
        if u < 0.28:
            lift = smooth(span(u, 0.05, 0.2))
            feet = (foot(0.0, -0.9, 0.1), foot(-0.55 * lift, -0.9 + 0.35 * lift, -0.1))
            lean = 0.1 + 0.5 * lift
        elif u < 0.34:
            k = span(u, 0.28, 0.34)
            feet = (foot(0.1, -0.65, 0.1), foot(-0.3, -0.7, -0.1))
            arms = (mix_arm(ARMS_WIDE[0], Arm(-0.5, 0.3, 0.2), k), mix_arm(ARMS_WIDE[1], Arm(-0.5, 0.3, 0.2), k))
            lean = 0.3
        elif u < 0.52:
            a = span(u, 0.34, 0.52)
            y_air = 0.55 * np.sin(np.pi * a)
            heading = -2 * 2 * np.pi * smooth(a)
            feet = (foot(0.05, -0.88, 0.04), foot(0.08, -0.8, -0.06))
            arms = ARMS_HUG
            if a < 0.12:
                em.append(ice(vec(x, 0.05, 0), vec(-2, 2, 0), 1500))
        elif u < 0.64:
            k = span(u, 0.52, 0.64)
            feet = (foot(0.0, -0.75 + 0.1 * k, 0.1), foot(-0.6, -0.55, -0.1))
            arms = ARMS_WIDE
            lean = 0.35
            if k < 0.4:
                em.append(ice(vec(x, 0.05, 0), vec(2, 1.5, 0), 2200 * (1 - k)))
                flash = 0.35 * (1 - k)
        else:
            k = span(u, 0.64, 1.0)
            # Conservation of angular momentum: the spin speeds up as the arms come in.
            omega = lerp(5.0, 16.0, smooth(k))
            heading = -(omega * (u - 0.64) * self.duration)
            arms = (
                mix_arm(ARMS_WIDE[0], ARMS_UP[0], smooth(k * 1.4)),
                mix_arm(ARMS_WIDE[1], ARMS_UP[1], smooth(k * 1.4)),
            )
            feet = (foot(0.0, -0.9, 0.04), foot(0.12, -0.55, -0.0))
            lean = 0.05
            em.append(ice(vec(x, 0.05, 0), vec(np.cos(heading) * 3, 0.8, np.sin(heading) * 3), 900))
        pose = Pose(pos=vec(x, 0, 0), heading=heading, lean=lean, feet=feet, arms=arms)
        self.plant(pose, 0.0)
        pose.pos[1] += y_air
        return Beat(pose, Gear("skates"), focus=vec(x, 1.0, 0), velocity=vec(5, 0, 0), emitters=em, flash=flash)


class SpeedSkating(Motion):
    """Deep crouch, long side pushes, one hand on the back, leaning into the curve of the oval."""

    venue = "oval"
    view_yaw = 0.4

    def __init__(self, duration, rng, build, curve_at: float = 0.45, radius: float = 26.0, speed: float = 13.0):
        super().__init__(duration, rng, build)
        self.curve_at, self.radius, self.speed = curve_at, radius, speed
        self.period = 1.15 + rng.uniform(-0.05, 0.05)
        for k in range(-30, 120):
            self.fixtures.append(Prop("lane_block", vec(k * 2.5, 0, -2.0), {}))

    def path(self, t):
        """(x, z, heading, roll) along a straight then a left-hand curve."""
        t0 = self.duration * self.curve_at
        if t < t0:
            return self.speed * (t - t0), 0.0, 0.0, 0.0
        ang = self.speed * (t - t0) / self.radius
        ang = min(ang, 1.1)
        x = self.radius * np.sin(ang)
        z = self.radius * (1 - np.cos(ang))
        lean_in = np.arctan(self.speed**2 / (self.radius * 9.81)) * smooth(ang / 0.3)
        return x, z, -ang, lean_in

    def stride(self, t, crouch: float = 0.75):
        ph = 2 * np.pi * t / self.period
        pl, pr = max(np.sin(ph), 0.0), max(-np.sin(ph), 0.0)
        feet = (
            foot(-0.12 * pl, -0.9 + 0.38 * crouch * (1 - 0.7 * pl), 0.1 + 0.55 * pl),
            foot(-0.12 * pr, -0.9 + 0.38 * crouch * (1 - 0.7 * pr), -0.1 - 0.55 * pr),
        )
        return feet, ph, pl, pr

    def beat(self, t):
        x, z, heading, roll = self.path(t)
        feet, ph, pl, pr = self.stride(t)
        swing = Arm(0.4 + 1.2 * np.sin(ph), 0.2, 0.3)
        pose = Pose(
            pos=vec(x, 0, z),
            heading=heading,
            roll=roll,
            lean=1.2,
            nod=-0.9,
            feet=feet,
            arms=(Arm(-0.2, 0.05, 0.3), swing),
        )
        self.plant(pose, 0.0)
        la, ra = self.ankles(pose)
        em = [ice(la, vec(-2, 1.0, 2), 700 * pl**2), ice(ra, vec(-2, 1.0, -2), 700 * pr**2)]
        gear = Gear("skates", "", bib=False)
        return Beat(pose, gear, focus=pose.pos + vec(0, 0.1, 0), velocity=vec(self.speed, 0, 0), emitters=em)


class ShortTrack(SpeedSkating):
    """A tight corner at full lean, left hand brushing the ice, two rivals on the inside."""

    venue = "oval"
    view_yaw = 0.2
    view_pitch = 0.3

    def __init__(self, duration, rng, build):
        super().__init__(duration, rng, build, curve_at=0.25, radius=9.0, speed=10.5)
        self.fixtures = [
            Prop("corner_block", vec(self.radius * np.sin(a), 0, self.radius * (1 - np.cos(a)) - 1.2), {})
            for a in np.linspace(-0.6, 2.6, 12)
        ]
        self.colours = [(250, 200, 30), (30, 180, 220)]

    def racer(self, t, lag: float, lane: float, crouch: float = 0.8):
        x, z, heading, _ = self.path(t - lag)
        roll = 0.75 * smooth(span(t - lag, self.duration * self.curve_at, self.duration * self.curve_at + 0.5))
        z += lane
        feet, ph, pl, pr = self.stride(t - lag, crouch)
        touch = Arm(1.3 + 0.2 * roll, 0.9 * roll, 0.2)
        pose = Pose(
            pos=vec(x, 0, z),
            heading=heading,
            roll=roll,
            lean=1.15,
            nod=-0.9,
            feet=feet,
            arms=(touch if roll > 0.3 else Arm(-0.2, 0.05, 0.3), Arm(0.4 + 1.1 * np.sin(ph), 0.2, 0.3)),
        )
        self.plant(pose, 0.0)
        return pose, pl, pr

    def beat(self, t):
        pose, pl, pr = self.racer(t, 0.0, 0.0)
        la, ra = self.ankles(pose)
        em = [ice(la, vec(-1, 1.5, 3), 900 * pl + 300), ice(ra, vec(-1, 1.5, 3), 900 * pr)]
        crew = []
        for k, (lag, lane) in enumerate(((0.38, -1.1), (0.75, 0.5))):
            p, _, _ = self.racer(t, lag, lane)
            crew.append((p, Gear("skates", "", bib=False, tool_angle=float(k))))
        return Beat(
            pose,
            Gear("skates", "", bib=False),
            focus=pose.pos + vec(0, 0.1, 0),
            velocity=vec(self.speed, 0, 0),
            emitters=em,
            crew=crew,
        )


class IceHockey(Motion):
    """Skating with the puck, a slap shot, the puck into the top corner, a hockey stop in a spray of ice."""

    venue = "rink"
    slow_focus = 0.62

    def __init__(self, duration, rng, build):
        super().__init__(duration, rng, build)
        self.goal = vec(17.0, 0.0, 0.0)
        self.fixtures.append(Prop("goal", self.goal, {}))
        self.period = 0.75

    def beat(self, t):
        u = self.phase(t)
        speed = 7.0
        x = -12 + speed * t * (1 - 0.5 * smooth(span(u, 0.62, 0.9)))
        ph = 2 * np.pi * t / self.period
        pl, pr = max(np.sin(ph), 0.0), max(-np.sin(ph), 0.0)
        feet = (
            foot(-0.1 * pl, -0.72 - 0.1 * pl, 0.12 + 0.35 * pl),
            foot(-0.1 * pr, -0.72 - 0.1 * pr, -0.12 - 0.35 * pr),
        )
        stick = 0.55 + 0.25 * np.sin(ph * 2)
        heading = 0.0
        arms = (Arm(0.6, 0.1, 0.6), Arm(0.95, 0.05, 0.3))
        lean = 0.5
        em: list[Emitter] = []
        flash = 0.0
        windup, shot = span(u, 0.5, 0.6), span(u, 0.6, 0.64)
        if u >= 0.5:
            stick = lerp(lerp(0.55, -2.0, smooth(windup)), 1.6, ease_out(shot))
            arms = (
                Arm(lerp(0.6, 2.0, windup) - 1.2 * shot, 0.2, 0.5),
                Arm(lerp(0.95, 1.8, windup) - 0.5 * shot, 0.1, 0.2),
            )
            feet = (foot(0.2, -0.72, 0.25), foot(-0.25, -0.75, -0.25))
            heading = -0.3 * windup + 0.2 * shot
        stop = span(u, 0.72, 0.82)
        if u >= 0.72:
            heading = lerp(0.0, -np.pi / 2, smooth(stop))
            feet = (foot(0.0, -0.65, 0.3), foot(0.0, -0.7, -0.3))
            lean = 0.3
            em.append(ice(vec(x + 0.3, 0.05, 0), vec(4, 2.0, 0), 4000 * (1 - stop)))
        if u >= 0.84:
            k = smooth(span(u, 0.84, 0.95))
            arms = (mix_arm(arms[0], ARMS_UP[0], k), mix_arm(arms[1], ARMS_UP[1], k))
            stick = lerp(stick, 2.8, k)
        pose = Pose(pos=vec(x, 0, 0), heading=heading, lean=lean, feet=feet, arms=arms)
        self.plant(pose, 0.0)
        # The puck: on the blade until the shot, then a fast flat arc into the top corner.
        t_shot = (0.62 - self.jitter) * self.duration
        blade = pose.pos + vec(0.9, 0, 0)
        blade[1] = 0.03
        if t < t_shot:
            puck = blade + vec(0.15 * np.sin(ph * 2), 0, 0.1 * np.cos(ph))
            focus = pose.pos + vec(1.5, 0.2, 0)
        else:
            k = clamp01((t - t_shot) / 0.3)
            start = vec(x + 1.0, 0.05, 0)
            target = self.goal + vec(0.2, 0.95, 0.6)
            puck = lerp(start, target, k) + vec(0, 0.3 * np.sin(np.pi * k), 0)
            if k >= 1:
                puck = target + vec(0.3, -0.9 * clamp01((t - t_shot - 0.3) / 0.3), 0)
                flash = 0.8 * max(0.0, 1 - (t - t_shot - 0.3) / 0.6)
            focus = lerp(pose.pos + vec(1.5, 0.2, 0), (pose.pos + self.goal) / 2 + vec(0, 0.5, 0), smooth(k))
        props = [Prop("puck", puck, {}), Prop("goal_net", self.goal, {"flash": flash})]
        gear = Gear("skates", "stick", tool_angle=stick, bib=False)
        return Beat(pose, gear, focus=focus, velocity=vec(speed, 0, 0), emitters=em, props=props, flash=flash)


class Curling(Motion):
    """The delivery slide, the release, then sweeping hard ahead of the curling stone into the house."""

    venue = "sheet"
    view_pitch = 0.28
    zoom = 1.2

    def __init__(self, duration, rng, build):
        super().__init__(duration, rng, build)
        self.house = vec(22.0, 0.0, -0.6)
        self.fixtures.append(Prop("house", self.house, {}))
        self.stone_colour = (220, 40, 50) if rng.uniform() < 0.5 else (250, 200, 30)
        self.t_release = duration * 0.3
        self.v0 = 3.6

    def stone(self, t):
        """Stone position and heading: hand speed until release, then constant deceleration into the house."""
        start = -4.0
        x_release = start + self.v0 * self.t_release * 0.85
        if t < self.t_release:
            return vec(start + self.v0 * t * 0.85, 0.0, 0.0), 0.0
        d_total = self.house[0] - x_release
        t_total = max(self.duration - self.t_release, 0.1) * 1.05
        decel = 2 * d_total / t_total**2
        v = 2 * d_total / t_total
        tr = min(t - self.t_release, t_total)
        x = x_release + v * tr - 0.5 * decel * tr * tr
        curl = self.house[2] * (tr / t_total) ** 2
        return vec(x, 0.0, curl), 1.3 * tr

    def beat(self, t):
        stone, spin = self.stone(t)
        em: list[Emitter] = []
        if t < self.t_release + 0.25:
            k = smooth(span(t, 0.0, 0.5))
            x = stone[0] - 0.95
            feet = (foot(0.45, -0.45, 0.05), foot(-0.95 * k, -0.6, -0.15))
            pose = Pose(
                pos=vec(x, 0, -0.1),
                lean=lerp(0.3, 0.95, k),
                nod=-0.4,
                feet=feet,
                arms=(Arm(0.7, 0.7, 0.2), Arm(1.25, 0.15, 0.1)),
            )
            self.plant(pose, 0.0)
            gear = Gear("boots", "broom", tool_angle=0.9, bib=False)
        else:
            k = smooth(span(t, self.t_release + 0.25, self.t_release + 0.8))
            ph = 2 * np.pi * t * 3.2
            x = stone[0] + 0.4 - 0.8 * (1 - k)
            feet = (foot(0.25 * np.sin(ph / 3), -0.85, 0.2), foot(-0.25 * np.sin(ph / 3), -0.85, -0.2))
            pose = Pose(
                pos=vec(x, 0, 0.9),
                heading=0.5,
                lean=0.8,
                feet=feet,
                arms=(Arm(1.1 + 0.15 * np.sin(ph), 0.1, 0.4), Arm(1.4 + 0.15 * np.sin(ph), 0.2, 0.3)),
            )
            self.plant(pose, 0.0)
            gear = Gear("boots", "broom", tool_angle=1.05 + 0.25 * np.sin(ph), bib=False)
            em.append(ice(stone + vec(0.5, 0.05, 0), vec(0, 1.0, 1.0), 500 * k))
        props = [Prop("stone", stone, {"colour": self.stone_colour, "spin": spin})]
        focus = stone + vec(1.0, 0.6, 0)
        return Beat(pose, gear, focus=focus, velocity=vec(self.v0, 0, 0), emitters=em, props=props)
