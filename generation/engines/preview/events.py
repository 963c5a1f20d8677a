"""The fan's action beats (``vocab.BEATS``) as timed events: each beat owns a window of the clip, in the order
the fan told them, and changes the athlete's pose in that window (a slip, a fall, a spin, arms up...), adds a
crowd reaction (bouncing, cheering, applauding spectators, confetti) or a small sign ("z" puffs for sleep, tears).

All of it is planned once per clip: :func:`plan` returns the windows, :func:`apply` rewrites the precomputed
per-frame poses, and :class:`Reactions` draws spectators and effects with a few batched calls per frame.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import cv2
import numpy as np

from .motion import Beat, Emitter, Gear, Motion, clamp01, foot, lerp, mix_arm, mix_feet, smooth, span, vec
from .painter import Painter, shade
from .rig import Arm, Pose
from .scene import ICE

ARMS_UP = (Arm(2.75, 0.45, 0.15), Arm(2.75, 0.45, 0.15))
ARMS_FLAIL = (Arm(2.1, 1.3, 0.3), Arm(1.6, 1.1, 0.6))
ARMS_HUG = (Arm(1.35, 0.3, 1.6), Arm(1.35, 0.3, 1.6))
ARMS_DOWN = (Arm(0.05, 0.12, 0.1), Arm(0.05, 0.12, 0.1))
ARMS_FACE = (Arm(1.2, 0.3, 2.3), Arm(1.2, 0.3, 2.3))
ARMS_SPLAYED = (Arm(1.2, 1.3, 0.2), Arm(1.2, 1.3, 0.2))
ARMS_STRETCH = (Arm(2.9, 0.25, 0.05), Arm(2.9, 0.25, 0.05))

# Beats that are the crowd's, not the athlete's (the athlete may still react a little).
CROWD_BEATS = frozenset({"laugh", "cheer", "applaud", "celebrate", "win", "score"})
# Beats that end lying down, and the ones that stand the athlete back up.
DOWN_BEATS = frozenset({"fall", "crash", "sleep"})
UP_BEATS = frozenset({"get-up", "wake"})
CONFETTI_BEATS = frozenset({"cheer", "celebrate", "win", "score"})


@dataclass(frozen=True)
class Window:
    beat: str
    start: float
    end: float

    def progress(self, t: float) -> float:
        """0 before the window, 1 after it, linear inside."""
        return span(t, self.start, self.end)

    def inside(self, t: float) -> bool:
        return self.start <= t < self.end


def plan(beats: tuple[str, ...], duration: float) -> list[Window]:
    """The beats spread over the clip in order: the first starts after a short set-up (so the fan sees the
    scene before anything happens), each gets an equal slot."""
    if not beats:
        return []
    begin, finish = duration * 0.18, duration * 0.97
    slot = (finish - begin) / len(beats)
    return [Window(b, begin + k * slot, begin + (k + 1) * slot) for k, b in enumerate(beats)]


def _mix_pose(a: Pose, b: Pose, w: float) -> Pose:
    if w <= 0:
        return a
    return Pose(
        pos=lerp(np.asarray(a.pos, float), np.asarray(b.pos, float), w),
        heading=lerp(a.heading, b.heading, w),
        pitch=lerp(a.pitch, b.pitch, w),
        roll=lerp(a.roll, b.roll, w),
        lean=lerp(a.lean, b.lean, w),
        twist=lerp(a.twist, b.twist, w),
        nod=lerp(a.nod, b.nod, w),
        arms=(mix_arm(a.arms[0], b.arms[0], w), mix_arm(a.arms[1], b.arms[1], w)),
        feet=mix_feet(a.feet, b.feet, w),
    )


def _lying(pose: Pose, ground_y: float) -> Pose:
    """Flat on the back on the ground where the athlete is, arms out."""
    pos = np.array(pose.pos, float)
    pos[1] = ground_y + 0.16
    return Pose(
        pos=pos,
        heading=pose.heading,
        pitch=-1.5,
        lean=0.04,
        nod=0.25,
        arms=ARMS_SPLAYED,
        feet=(foot(0.05, -0.9, 0.16), foot(0.05, -0.9, -0.16)),
    )


def _down_level(windows: list[Window], t: float) -> float:
    """How far down (0 standing .. 1 lying) the athlete is at ``t``, from the falls and get-ups so far."""
    level = 0.0
    for w in windows:
        if w.beat in DOWN_BEATS and t >= w.start:
            # A crash is fast, a fall takes its time, falling asleep is slow.
            length = {"crash": 0.45, "fall": 0.8, "sleep": 1.2}[w.beat]
            level = max(level, smooth((t - w.start) / length))
        elif w.beat in UP_BEATS and t >= w.start and level > 0:
            level = min(level, 1 - smooth((t - w.start) / 0.9))
    return level


def apply(beats: list[Beat], times: np.ndarray, windows: list[Window], motion: Motion) -> list[Beat]:
    """The per-frame beats with the events' poses; frames before the first window are returned unchanged."""
    if not windows:
        return beats
    # Where each fall (or sleep) starts: a fallen athlete slides to a stop from there instead of carrying on.
    anchors = {}
    for w in windows:
        if w.beat in DOWN_BEATS:
            i = min(int(np.searchsorted(times, w.start)), len(beats) - 1)
            anchors[w] = (np.array(beats[i].pose.pos, float), float(beats[i].velocity[0]))
    out = []
    for beat, t in zip(beats, times, strict=True):
        t = float(t)
        if t < windows[0].start:
            out.append(beat)
            continue
        pose = beat.pose
        x = float(pose.pos[0])
        ground = float(motion.ground(x))
        flash = beat.flash
        emitters = list(beat.emitters)
        crew = list(beat.crew)
        for w in windows:
            if not w.inside(t):
                continue
            k = w.progress(t)
            bell = np.sin(np.pi * k)  # 0 at both ends of the window, 1 in the middle
            pose, flash, emitters, crew = _event(w.beat, pose, k, bell, t, ground, flash, emitters, crew)
        down = _down_level(windows, t)
        if down > 0:
            started = [w for w in anchors if w.start <= t]
            anchor_pose = beat.pose
            if started:
                w = started[-1]
                (start, speed), tau = anchors[w], {"crash": 0.8, "fall": 0.5, "sleep": 0.0}[w.beat]
                slide = speed * tau * (1 - np.exp(-(t - w.start) / tau)) if tau else 0.0
                anchor_pose = replace(beat.pose, pos=start + vec(slide, 0, 0))
                ground = float(motion.ground(anchor_pose.pos[0]))
            lying = _lying(anchor_pose, ground)
            fall_w = next((w for w in windows if w.beat in ("fall", "crash") and w.inside(t)), None)
            if fall_w is not None and down < 1:
                # Tumbling: the body rolls over on the way down.
                extra = (2 * np.pi if fall_w.beat == "crash" else 0.6) * (1 - down)
                lying = replace(lying, pitch=lying.pitch - extra, arms=ARMS_FLAIL)
            pose = _mix_pose(pose, lying, down)
        focus = beat.focus
        if down > 0:
            # The camera stays on the athlete lying in the snow rather than on where the run would have gone.
            focus = lerp(np.asarray(focus, float), np.asarray(pose.pos, float) + vec(0.4, 0.5, 0), down)
        out.append(replace(beat, pose=pose, flash=flash, emitters=emitters, crew=crew, focus=focus))
    return out


