"""Motion of the snow sports: alpine, freestyle, snowboard, ski jumping, Nordic combined, cross-country,
biathlon and ski mountaineering. Each is built from easing keyframes plus small ballistic simulations."""

from __future__ import annotations

import numpy as np

from .motion import (
    Beat,
    Emitter,
    G,
    Gear,
    Motion,
    Prop,
    clamp01,
    ease_out,
    foot,
    lerp,
    mix_arm,
    mix_feet,
    profile_from,
    smooth,
    span,
    vec,
)
from .rig import Arm, Pose, solve

ARMS_SKI = (Arm(0.55, 0.3, 0.7), Arm(0.55, 0.3, 0.7))
ARMS_WIDE = (Arm(0.4, 1.25, 0.2), Arm(0.4, 1.25, 0.2))
ARMS_BACK = (Arm(-0.35, 0.12, 0.05), Arm(-0.35, 0.12, 0.05))
ARMS_UP = (Arm(2.7, 0.5, 0.2), Arm(2.7, 0.5, 0.2))


def crouch_feet(c: float, width: float = 0.13, fwd: float = 0.06) -> tuple[np.ndarray, np.ndarray]:
    """Both ankles under the hips, the pelvis dropped by ``c`` (0 standing, 1 deep tuck)."""
    return foot(fwd * c, -0.9 + 0.42 * c, width), foot(fwd * c, -0.9 + 0.42 * c, -width)


def telemark(c: float) -> tuple[np.ndarray, np.ndarray]:
    return foot(0.32 * c, -0.86 + 0.12 * c, 0.12), foot(-0.38 * c, -0.8 + 0.25 * c, -0.12)


def spray(pos: np.ndarray, direction: np.ndarray, amount: float, kind: str = "snow") -> Emitter:
    return Emitter(pos=pos.copy(), vel=direction, rate=max(amount, 0.0), spread=2.0, kind=kind)


def flight(start: np.ndarray, velocity: np.ndarray, ground, g: float, drag: float, dt: float = 1 / 120):
    """Ballistic path from ``start`` (x, y) until it meets ``ground``: arrays of t, x, y, vx, vy."""
    t, (x, y), (vx, vy) = 0.0, start, velocity
    out = [(t, x, y, vx, vy)]
    for _ in range(20000):
        speed = np.hypot(vx, vy)
        vx -= drag * speed * vx * dt
        vy -= (g + drag * speed * vy) * dt
        x, y, t = x + vx * dt, y + vy * dt, t + dt
        out.append((t, x, y, vx, vy))
        if t > 0.3 and y <= float(ground(x)) + 0.95:
            break
    return np.array(out)


class Alpine(Motion):
    """Giant slalom: carving S-turns through red and blue gates, spray at every apex."""

    venue = "slope"
    view_pitch = 0.24
    view_yaw = 0.28

    def __init__(self, duration, rng, build):
        super().__init__(duration, rng, build)
        self.angle = 0.3
        self.profile = profile_from([(-100, 100 * np.tan(self.angle)), (500, -500 * np.tan(self.angle))], step=2)
        self.speed = 16.0 + rng.uniform(-1, 1)
        self.period = 2.1 + rng.uniform(-0.2, 0.2)
        self.amp = 3.2
        self.offset = rng.uniform(0, 0.5)
        for k in range(-1, int(duration / self.period * 2) + 4):
            tk = (k + 0.5) * self.period / 2 - self.offset * self.period / (2 * np.pi) + self.period / 4
            x = self.speed * tk
            side = 1 if k % 2 == 0 else -1
            colour = (220, 40, 50) if k % 2 else (40, 90, 220)
            z = side * (self.amp + 0.8)
            self.fixtures.append(Prop("gate", vec(x, float(self.ground(x)), z), {"colour": colour}))

    def beat(self, t):
        w = 2 * np.pi / self.period
        ph = w * t + self.offset
        x = self.speed * t
        z = self.amp * np.sin(ph)
        dz = self.amp * w * np.cos(ph) / self.speed
        zdd = -self.amp * w * w * np.sin(ph)
        heading = -np.arctan(dz)
        roll = np.arctan(zdd / G) * 0.9
        c = 0.35 + 0.25 * abs(np.sin(ph))
        feet = foot(0.05, -0.9 + 0.42 * c, 0.16), foot(0.05, -0.9 + 0.42 * c, -0.16)
        pose = Pose(pos=vec(x, 0, z), heading=heading, roll=roll, lean=0.35, feet=feet, arms=ARMS_SKI)
        gy = float(self.ground(x))
        self.plant(pose, gy)
        gear = Gear("skis", "poles", ski_pitch=-self.angle, pole_angle=(1.0, 1.0))
        la, ra = self.ankles(pose)
        outward = np.array([0.4 * self.speed * 0.2, 2.5, -np.sign(zdd) * 5.0])
        amount = 900 * abs(np.sin(ph)) ** 2
        em = [spray(la, outward, amount * 0.5), spray(ra, outward, amount * 0.5)]
        vel = vec(self.speed, -self.speed * np.tan(self.angle), self.amp * w * np.cos(ph))
        return Beat(pose, gear, focus=pose.pos + vec(0, 0.2, 0), velocity=vel, emitters=em)


