"""One clip's renderer: plans the motion and the camera up front, then yields finished frames one by one."""

from __future__ import annotations

from collections.abc import Iterator

import cv2
import numpy as np

from . import events
from .backdrop import OUTDOOR_SETTINGS, Backdrop, ridge_layers
from .camera import View, pan_from_fixed_point, plan_views
from .figure import Avatar, draw_figure
from .grading import Grader, grade_for
from .lighting import LIT_WINDOWS, SKY_LIGHTS, SkyShow, light_grade, light_palette
from .look import make_look
from .motion import Beat
from .overlay import Overlay
from .painter import Painter, shade
from .particles import Snowfall, Spray, composite_light
from .props import FLAT_KINDS, draw_prop, prop_depth
from .scene import HORIZON, ICE, MOOD_ALIASES, Scene, palette_for
from .shot import Shot
from .sports import motion_for
from .styles import make_style
from .weather import Fog, snow_for

SNOW_AMOUNT = {"tension": 1.6, "melancholy": 1.3, "romance": 1.1, "awe": 0.9, "calm": 0.8, "power": 1.2}
SLOW_MOTION = 0.4


class ClipRenderer:
    """Renders ``shot`` deterministically: the same shot (seed included) gives the same pixels."""

    def __init__(self, shot: Shot, *, preview_text: str, ai_text: str, sport_text: str) -> None:
        self.shot = shot
        rng = np.random.default_rng(shot.seed)
        self.rng = rng
        w, h = shot.width, shot.height
        self.look = make_look(shot.subject, list(shot.attributes), rng)
        self.motion = motion_for(shot.sport, shot.duration_s, rng, self.look.build)
        emotion = MOOD_ALIASES.get(shot.emotion, shot.emotion)
        self.style = make_style(shot.style, w, h, rng)
        # The fan's scene draws from its own random stream: adding a village or a blizzard leaves the athlete,
        # the camera and the spray of the same seed exactly as they were.
        extras = np.random.default_rng([shot.seed, 7])
        palette = light_palette(palette_for(emotion, self.style.name), shot.light)
        open_air = self.motion.venue in ICE and (shot.light in SKY_LIGHTS or shot.setting in OUTDOOR_SETTINGS)
        backdrop = Backdrop(shot.setting, palette, shot.light in LIT_WINDOWS, w, h, extras)
        self.scene = Scene(
            self.motion,
            palette,
            w,
            h,
            rng,
            open_air=open_air,
            ridges=ridge_layers(shot.setting, palette, HORIZON) if shot.setting else None,
            backdrop=backdrop if backdrop.active else None,
        )
        self.grader = Grader(light_grade(grade_for(emotion), shot.light), w, h, self.style.grade_strength)
        self.spray = Spray(self.motion, rng)
        indoor = self.motion.venue in ICE and not self.scene.open_air
        amount = SNOW_AMOUNT.get(emotion, 0.7) * (0.25 if indoor else 1.0)
        wind = rng.uniform(-1, 1)
        self.snowfall = Snowfall(rng, amount, wind)
        self.streak = 0.0
        if shot.weather:
            amount, wind, self.streak = snow_for(shot.weather, amount, wind)
            self.snowfall = Snowfall(extras, amount, wind)
        fog_colour = [(a + b) // 2 for a, b in zip(palette.sky_horizon, palette.snow, strict=True)]
        self.fog = Fog(shot.weather, fog_colour, w, h, extras)
        self.overlay = Overlay(
            w, h, preview_text=preview_text, ai_text=ai_text, sport_text=sport_text, caption=shot.prompt or None
        )
        self.avatar = Avatar(shot.avatar_image) if shot.avatar_image else None
        self.labelled = True
        n = shot.frames
        self.times = np.arange(n) / shot.fps
        self.motion_times = self._motion_times()
        self.beats = [self.motion.beat(float(t)) for t in self.motion_times]
        natural = np.array([b.focus for b in self.beats])  # the athlete's path without the fan's beats
        self.windows = events.plan(shot.beats, shot.duration_s)
        self.beats = events.apply(self.beats, self.times, self.windows, self.motion)
        self.reactions = events.Reactions(self.windows, self.motion, w, h, extras)
        focus = np.array([b.focus for b in self.beats])
        self.views = plan_views(
            focus, mode=shot.camera, width=w, height=h, base_zoom=self.motion.zoom, fps=shot.fps, rng=rng
        )
        # Under a sky show (aurora, fireworks) a steep camera tilts up so the sky is in the picture.
        tilt = min(0.0, 0.14 - self.motion.view_pitch) if shot.light in ("northern-lights", "fireworks") else 0.0
        for view in self.views:
            view.yaw += self.motion.view_yaw - 0.32
            view.pitch += self.motion.view_pitch - 0.06 + tilt
        if shot.camera == "tracking":
            # Broadcast follows a race from a camera that stands on the course side and pans.
            pan_from_fixed_point(self.views, focus, natural)
        windows = [self.scene.window_for(v) for v in self.views]
        self.scene.prepare(windows)
        if backdrop.active:
            far = [v.far.target[0] * v.far.scale * Backdrop.PARALLAX - v.sweep[0] for v in self.views]
            backdrop.place(np.array(far))
        show = SkyShow(shot.light, self.scene.sky_mask, w, h, shot.duration_s, extras)
        show.place(windows, shot.fps)
        self.show = show if show.active else None
        self.scene.show = self.show if self.scene.open_air else None

    def _motion_times(self) -> np.ndarray:
        """Clip time to motion time: real time, or slowed around the sport's signature moment."""
        t = self.times
        if self.shot.camera != "slow-motion":
            return t
        d = self.shot.duration_s
        centre = d * self.motion.slow_focus
        return np.clip(centre + (t - d / 2) * SLOW_MOTION, 0, d)

    def frames(self) -> Iterator[np.ndarray]:
        dt_scale = SLOW_MOTION if self.shot.camera == "slow-motion" else 1.0
        for i, (t, beat, view) in enumerate(zip(self.times, self.beats, self.views, strict=True)):
            self.spray.step(beat.emitters, dt_scale / self.shot.fps, beat.velocity)
            yield self.render(i, float(t), beat, view)

    def render(self, i: int, t: float, beat: Beat, view: View) -> np.ndarray:
        canvas = self.scene.render(view, t)
        # Fog over the background only: the athlete stays crisp in front of it.
        canvas = self.fog.apply(canvas, t, float(view.far.target[0] * view.far.scale - view.sweep[0]))
        # Pan blur: the background streaks along the camera's motion, the athlete stays sharp.
        vx, vy = np.minimum(np.abs(view.velocity) * 0.45, 14)
        if vx >= 3 or vy >= 3:
            canvas = cv2.blur(canvas, (max(1, int(vx)), max(1, int(vy))))
        painter = Painter(canvas, view, outline=self.style.outline, outline_px=self.style.outline_px)
        props = self.motion.fixtures + beat.props
        for prop in props:
            if prop.kind in FLAT_KINDS:
                draw_prop(painter, prop, t)
        self.reactions.spectators(painter, float(view.target[0]), t)
        self._shadows(painter, beat)
        items: list[tuple[float, int, object]] = []
        for k, prop in enumerate(props):
            if prop.kind not in FLAT_KINDS:
                items.append((prop_depth(painter, prop), k, prop))
        figures = [(beat.pose, beat.gear, self.look)] + [
            (pose, gear, self._crew_look(gear)) for pose, gear in beat.crew
        ]
        for k, fig in enumerate(figures):
            items.append((float(view.project(fig[0].pos)[1]) + (0.3 if k == 0 else 0.0), 10_000 + k, fig))
        items.sort(key=lambda it: (it[0], it[1]))
        trail = -beat.velocity if np.linalg.norm(beat.velocity) > 0.5 else None
        head = None
        for _, k, item in items:
            if k >= 10_000:
                pose, gear, look = item
                skeleton = draw_figure(painter, pose, gear, look, self.avatar if k == 10_000 else None, trail)
                if k == 10_000:
                    head = view.project(skeleton.joints["head"])[0]
            else:
                draw_prop(painter, item, t)
        self.scene.foreground(canvas, view)

        factor = 2
        light = np.zeros((view.height // factor, view.width // factor), np.float32)
        self.spray.splat(light, view, factor)
        self.snowfall.splat(light, view, t)
        if self.streak > 0:
            # Wind-driven snow reads as streaks: smear the flakes along the wind (brighter, as the blur spreads them).
            light = cv2.blur(light, (int(self.streak * 2) + 1, 1)) * (1 + self.streak * 0.35)
        frame = composite_light(canvas, light)
        if self.show is not None:
            frame = self.show.beams(frame, t, view.project(beat.pose.pos)[0] + [0, view.scale * 0.9])
        self.reactions.overlay(frame, t, head)
        frame = self.grader.apply(frame, beat.flash)
        speed = float(np.hypot(*view.velocity)) / 20
        frame = self.style.apply(frame, i, speed, beat.flash)
        if not self.labelled:  # the engine's clean master: the engine burns the marks in afterwards
            return np.ascontiguousarray(frame)
        return self.overlay.apply(np.ascontiguousarray(frame), t, self.shot.duration_s)

    def _shadows(self, painter: Painter, beat: Beat) -> None:
        for pose in [beat.pose] + [p for p, _ in beat.crew]:
            x = float(pose.pos[0])
            ground = np.array([x, float(self.motion.ground(x)) + 0.01, float(pose.pos[2])])
            height = max(0.0, float(pose.pos[1]) - ground[1] - 0.9)
            radius = 0.55 + 0.1 * height
            alpha = 0.35 / (1 + 0.25 * height)
            poly = painter.ground_ellipse(ground, radius, 20)
            painter.blend_poly_px(poly, shade(self.scene.palette.shadow, 0.6), alpha)

    def _crew_look(self, gear):
        """Rivals in other colours, team-mates in the same suit."""
        if self.shot.sport == "short-track":
            from dataclasses import replace

            colours = ((250, 200, 30), (30, 170, 210), (40, 160, 80))
            c = colours[int(gear.tool_angle) % len(colours)]
            return replace(
                self.look,
                jacket=c,
                pants=c,
                helmet=(250, 250, 250),
                species="human",
                fur=None,
                fur_dark=None,
                scarf=None,
            )
        return self.look