def _event(name, pose: Pose, k, bell, t, ground, flash, emitters, crew):
    p = replace(pose, pos=np.array(pose.pos, float))
    if name == "slip":
        # Feet shoot forward, the body tips back, arms windmill, then balance comes back.
        target = replace(
            p,
            pitch=p.pitch - 0.65,
            feet=(foot(0.45, -0.62, 0.14), foot(0.25, -0.75, -0.14)),
            arms=ARMS_FLAIL,
            lean=-0.1,
        )
        p = _mix_pose(p, target, bell)
    elif name == "spin":
        p.heading += 4 * np.pi * smooth(k)
        p = _mix_pose(p, replace(p, arms=ARMS_HUG), bell)
    elif name == "jump":
        p.pos[1] += 0.9 * np.sin(np.pi * clamp01(k * 1.25))
        p = _mix_pose(p, replace(p, feet=(foot(0.1, -0.55, 0.12), foot(0.1, -0.55, -0.12)), arms=ARMS_UP), bell)
    elif name == "flip":
        p.pos[1] += 1.3 * np.sin(np.pi * clamp01(k * 1.1))
        p.pitch -= 2 * np.pi * smooth(clamp01(k * 1.1))
        p = _mix_pose(p, replace(p, feet=(foot(0.3, -0.45, 0.12), foot(0.3, -0.45, -0.12)), arms=ARMS_HUG), bell)
    elif name in ("land", "telemark"):
        absorb = np.sin(np.pi * clamp01(k * 1.6))
        feet = (
            (foot(0.32, -0.74, 0.12), foot(-0.38, -0.6, -0.12))
            if name == "telemark"
            else (foot(0.06, -0.55, 0.13), foot(0.06, -0.55, -0.13))
        )
        arms = (Arm(0.4, 1.25, 0.2), Arm(0.4, 1.25, 0.2))
        p = _mix_pose(p, replace(p, feet=feet, arms=arms, lean=0.35), max(absorb, 0.6 * bell))
        if k < 0.3:
            flash = max(flash, 0.45 * (1 - k / 0.3))
            base = p.pos + vec(0, -0.8, 0)
            emitters.append(Emitter(base, vec(2, 4, 2), 2600 * (1 - k / 0.3), spread=2.0))
    elif name in ("wave",):
        wave = Arm(2.6, 0.9 + 0.45 * np.sin(t * 9), 0.5)
        p = _mix_pose(p, replace(p, arms=(p.arms[0], wave)), clamp01(bell * 3))
    elif name in ("celebrate", "win", "score", "cheer"):
        jump = 0.25 * max(np.sin(t * 8), 0) * (name != "cheer")
        p.pos[1] += jump * clamp01(bell * 3)
        p = _mix_pose(p, replace(p, arms=ARMS_UP), clamp01(bell * 3))
        if name in ("win", "score") and k < 0.25:
            flash = max(flash, 0.5 * (1 - k / 0.25))
    elif name == "laugh":
        # Shoulders shake, the head tips back.
        p = _mix_pose(p, replace(p, lean=p.lean - 0.15 + 0.06 * np.sin(t * 22), nod=0.35), clamp01(bell * 3))
    elif name == "applaud":
        clap = 0.5 + 0.5 * np.sin(t * 18)
        arms = (Arm(1.3, 0.25 + 0.5 * clap, 1.2), Arm(1.3, 0.25 + 0.5 * clap, 1.2))
        p = _mix_pose(p, replace(p, arms=arms), clamp01(bell * 3))
    elif name == "cry":
        p = _mix_pose(p, replace(p, nod=-0.7, lean=p.lean + 0.25, arms=ARMS_FACE), clamp01(bell * 3))
    elif name == "hug":
        p = _mix_pose(p, replace(p, arms=ARMS_HUG, lean=p.lean + 0.1), clamp01(bell * 3))
    elif name == "kiss":
        p = _mix_pose(p, replace(p, lean=p.lean + 0.35, nod=-0.25, arms=ARMS_HUG), clamp01(bell * 3))
    elif name == "dance":
        sway = np.sin(t * 7)
        arms = (Arm(2.0 + 0.6 * sway, 0.8, 0.6), Arm(2.0 - 0.6 * sway, 0.8, 0.6))
        target = replace(p, roll=p.roll + 0.25 * sway, heading=p.heading + 0.4 * np.sin(t * 3.5), arms=arms)
        p = _mix_pose(p, target, clamp01(bell * 3))
    elif name == "bow":
        p = _mix_pose(p, replace(p, lean=1.15, nod=-0.3, arms=ARMS_DOWN), clamp01(bell * 2))
    elif name == "wake":
        p = _mix_pose(p, replace(p, arms=ARMS_STRETCH), bell)
    elif name == "get-up":
        p = _mix_pose(p, replace(p, lean=p.lean + 0.4), bell * 0.5)
    elif name == "overtake":
        # A rival ahead at the start of the window falls behind by its end.
        rival = replace(p, pos=p.pos + vec(lerp(2.5, -3.0, smooth(k)), 0, -1.4))
        crew.append((rival, Gear("boots", "", bib=True, tool_angle=1.0)))
    elif name == "crash" and k < 0.2:
        flash = max(flash, 0.5)
        emitters.append(Emitter(p.pos.copy(), vec(3, 5, 0), 4000, spread=2.5))
    return p, flash, emitters, crew