class Kicker(Motion):
    """Shared course for freestyle and snowboard: approach, kicker, long air, landing slope."""

    venue = "slope"
    view_pitch = 0.12
    slow_focus = 0.5

    def __init__(self, duration, rng, build):
        super().__init__(duration, rng, build)
        self.lip = (0.0, 3.0)
        lip_angle = 0.72
        self.profile = profile_from(
            [
                (-120, 40),
                (-8, 0.2),
                (-4, 0.4),
                (-1.5, 1.6),
                (0, 3.0),
                (1.2, 0.6),
                (9, -0.6),
                (14, -2.5),
                (40, -20),
                (70, -30),
                (140, -36),
            ],
            step=0.25,
        )
        self.fixtures.append(Prop("kicker", vec(0, 3.0, 0), {}))
        for x in (-30, -12, 30, 55):
            self.fixtures.append(Prop("flag", vec(x, float(self.ground(x)), -4.5), {}))
        self.t_lip = duration * 0.3
        self.v_lip = 13.5
        v = (self.v_lip * np.cos(lip_angle), self.v_lip * np.sin(lip_angle))
        self.path = flight(np.array([0.0, 3.0 + 0.9]), v, self.ground, G, 0.002)
        self.air = float(self.path[-1, 0])

    def approach(self, t):
        """Position along the approach, arriving at the lip at ``t_lip`` with ``v_lip``."""
        dt = self.t_lip - t
        x = -self.v_lip * dt - 0.4 * dt * dt
        return x

    def core(self, t):
        """(pos, velocity, air progress or None, landing progress)."""
        if t < self.t_lip:
            x = self.approach(t)
            y = float(self.ground(x))
            return vec(x, y + 0.9, 0), vec(self.v_lip, 0, 0), None, 0.0
        ta = t - self.t_lip
        if ta < self.air:
            i = np.searchsorted(self.path[:, 0], ta)
            row = self.path[min(i, len(self.path) - 1)]
            return vec(row[1], row[2], 0), vec(row[3], row[4], 0), ta / self.air, 0.0
        tl = ta - self.air
        last = self.path[-1]
        x = last[1] + last[3] * tl * 0.9
        return vec(x, float(self.ground(x)) + 0.9, 0), vec(last[3], -5, 0), None, clamp01(tl / 0.6)


class Freestyle(Kicker):
    """Freestyle aerials: back-full (a back flip with a full twist) off the kicker, skis and poles."""

    def beat(self, t):
        pos, vel, air, land = self.core(t)
        crouch = 0.3
        pitch = heading = 0.0
        arms = ARMS_SKI
        feet = crouch_feet(crouch)
        em: list[Emitter] = []
        if air is None and land == 0.0:
            crouch = 0.3 + 0.4 * span(t, self.t_lip - 0.5, self.t_lip - 0.05)
            feet = crouch_feet(crouch)
        elif air is not None:
            rot = smooth(span(air, 0.08, 0.85))
            pitch = -2 * np.pi * rot
            heading = 2 * np.pi * smooth(span(air, 0.25, 0.75))
            tuck = np.sin(np.pi * span(air, 0.1, 0.8))
            feet = crouch_feet(0.2 + 0.5 * tuck)
            arms = (mix_arm(ARMS_WIDE[0], Arm(0.9, 0.2, 1.5), tuck), mix_arm(ARMS_WIDE[1], Arm(0.9, 0.2, 1.5), tuck))
        else:
            absorb = np.sin(np.pi * clamp01(land * 1.3))
            feet = crouch_feet(0.3 + 0.5 * absorb)
            arms = ARMS_WIDE if land < 0.8 else ARMS_UP
            em = []
        slope = self.slope_at(pos[0]) if air is None else 0.0
        pose = Pose(pos=pos, pitch=pitch, heading=heading, lean=0.3, feet=feet, arms=arms)
        if air is None:
            self.plant(pose, float(self.ground(pos[0])))
        la, ra = self.ankles(pose)
        if land > 0 and land < 0.9:
            em = [spray(la, vec(2, 6, 2), 2500 * (1 - land)), spray(ra, vec(2, 6, -2), 2500 * (1 - land))]
        elif air is None and abs(t - self.t_lip) < 0.15:
            em = [spray(la, vec(3, 4, 0), 900)]
        gear = Gear("skis", "poles", ski_pitch=slope if air is None else 0.1, pole_angle=(0.9, 0.9))
        return Beat(pose, gear, focus=pos + vec(0, 0.6, 0), velocity=vel, emitters=em, flash=0.4 * (0 < land < 0.3))