class Reactions:
    """Spectators that react in the crowd beats' windows, confetti, "z" puffs (sleep) and tears (cry)."""

    def __init__(
        self, windows: list[Window], motion: Motion, width: int, height: int, rng: np.random.Generator
    ) -> None:
        self.windows = windows
        self.motion = motion
        self.w, self.h = width, height
        self.crowd = any(w.beat in CROWD_BEATS for w in windows)
        # At an ice venue the crowd stands behind the boards (its depth by venue).
        self.indoor = motion.venue in ICE
        self.crowd_z = {"rink": -9.9, "oval": -9.9, "sheet": -4.9}.get(motion.venue, -6.5)
        palette = ((214, 40, 48), (40, 100, 220), (250, 190, 40), (30, 170, 120), (240, 110, 40), (140, 70, 200))
        self.colours = [palette[int(i)] for i in rng.integers(0, len(palette), 40)]
        self.phase = rng.uniform(0, 2 * np.pi, 40)
        n = 160
        self.confetti = (
            rng.uniform(0, 1, n),  # x
            rng.uniform(0.7, 1.3, n),  # fall speed
            rng.uniform(0, 2 * np.pi, n),  # sway phase
            rng.integers(0, 5, n),  # colour
            rng.uniform(0, 0.35, n),  # start delay
        )

    def _reaction(self, t: float) -> tuple[str | None, float]:
        for w in self.windows:
            if w.beat in CROWD_BEATS and w.inside(t):
                return w.beat, float(np.sin(np.pi * w.progress(t)))
        return None, 0.0

    def spectators(self, painter: Painter, focus_x: float, t: float) -> None:
        """A row of spectators behind the course near the athlete; they bounce, cheer or clap in their beat."""
        if not self.crowd:
            return
        kind, amount = self._reaction(t)
        xs = np.round(focus_x / 1.1) * 1.1 + np.arange(-9, 10) * 1.1
        n = len(xs)
        idx = (np.round(xs / 1.1).astype(int)) % 40
        # At a rink they stand on a riser behind the boards (1.1 m): only their upper bodies show above them.
        ground = self.motion.ground(xs) if not self.indoor else np.full(n, 0.35)
        bounce = np.zeros(n)
        if kind == "laugh":
            bounce = 0.08 * np.abs(np.sin(t * 14 + self.phase[idx])) * amount
        elif kind in ("cheer", "celebrate", "win", "score"):
            bounce = 0.3 * np.maximum(np.sin(t * 9 + self.phase[idx]), 0) * amount
        base = np.stack([xs, ground + bounce, np.full(n, self.crowd_z)], 1)
        hips = base + [0, 0.85, 0]
        necks = base + [0, 1.45, 0]
        colours = [self.colours[i] for i in idx]
        painter.segments(hips, necks, 0.2, colours, outlined=False)
        shoulders = necks - [0, 0.08, 0]
        if kind in ("cheer", "celebrate", "win", "score"):
            lift = amount
            left = shoulders + [-0.25, 0.5 * lift - 0.05, 0]
            right = shoulders + [0.25, 0.5 * lift - 0.05, 0]
        elif kind == "applaud":
            clap = 0.5 + 0.5 * np.sin(t * 18 + self.phase[idx])[:, None]
            left = shoulders + np.array([0.0, 0.1, 0.25]) + clap * np.array([0.0, 0.0, -0.15]) * amount
            right = shoulders + np.array([0.0, 0.1, 0.25]) + clap * np.array([0.0, 0.0, 0.05]) * amount
            left = left + [-0.1, 0, 0]
            right = right + [0.1, 0, 0]
        else:
            left = shoulders + [-0.2, -0.45, 0]
            right = shoulders + [0.2, -0.45, 0]
        dark = [shade(c, 0.75) for c in colours]
        painter.segments(shoulders + [-0.12, 0, 0], left, 0.06, dark, outlined=False)
        painter.segments(shoulders + [0.12, 0, 0], right, 0.06, dark, outlined=False)
        heads, _ = painter.view.project(necks + [0, 0.2, 0])
        r = painter.px(0.15)
        for hx, hy in heads:
            if -20 < hx < self.w + 20 and -20 < hy < self.h + 20:
                painter.disc_px(np.array([hx, hy]), r, (232, 190, 150), outlined=False)

    def overlay(self, frame: np.ndarray, t: float, head: np.ndarray | None) -> None:
        """Confetti over the frame; "z" puffs or tears at the athlete's head (screen px)."""
        for w in self.windows:
            if w.beat in CONFETTI_BEATS and w.start <= t < w.end + 1.0:
                self._confetti(frame, t - w.start)
            if head is None or not w.inside(t):
                continue
            if w.beat == "sleep":
                self._zzz(frame, head, t - w.start)
            elif w.beat == "cry":
                self._tears(frame, head, t - w.start)

    def _confetti(self, frame: np.ndarray, age: float) -> None:
        x, speed, phase, colour, delay = self.confetti
        a = age - delay
        live = a > 0
        ys = -10 + a * speed * self.h * 0.45
        xs = x * self.w + 14 * np.sin(a * 4 + phase)
        live &= ys < self.h + 10
        if not live.any():
            return
        size = max(2.0, self.h / 110)
        tilt = np.cos(a * 6 + phase)
        colours = ((255, 70, 80), (255, 210, 60), (60, 170, 255), (120, 230, 120), (255, 255, 255))
        for c in range(5):
            sel = live & (colour == c)
            if not sel.any():
                continue
            cx, cy, tl = xs[sel], ys[sel], tilt[sel]
            quads = np.stack(
                [
                    np.stack([cx - size, cy - size * tl], 1),
                    np.stack([cx + size, cy - size * tl * 0.4], 1),
                    np.stack([cx + size, cy + size * tl], 1),
                    np.stack([cx - size, cy + size * tl * 0.4], 1),
                ],
                1,
            )
            pts = np.round(quads * 16).astype(np.int32).reshape(len(cx), -1, 1, 2)
            cv2.fillPoly(frame, list(pts), colours[c], cv2.LINE_AA, 4)

    def _zzz(self, frame: np.ndarray, head: np.ndarray, age: float) -> None:
        scale = self.h / 480
        for k in range(3):
            a = (age - k * 0.45) % 1.4
            if age < k * 0.45:
                continue
            x = head[0] + (12 + 18 * a) * scale
            y = head[1] - (14 + 40 * a) * scale
            size = (0.5 + 0.45 * a) * scale
            fade = 1 - a / 1.4
            colour = tuple(int(c * fade + 40 * (1 - fade)) for c in (250, 250, 255))
            cv2.putText(frame, "z", (int(x), int(y)), cv2.FONT_HERSHEY_DUPLEX, size * 1.2, (30, 30, 50), 4, cv2.LINE_AA)
            cv2.putText(frame, "z", (int(x), int(y)), cv2.FONT_HERSHEY_DUPLEX, size * 1.2, colour, 2, cv2.LINE_AA)

    def _tears(self, frame: np.ndarray, head: np.ndarray, age: float) -> None:
        scale = self.h / 480
        for k in range(4):
            a = (age - k * 0.3) % 1.2
            if age < k * 0.3:
                continue
            side = 1 if k % 2 else -1
            x = head[0] + side * 5 * scale
            y = head[1] + (2 + 60 * a * a) * scale
            cv2.circle(frame, (int(x), int(y)), max(2, int(3 * scale)), (150, 210, 255), -1, cv2.LINE_AA)