class Snowboard(Kicker):
    """Snowboard big air: heel-side carve with a wall of spray, then a frontside 720 with a grab."""

    view_yaw = 0.62
    view_pitch = 0.2
    zoom = 1.2

    def __init__(self, duration, rng, build):
        super().__init__(duration, rng, build)
        # Big-air dressing: banners lining the landing instead of course flags.
        self.fixtures = [f for f in self.fixtures if f.kind != "flag"]
        for x in range(-40, 80, 5):
            colour = ((250, 120, 30), (30, 30, 36))[(x // 5) % 2]
            self.fixtures.append(Prop("flag", vec(x, float(self.ground(x)), 3.5), {"colour": colour}))

    def beat(self, t):
        pos, vel, air, land = self.core(t)
        base = -np.pi / 2
        heading, roll, pitch = base, 0.0, 0.0
        arms = (Arm(0.9, 0.9, 0.3), Arm(0.2, 1.1, 0.3))
        feet = foot(0.0, -0.78, 0.27), foot(0.0, -0.78, -0.27)
        em: list[Emitter] = []
        carve = np.sin(np.pi * span(t, self.t_lip - 1.6, self.t_lip - 0.7)) if air is None and land == 0 else 0
        if air is None and land == 0:
            roll = -0.55 * carve
            pos = pos + vec(0, 0, 2.5 * carve)
        elif air is not None:
            heading = base + 4 * np.pi * smooth(span(air, 0.05, 0.9))
            grab = np.sin(np.pi * span(air, 0.15, 0.8))
            feet = foot(0.0, -0.78 + 0.3 * grab, 0.27), foot(0.0, -0.78 + 0.3 * grab, -0.27)
            arms = (mix_arm(arms[0], Arm(0.5, 0.2, 0.6), grab), mix_arm(arms[1], Arm(1.6, 0.9, 0.2), grab))
        else:
            absorb = np.sin(np.pi * clamp01(land * 1.3))
            feet = foot(0.0, -0.78 + 0.28 * absorb, 0.27), foot(0.0, -0.78 + 0.28 * absorb, -0.27)
            if land > 0.7:
                arms = ARMS_UP
        pose = Pose(pos=pos, heading=heading, roll=roll, pitch=pitch, lean=0.25, feet=feet, arms=arms)
        if air is None:
            self.plant(pose, float(self.ground(pos[0])))
        la, ra = self.ankles(pose)
        mid = (la + ra) / 2
        if carve > 0.05:
            em.append(spray(mid, vec(4, 5, -7), 3200 * carve))
        if 0 < land < 0.9:
            em.append(spray(mid, vec(4, 6, 0), 2800 * (1 - land)))
        slope = self.slope_at(pos[0]) if air is None else 0.0
        gear = Gear("board", "", ski_pitch=slope)
        return Beat(pose, gear, focus=pos + vec(0, 0.6, 0), velocity=vel, emitters=em, flash=0.4 * (0 < land < 0.3))


class JumpHill(Motion):
    """Shared course for ski jumping and Nordic combined: in-run, table, landing hill, outrun."""

    venue = "jump"
    view_pitch = 0.1

    def __init__(self, duration, rng, build, t_edge: float, v_edge: float = 24.0):
        super().__init__(duration, rng, build)
        self.profile = profile_from(
            [
                (-95, 62),
                (-6, 1.9),
                (0, 1.0),
                (0.3, -1.5),
                (10, -3.5),
                (25, -9),
                (45, -19),
                (60, -25),
                (80, -30),
                (110, -33),
                (200, -34),
            ],
            step=0.5,
        )
        self.inrun = np.arctan(61 / 89)
        self.fixtures.append(Prop("jump_table", vec(0, 1.0, 0), {}))
        for x, label in ((38, "K"), (48, "HS")):
            self.fixtures.append(Prop("distance_line", vec(x, float(self.ground(x)), 0), {"label": label}))
        for x in range(10, 120, 12):
            self.fixtures.append(Prop("flag", vec(x, float(self.ground(x)), -5.0), {}))
        for x in range(-90, 0, 6):
            self.fixtures.append(
                Prop("inrun_rail", vec(x, float(self.ground(x)), 0.0), {"next": float(self.ground(x + 6))})
            )
        self.t_edge = t_edge
        self.v_edge = v_edge
        a = -0.18
        self.path = flight(
            np.array([0.0, 1.0 + 0.9]), (v_edge * np.cos(a), v_edge * np.sin(a) + 0.6), self.ground, 8.0, 0.0022
        )
        self.air = float(self.path[-1, 0])

    def core(self, t):
        if t < self.t_edge:
            dt = self.t_edge - t
            s = self.v_edge * dt - 0.5 * 5.0 * dt * dt
            s = max(s, 0.0) if dt < self.v_edge / 5.0 else self.v_edge**2 / 10
            x = -s * np.cos(self.inrun)
            return vec(x, float(self.ground(x)) + 0.9, 0), vec(self.v_edge, -self.v_edge * 0.6, 0), None, 0.0
        ta = t - self.t_edge
        if ta < self.air:
            row = self.path[min(np.searchsorted(self.path[:, 0], ta), len(self.path) - 1)]
            return vec(row[1], row[2], 0), vec(row[3], row[4], 0), ta / self.air, 0.0
        tl = ta - self.air
        last = self.path[-1]
        x = last[1] + last[3] * (tl - 0.05 * tl * tl)
        return vec(x, float(self.ground(x)) + 0.9, 0), vec(last[3], -8, 0), None, clamp01(tl / 0.9)

    def jumper(self, t) -> tuple[Pose, Gear, list[Emitter], float]:
        pos, vel, air, land = self.core(t)
        em: list[Emitter] = []
        flash = 0.0
        if air is None and land == 0.0:
            # In-run tuck, then the explosive take-off extension in the last 0.2 s.
            ext = span(t, self.t_edge - 0.18, self.t_edge)
            pose = Pose(
                pos=pos, lean=lerp(1.25, 0.7, ext), feet=crouch_feet(lerp(0.95, 0.2, ext), fwd=0.12), arms=ARMS_BACK
            )
            slope = self.slope_at(pos[0])
            self.plant(pose, float(self.ground(pos[0])))
            gear = Gear("skis", "", ski_pitch=slope, bib=True)
        elif air is not None:
            settle = ease_out(span(air, 0.0, 0.25))
            pitch = lerp(0.4, 1.02, settle) + 0.1 * span(air, 0.85, 1.0) * -3
            feet = (foot(0.0, -0.9, 0.16), foot(0.0, -0.9, -0.16))
            arms = (Arm(-0.3, 0.35, 0.05), Arm(-0.3, 0.35, 0.05))
            prep = span(air, 0.86, 1.0)
            pose = Pose(
                pos=pos,
                pitch=lerp(pitch, 0.15, prep),
                lean=0.12,
                feet=mix_feet(feet, telemark(0.6), prep),
                arms=(mix_arm(arms[0], ARMS_WIDE[0], prep), mix_arm(arms[1], ARMS_WIDE[1], prep)),
            )
            ski_pitch = lerp(lerp(0.3, 1.38, settle), 0.1, prep)
            gear = Gear("skis", "", ski_pitch=ski_pitch, ski_spread=0.36 * settle * (1 - prep))
        else:
            c = np.sin(np.pi * clamp01(land * 1.2)) * 0.9 + 0.3
            pose = Pose(pos=pos, lean=0.2, feet=telemark(min(c, 1.0)), arms=ARMS_WIDE)
            self.plant(pose, float(self.ground(pos[0])))
            gear = Gear("skis", "", ski_pitch=self.slope_at(pos[0]))
            la, ra = self.ankles(pose)
            if land < 0.8:
                em = [spray(la, vec(3, 5, 2), 2400 * (1 - land)), spray(ra, vec(3, 5, -2), 2400 * (1 - land))]
            flash = 0.5 * (land < 0.25)
        return pose, gear, em, flash


class SkiJumping(JumpHill):
    """In-run tuck, take-off, V-style flight, telemark landing."""

    slow_focus = 0.45

    def __init__(self, duration, rng, build):
        super().__init__(duration, rng, build, t_edge=duration * 0.26)

    def beat(self, t):
        pose, gear, em, flash = self.jumper(t)
        pos, vel, _, _ = self.core(t)
        return Beat(pose, gear, focus=pose.pos + vec(0, 0.3, 0), velocity=vel, emitters=em, flash=flash)


class NordicCombined(JumpHill):
    """The jump's flight and landing, then the switch to the skating race on the outrun."""

    slow_focus = 0.3

    def __init__(self, duration, rng, build):
        super().__init__(duration, rng, build, t_edge=-1.2)
        self.t_race = self.t_edge + self.air + 0.9

    def beat(self, t):
        if t < self.t_race:
            pose, gear, em, flash = self.jumper(t)
            pos, vel, _, _ = self.core(t)
            return Beat(pose, gear, focus=pose.pos + vec(0, 0.3, 0), velocity=vel, emitters=em, flash=flash)
        tr = t - self.t_race
        start, _, _, _ = self.core(self.t_race)
        speed = 9.0
        x = start[0] + speed * tr
        pose, gear, em = skate_ski(t, x, self.ground, self.plant, self.ankles, ramp=clamp01(tr / 0.4))
        return Beat(pose, gear, focus=pose.pos + vec(0, 0.3, 0), velocity=vec(speed, 0, 0), emitters=em)


def skate_ski(t, x, ground, plant, ankles, ramp: float = 1.0, period: float = 1.2, rifle: bool = False):
    """V2 skate skiing: side pushes with both poles, shared by Nordic combined and biathlon."""
    ph = 2 * np.pi * t / period
    push_l = max(np.sin(ph), 0.0) * ramp
    push_r = max(-np.sin(ph), 0.0) * ramp
    feet = (
        foot(-0.15 * push_l, -0.88 + 0.2 * (1 - push_l) * ramp, 0.12 + 0.45 * push_l),
        foot(-0.15 * push_r, -0.88 + 0.2 * (1 - push_r) * ramp, -0.12 - 0.45 * push_r),
    )
    pole = 0.5 + 0.5 * np.cos(2 * ph)
    arm = Arm(lerp(1.5, -0.3, pole), 0.35, lerp(0.9, 0.1, pole))
    z = 0.25 * np.sin(ph)
    pose = Pose(
        pos=vec(x, 0, z),
        heading=-0.25 * np.sin(ph) * ramp,
        roll=0.15 * np.sin(ph) * ramp,
        lean=lerp(0.2, 0.5 + 0.2 * (1 - pole), ramp),
        feet=feet,
        arms=(arm, arm),
    )
    plant(pose, float(ground(x)))
    la, ra = ankles(pose)
    em = [spray(la, vec(-1, 1.5, 2.5), 500 * push_l), spray(ra, vec(-1, 1.5, -2.5), 500 * push_r)]
    gear = Gear("skis", "poles", pole_angle=(lerp(0.1, 1.2, pole), lerp(0.1, 1.2, pole)), rifle_on_back=rifle)
    return pose, gear, em


class CrossCountry(Motion):
    """Classic diagonal stride on a rolling forest trail: kick, glide, opposite arm and pole."""

    venue = "trail"
    view_pitch = 0.1

    def __init__(self, duration, rng, build):
        super().__init__(duration, rng, build)
        xs = np.arange(-40, 200, 2.0)
        self.profile = (xs, 0.08 * xs + 1.2 * np.sin(xs / 9.0 + rng.uniform(0, 6)))
        self.period = 1.05 + rng.uniform(-0.05, 0.05)

    def beat(self, t):
        ph = 2 * np.pi * t / self.period
        s = np.sin(ph)
        x = 5.5 * t + 0.25 * np.sin(ph * 2)
        feet = (foot(0.42 * s, -0.86 + 0.06 * max(-s, 0), 0.1), foot(-0.42 * s, -0.86 + 0.06 * max(s, 0), -0.1))
        arms = (Arm(0.45 - 1.0 * s, 0.12, 0.3 + 0.3 * max(-s, 0)), Arm(0.45 + 1.0 * s, 0.12, 0.3 + 0.3 * max(s, 0)))
        pose = Pose(pos=vec(x, 0, 0), lean=0.4, feet=feet, arms=arms)
        self.plant(pose, float(self.ground(x)))
        la, ra = self.ankles(pose)
        kick_l, kick_r = max(-s, 0) ** 3, max(s, 0) ** 3
        em = [spray(la, vec(-2, 1.2, 0.5), 400 * kick_l), spray(ra, vec(-2, 1.2, -0.5), 400 * kick_r)]
        gear = Gear("skis", "poles", ski_pitch=self.slope_at(x), pole_angle=(0.35 + 0.75 * s, 0.35 - 0.75 * s))
        return Beat(pose, gear, focus=pose.pos + vec(0, 0.2, 0), velocity=vec(5.5, 0.4, 0), emitters=em)


class Biathlon(Motion):
    """Skate skiing into the range, then shooting five targets (prone or standing) that flip white."""

    venue = "trail"
    view_pitch = 0.14
    slow_focus = 0.7

    def __init__(self, duration, rng, build):
        super().__init__(duration, rng, build)
        xs = np.arange(-80, 120, 2.0)
        self.profile = (xs, np.where(xs < 0, 0.03 * xs + 0.6 * np.sin(xs / 7), 0.0))
        self.t_stop = duration * 0.32
        self.speed = 7.5
        self.prone = bool(rng.uniform() < 0.6)
        # Nearer than a real range's 50 m: the camera frames the shooter and the targets together.
        self.targets_x = 6.5
        self.fixtures.append(Prop("target_board", vec(self.targets_x, 0.0, -2.0), {}))
        self.shots = [duration * (0.5 + 0.09 * k) + rng.uniform(-0.03, 0.03) for k in range(5)]

    def beat(self, t):
        if t < self.t_stop:
            dt = self.t_stop - t
            x = -self.speed * dt + 0.5 * dt * dt * 0.0
            pose, gear, em = skate_ski(t, x, self.ground, self.plant, self.ankles, rifle=True)
            hits = 0
            flash = 0.0
            vel = vec(self.speed, 0, 0)
        else:
            settle = smooth(span(t, self.t_stop, self.t_stop + 0.55))
            hits = sum(t >= s for s in self.shots)
            recoil = max((0.12 - (t - s)) / 0.12 for s in self.shots if t >= s) if hits else 0.0
            recoil = max(recoil, 0.0)
            x = 0.3 * settle
            aim = Arm(1.35, 0.1, 0.35), Arm(1.1, 0.35, 1.4)
            ski_pitch = 0.0
            if self.prone:
                ski_pitch = 1.38 * settle  # the body pitches forward; the skis stay flat on the snow under the legs
                pose = Pose(
                    pos=vec(x, 0, 0),
                    pitch=ski_pitch,
                    lean=lerp(0.4, -0.35, settle),
                    nod=-0.3 * settle,
                    feet=mix_feet(crouch_feet(0.3), (foot(-0.1, -0.9, 0.22), foot(-0.1, -0.9, -0.22)), settle),
                    arms=(
                        mix_arm(ARMS_SKI[0], Arm(2.3, 0.2, 0.9), settle),
                        mix_arm(ARMS_SKI[1], Arm(1.9, 0.45, 1.6), settle),
                    ),
                )
                self.plant(pose, 0.0)
                # Lying down, the knees are lower than the ankles: the lowest joint rests on the snow.
                low = min(joint[1] for joint in solve(pose, self.build).joints.values())
                pose.pos[1] += 0.08 - low
            else:
                pose = Pose(
                    pos=vec(x, 0, 0),
                    heading=-0.5 * settle,
                    lean=0.05,
                    twist=0.5 * settle,
                    feet=(foot(0.1, -0.9, 0.22), foot(-0.1, -0.9, -0.22)),
                    arms=(mix_arm(ARMS_SKI[0], aim[0], settle), mix_arm(ARMS_SKI[1], aim[1], settle)),
                )
                self.plant(pose, 0.0)
            pose.pos[0] -= 0.04 * recoil
            gear = Gear("skis", "rifle", tool_angle=np.pi / 2, rifle_on_back=settle < 0.5, ski_pitch=ski_pitch)
            em = []
            flash = 0.6 * recoil
            vel = vec(self.speed * (1 - settle), 0, 0)
        target_pos = vec(self.targets_x, 0.0, -2.0)
        props = [Prop("targets", target_pos, {"hits": hits})]
        mid = lerp(pose.pos, target_pos, 0.4 * smooth(span(t, self.t_stop - 0.3, self.t_stop + 0.6)))
        return Beat(pose, gear, focus=mid + vec(0, 0.3, 0), velocity=vel, emitters=em, props=props, flash=flash)


class SkiMountaineering(Motion):
    """Skinning up a wind-blown ridge with a backpack, then arms up at the summit flag."""

    venue = "ridge"
    view_pitch = 0.02
    view_yaw = 0.38

    def __init__(self, duration, rng, build):
        super().__init__(duration, rng, build)
        self.speed = 2.6
        self.summit = self.speed * duration * 0.78
        self.profile = profile_from(
            [
                (-60, -60 * 0.45),
                (self.summit, self.summit * 0.45),
                (self.summit + 6, self.summit * 0.45 + 0.3),
                (self.summit + 60, self.summit * 0.45 - 20),
            ],
            step=0.5,
        )
        self.fixtures.append(
            Prop("summit_flag", vec(self.summit + 1.5, float(self.ground(self.summit + 1.5)), -0.8), {})
        )
        self.period = 1.3

    def beat(self, t):
        x_goal = self.summit + 0.5
        x = min(self.speed * t, x_goal)
        top = span(self.speed * t, x_goal, x_goal + 1.5)
        ph = 2 * np.pi * t / self.period * (1 - top)
        s = np.sin(ph)
        feet = (foot(0.32 * s, -0.88, 0.12), foot(-0.32 * s, -0.88, -0.12))
        arms = (Arm(0.5 - 0.7 * s, 0.15, 0.6), Arm(0.5 + 0.7 * s, 0.15, 0.6))
        arms = (mix_arm(arms[0], ARMS_UP[0], smooth(top)), mix_arm(arms[1], ARMS_UP[1], smooth(top)))
        slope = self.slope_at(x)
        pose = Pose(pos=vec(x, 0, 0), lean=lerp(0.45, 0.05, top), feet=feet, arms=arms)
        self.plant(pose, float(self.ground(x)))
        gear = Gear("skis", "poles", ski_pitch=slope, pole_angle=(0.25 + 0.5 * s, 0.25 - 0.5 * s), backpack=True)
        # Spindrift: the wind tears snow off the crest.
        crest = vec(x + 6, float(self.ground(x + 6)) + 0.3, -1.5)
        em = [Emitter(crest, vec(-7, 1.5, 0), 700, spread=2.0)]
        return Beat(
            pose,
            gear,
            focus=pose.pos + vec(0.8, 0.4, 0),
            velocity=vec(self.speed, self.speed * 0.45, 0),
            emitters=em,
            flash=0.3 * top,
        )
