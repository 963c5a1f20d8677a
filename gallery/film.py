"""The "Your Epic Vibe" film: a collection of entries cut into one film.

The film is a sequence of *segments* - an opening title card, each clip (with a lower-third caption naming it),
and scrolling end credits - joined by crossfades, with a small "AI-generated" mark on every frame. Everything is
streamed: clips are decoded one frame at a time with PyAV, at most one crossfade's worth of frames is held, and
frames go straight into :func:`generation.engines.outputs.write_clip`.

The length is known before a single frame is drawn (see :func:`expected_frames`): each segment has a fixed number
of frames at the film's rate and every join overlaps the two segments by the crossfade length, so a clip that
decodes short is padded with its last frame rather than shortening the film.

The film is cut to its music: every segment lasts a whole number of beats (``BEAT_S``) and each crossfade one beat,
so every cut lands on a beat of the soundtrack that :mod:`gallery.soundtrack` synthesises for it (AAC, fading out).
Clips are read from their clean masters (:mod:`generation.masters`), so their own burnt-in marks never show under
the film's caption and label: the film labels once. Runs of clips of one sport are chapters: a chapter mark in the
MP4, a WebVTT chapters file, and a chapter line on screen when the sport changes.
"""

from __future__ import annotations

import json
import math
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from django.utils.translation import gettext
from PIL import Image, ImageDraw

from generation import masters
from generation.engines.base import CancelFn, EngineError, JobCanceled, ProgressFn
from generation.engines.outputs import encode_aac, mux_audio, write_clip
from generation.engines.preview.overlay import CJK_RE, Sticker, font

# Winter palette: night-sky navy to glacier blue, with ice-white text and a gold accent.
NAVY = np.array([8, 18, 48], np.float32)
GLACIER = np.array([46, 110, 168], np.float32)
ICE = (236, 246, 255, 255)
FROST = (178, 210, 238, 255)
GOLD = (250, 200, 40, 255)
LETTERBOX = (6, 10, 22)

# Credits scroll at a pace people can read: a fixed base plus a little per line, within bounds.
CREDITS_BASE_S = 3.0
CREDITS_PER_LINE_S = 0.35
CREDITS_MAX_S = 12.0

# The caption of a clip shows from CAPTION_IN_S until at most CAPTION_OUT_S (or 70 % of a short clip).
CAPTION_IN_S = 0.3
CAPTION_OUT_S = 3.0
CAPTION_FADE_S = 0.35
# The chapter line shows at the start of each sport's first clip.
CHAPTER_IN_S, CHAPTER_OUT_S = 0.2, 2.2
# The music's beat: 120 bpm, so at 16 fps one beat is exactly 8 frames.
BEAT_S = 0.5
CHAPTERS_NAME = "chapters.vtt"


@dataclass(frozen=True)
class ClipInfo:
    """One clip of the film: its file and what the caption and credits say about it."""

    path: Path
    title: str
    creator: str
    country: str = ""
    sport: str = ""
    preview: bool = False


@dataclass(frozen=True)
class ClipProbe:
    """What the film needs to know about a clip file before decoding it."""

    frames: int
    fps: float
    width: int
    height: int
    preview: bool = False


def _is_preview(container) -> bool:
    """Whether the clip's own labels say it came from the preview engine (its film caption then says so)."""
    try:
        return bool(json.loads(container.metadata.get("description") or "{}").get("preview"))
    except (ValueError, AttributeError):
        return False


# --- timing --------------------------------------------------------------------------------------------------


def clip_frames(probe: ClipProbe, fps: int) -> int:
    """How many film frames a clip lasts once resampled to ``fps`` (its duration is kept)."""
    return max(1, round(probe.frames * fps / probe.fps))


def credits_seconds(lines: int) -> float:
    """How long the credits roll for ``lines`` names."""
    return min(CREDITS_MAX_S, CREDITS_BASE_S + CREDITS_PER_LINE_S * lines)


def beat_frames(fps: int) -> int:
    """Film frames per beat of the music (the tempo is then ``60 * fps / beat_frames`` bpm)."""
    return max(1, round(BEAT_S * fps))


def tempo(fps: int) -> float:
    return 60.0 * fps / beat_frames(fps)


def _beats(frames: float, fps: int, *, up: bool = False) -> int:
    """``frames`` rounded to a whole number of beats (at least one), in frames."""
    beat = beat_frames(fps)
    count = math.ceil(frames / beat - 1e-9) if up else round(frames / beat)
    return max(1, count) * beat


def segment_lengths(clip_lengths: list[int], *, fps: int, title_s: float, credits_s: float) -> list[int]:
    """Frames of each segment: title card, clips, credits, each a whole number of beats (clips to the nearest
    beat: a clip is held on its last frame or trimmed by less than half a beat; the credits never shorter)."""
    return [
        _beats(title_s * fps, fps),
        *(_beats(n, fps) for n in clip_lengths),
        _beats(credits_s * fps, fps, up=True),
    ]


def overlaps(lengths: list[int], *, fps: int, crossfade_s: float) -> list[int]:
    """Frames shared by each pair of neighbouring segments: the crossfade (whole beats), capped so that a segment's
    fade in and fade out never overlap each other (a very short clip gets a shorter crossfade)."""
    want = _beats(crossfade_s * fps, fps) if crossfade_s > 0 else 0
    return [min(want, a // 2, b // 2) for a, b in zip(lengths, lengths[1:], strict=False)]


def segment_starts(lengths: list[int], joins: list[int]) -> list[int]:
    """The film frame at which each segment starts (its crossfade in begins)."""
    starts = [0]
    for length, join in zip(lengths, joins, strict=False):
        starts.append(starts[-1] + length - join)
    return starts


def cut_times(lengths: list[int], joins: list[int], fps: int) -> list[float]:
    """When each cut completes (the new segment fully on screen): on a beat, where the music marks it."""
    starts = segment_starts(lengths, joins)
    return [(start + join) / fps for start, join in zip(starts[1:], joins, strict=True)]


def chapters(
    clips: list[ClipInfo], lengths: list[int], joins: list[int], fps: int, *, opening: str, closing: str
) -> list[tuple[float, float, str, int]]:
    """``(start_s, end_s, title, first clip index or -1)``: the opening, one chapter per run of clips of one sport,
    the credits."""
    starts = segment_starts(lengths, joins)
    total = (starts[-1] + lengths[-1]) / fps
    marks: list[tuple[float, str, int]] = [(0.0, opening, -1)]
    previous = None
    for i, clip in enumerate(clips):
        sport = clip.sport or clip.title
        if sport != previous:
            marks.append((starts[i + 1] / fps, sport, i))
            previous = sport
    marks.append((starts[-1] / fps, closing, -1))
    return [
        (start, marks[k + 1][0] if k + 1 < len(marks) else total, title, first)
        for k, (start, title, first) in enumerate(marks)
    ]


def chapters_vtt(marks: list[tuple[float, float, str, int]]) -> str:
    """WebVTT chapters (``<track kind="chapters">``)."""

    def stamp(t: float) -> str:
        millis = round(t * 1000)
        return f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"

    cues = [f"{k + 1}\n{stamp(a)} --> {stamp(b)}\n{title}\n" for k, (a, b, title, _) in enumerate(marks)]
    return "WEBVTT\n\n" + "\n".join(cues)


def expected_frames(
    clip_lengths: list[int], *, fps: int = 16, title_s: float = 2.5, credits_s: float, crossfade_s: float = 0.5
) -> int:
    """The film's frame count: title + clips + credits, less one crossfade per join."""
    lengths = segment_lengths(clip_lengths, fps=fps, title_s=title_s, credits_s=credits_s)
    return sum(lengths) - sum(overlaps(lengths, fps=fps, crossfade_s=crossfade_s))


def probe_clip(clip: ClipInfo) -> ClipProbe:
    """Frame count, rate and size of a clip; raises ``EngineError("clip_unreadable")`` when it can't be read."""
    try:
        with av.open(str(clip.path)) as container:
            stream = container.streams.video[0]
            rate = float(stream.average_rate or stream.guessed_rate or 0)
            frames = stream.frames
            if not frames:
                # Some containers don't store the count: count packets (no decoding needed).
                frames = sum(1 for p in container.demux(stream) if p.size)
            if frames <= 0 or rate <= 0 or not stream.width:
                raise ValueError("no video frames")
            return ClipProbe(
                frames=frames, fps=rate, width=stream.width, height=stream.height, preview=_is_preview(container)
            )
    except (OSError, av.FFmpegError, ValueError, IndexError) as exc:
        raise _unreadable(clip) from exc


def _unreadable(clip: ClipInfo) -> EngineError:
    return EngineError(
        "clip_unreadable",
        gettext("The clip “%(title)s” could not be read. Remove it from the collection and try again.")
        % {"title": clip.title},
    )


# --- drawing ---------------------------------------------------------------------------------------------------


def _text(text: str, size: int, *, bold: bool = False) -> tuple[object, tuple[int, int, int, int]]:
    f = font(size, bold=bold, cjk=bool(CJK_RE.search(text)))
    return f, ImageDraw.Draw(Image.new("RGBA", (1, 1))).textbbox((0, 0), text, font=f)


def _fit(text: str, size: int, max_width: int, *, bold: bool = False) -> tuple[object, tuple[int, int, int, int]]:
    """The font (and text box) at ``size`` or smaller so that ``text`` fits ``max_width``."""
    while True:
        f, box = _text(text, size, bold=bold)
        if box[2] - box[0] <= max_width or size <= 8:
            return f, box
        size = max(8, int(size * 0.9))


def pill(text: str, size: int, fg: tuple, bg: tuple, *, bold: bool = True) -> Image.Image:
    """A rounded label with ``text``, as an RGBA image."""
    f, box = _text(text, size, bold=bold)
    pad = max(3, size // 3)
    w, h = box[2] - box[0] + 2 * pad, box[3] - box[1] + 2 * pad
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((0, 0, w - 1, h - 1), radius=h // 2, fill=bg)
    d.text((pad - box[0], pad - box[1]), text, font=f, fill=fg)
    return img


def ai_mark(width: int, height: int) -> Sticker:
    """The small "AI-generated" label (EU AI Act) in the bottom-right corner of a ``width x height`` picture."""
    size = max(9, round(min(height, width * 9 / 16) / 40))
    label = pill(gettext("AI-generated"), size, (255, 255, 255, 255), (0, 0, 0, 170), bold=False)
    margin = max(4, size // 2)
    return Sticker(label, width - label.width - margin, height - label.height - margin)


def winter_backdrop(width: int, height: int) -> np.ndarray:
    """The cards' background: a diagonal navy-to-glacier gradient with a soft light low in the frame."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    t = np.clip(0.65 * y / max(1, height - 1) + 0.35 * x / max(1, width - 1), 0, 1)[..., None]
    glow = np.exp(-(((x - 0.5 * width) / (0.6 * width)) ** 2 + ((y - 0.95 * height) / (0.5 * height)) ** 2))
    rgb = NAVY * (1 - t) + GLACIER * t + 60 * glow[..., None]
    return np.clip(rgb, 0, 255).astype(np.uint8)


class Snow:
    """Soft snowflakes drifting down over the cards; positions are seeded, so the film is deterministic."""

    def __init__(self, width: int, height: int, count: int | None = None) -> None:
        rng = np.random.default_rng(2026)
        n = count or max(40, width * height // 2500)
        self.w, self.h = width, height
        self.x = rng.uniform(0, width, n)
        self.y = rng.uniform(0, height, n)
        self.speed = rng.uniform(0.04, 0.12, n) * height  # pixels per second
        self.sway = rng.uniform(0, 2 * math.pi, n)
        self.bright = rng.uniform(120, 230, n).astype(np.float32)
        self.big = rng.random(n) < 0.3

    def draw(self, frame: np.ndarray, t: float) -> None:
        xs = ((self.x + 6 * np.sin(self.sway + t * 1.3)) % self.w).astype(int)
        ys = ((self.y + self.speed * t) % self.h).astype(int)
        for dx, dy, only_big in ((0, 0, False), (1, 0, True), (0, 1, True), (1, 1, True)):
            keep = self.big if only_big else slice(None)
            x, y = np.minimum(xs[keep] + dx, self.w - 1), np.minimum(ys[keep] + dy, self.h - 1)
            pix = frame[y, x].astype(np.float32)
            a = (self.bright[keep] / 255)[:, None]
            frame[y, x] = (pix * (1 - a) + 255 * a).astype(np.uint8)


def _centered_block(lines: list[tuple[str, int, bool, tuple]], width: int, gap: int) -> Image.Image:
    """Lines of text (text, size, bold, colour) stacked and centred, as one transparent RGBA image."""
    rendered = []
    for text, size, bold, colour in lines:
        f, box = _fit(text, size, int(width * 0.86), bold=bold)
        rendered.append((text, f, box, colour))
    height = sum(b[3] - b[1] for _, _, b, _ in rendered) + gap * (len(rendered) - 1) + 8
    img = Image.new("RGBA", (width, max(1, height)), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    y = 4
    for text, f, box, colour in rendered:
        w = box[2] - box[0]
        # A soft shadow keeps white text readable over the lighter part of the gradient.
        d.text(((width - w) // 2 - box[0] + 2, y - box[1] + 2), text, font=f, fill=(0, 0, 0, 110))
        d.text(((width - w) // 2 - box[0], y - box[1]), text, font=f, fill=colour)
        y += box[3] - box[1] + gap
    return img


def letterbox(frame: av.VideoFrame, width: int, height: int) -> np.ndarray:
    """A decoded frame scaled to fit ``width x height`` (aspect kept), centred on dark bars."""
    scale = min(width / frame.width, height / frame.height)
    w, h = max(2, round(frame.width * scale)), max(2, round(frame.height * scale))
    rgb = frame.reformat(width=w, height=h, format="rgb24").to_ndarray()
    if (w, h) == (width, height):
        return rgb
    canvas = np.empty((height, width, 3), np.uint8)
    canvas[...] = LETTERBOX
    x, y = (width - w) // 2, (height - h) // 2
    canvas[y : y + h, x : x + w] = rgb
    return canvas


# --- segments ----------------------------------------------------------------------------------------------------


class TitleCard:
    """The opening card: the film's title and a subtitle fading in over falling snow."""

    def __init__(self, title: str, subtitle: str, width: int, height: int, fps: int, frames: int) -> None:
        self.fps, self.frames = fps, frames
        self.backdrop = winter_backdrop(width, height)
        self.snow = Snow(width, height)
        s = max(12, round(height / 9))
        block = _centered_block(
            [(title, s, True, ICE), (subtitle, max(9, s * 2 // 5), False, FROST)], width, gap=max(4, s // 3)
        )
        self.text = Sticker(block, 0, (height - block.height) // 2)

    def __iter__(self) -> Iterator[np.ndarray]:
        for i in range(self.frames):
            t = i / self.fps
            frame = self.backdrop.copy()
            self.snow.draw(frame, t)
            self.text.blend(frame, float(np.clip((t + 0.2) / 0.6, 0, 1)))
            yield frame


class Credits:
    """End credits: a heading and one line per creator, scrolling up from below over the backdrop."""

    def __init__(self, heading: str, names: list[str], footer: str, width: int, height: int, fps: int, frames: int):
        self.fps, self.frames, self.height = fps, frames, height
        self.backdrop = winter_backdrop(width, height)
        self.snow = Snow(width, height)
        s = max(10, round(height / 16))
        lines = [(heading, round(s * 1.3), True, GOLD), *[(n, s, False, ICE) for n in names], ("", s, False, ICE)]
        lines.append((footer, max(9, s * 3 // 4), False, FROST))
        roll = _centered_block(lines, width, gap=max(4, s // 2))
        self.roll = Sticker(roll, 0, 0)
        # The roll enters from the bottom edge and, when it is taller than the frame, leaves through the top;
        # a short roll stops centred so it can be read.
        self.start = height
        self.end = -(roll.height - height) - s if roll.height > height * 0.8 else (height - roll.height) // 2

    def __iter__(self) -> Iterator[np.ndarray]:
        for i in range(self.frames):
            progress = min(1.0, i / max(1, self.frames - 1) / 0.85)  # hold the last position briefly
            eased = 1 - (1 - progress) ** 2 if self.end >= 0 else progress
            frame = self.backdrop.copy()
            self.snow.draw(frame, i / self.fps)
            self.roll.y = round(self.start + (self.end - self.start) * eased)
            self.roll.blend(frame)
            yield frame


class ClipSegment:
    """One clip decoded as a stream, letterboxed and resampled to the film's rate, with its caption."""

    def __init__(
        self,
        clip: ClipInfo,
        probe: ClipProbe,
        width: int,
        height: int,
        fps: int,
        frames: int,
        *,
        keep_clear: tuple[int, int, int, int] | None = None,
        chapter: str | None = None,
    ) -> None:
        self.clip, self.probe = clip, probe
        self.width, self.height, self.fps, self.frames = width, height, fps, frames
        # The clean master when the engine kept one: the clip's own marks would show under ours.
        self.source = masters.master_for_video(clip.path) or clip.path
        self.keep_clear = keep_clear
        self.caption = self._caption()
        self.chapter = self._chapter(chapter) if chapter else None
        duration = frames / fps
        self.caption_out = min(CAPTION_OUT_S, duration * 0.7)

    def _caption(self) -> Sticker:
        s = max(9, round(self.height / 26))
        m = max(6, round(self.height / 30))
        # Never under the film's own label: the caption ends before the label's left edge when they share rows.
        limit = int(self.width * 0.9)
        if self.keep_clear is not None:
            limit = min(limit, self.keep_clear[0] - 2 * m)
        parts = []
        tag = " · ".join(p for p in (self.clip.sport.upper(), gettext("PREVIEW") if self.probe.preview else "") if p)
        if tag:
            parts.append(pill(tag, s, (20, 20, 28, 255), GOLD))
        parts.append(_fitted_pill(self.clip.title, round(s * 1.25), ICE, (10, 14, 30, 200), limit))
        byline = " · ".join(p for p in (self.clip.creator, self.clip.country) if p)
        if byline:
            parts.append(_fitted_pill(byline, s, FROST, (10, 14, 30, 180), limit, bold=False))
        w = min(max(p.width for p in parts), limit)
        h = sum(p.height for p in parts) + 2 * (len(parts) - 1)
        img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        y = 0
        for p in parts:
            img.alpha_composite(p.crop((0, 0, min(p.width, w), p.height)), (0, y))
            y += p.height + 2
        return Sticker(img, m, self.height - h - m - round(self.height * 0.08))

    def _chapter(self, text: str) -> Sticker:
        s = max(9, round(self.height / 24))
        m = max(6, round(self.height / 30))
        return Sticker(_fitted_pill(text, s, ICE, (10, 14, 30, 170), int(self.width * 0.6)), m, m)

    def caption_box(self) -> tuple[int, int, int, int]:
        h, w = self.caption.rgb.shape[:2]
        return self.caption.x, self.caption.y, self.caption.x + w, self.caption.y + h

    def _caption_opacity(self, t: float) -> float:
        fade_in = (t - CAPTION_IN_S) / CAPTION_FADE_S
        fade_out = (self.caption_out - t) / CAPTION_FADE_S
        return float(np.clip(min(fade_in, fade_out), 0, 1))

    def __iter__(self) -> Iterator[np.ndarray]:
        last: av.VideoFrame | None = None
        emitted = 0
        try:
            with av.open(str(self.source)) as container:
                stream = container.streams.video[0]
                stream.thread_type = "AUTO"
                for index, decoded in enumerate(container.decode(stream)):
                    last = decoded
                    # Film frame j shows the source frame on screen at time j / fps (nearest earlier frame);
                    # source frames no film frame lands on are never converted.
                    rgb: np.ndarray | None = None
                    while emitted < self.frames and math.floor(emitted * self.probe.fps / self.fps + 1e-6) <= index:
                        if rgb is None:
                            rgb = letterbox(decoded, self.width, self.height)
                        yield self._dress(rgb.copy(), emitted)
                        emitted += 1
                    if emitted >= self.frames:
                        return
        except (OSError, av.FFmpegError, ValueError) as exc:
            raise _unreadable(self.clip) from exc
        if last is None:
            raise _unreadable(self.clip)
        # A clip that decodes shorter than its header said holds its last frame: the film's length stays exact.
        rgb = letterbox(last, self.width, self.height)
        while emitted < self.frames:
            yield self._dress(rgb.copy(), emitted)
            emitted += 1

    def _dress(self, frame: np.ndarray, index: int) -> np.ndarray:
        t = index / self.fps
        self.caption.blend(frame, self._caption_opacity(t))
        if self.chapter is not None:
            fade = min((t - CHAPTER_IN_S) / CAPTION_FADE_S, (CHAPTER_OUT_S - t) / CAPTION_FADE_S)
            self.chapter.blend(frame, float(np.clip(fade, 0, 1)))
        return frame


def _fitted_pill(text: str, size: int, fg: tuple, bg: tuple, max_width: int, *, bold: bool = True) -> Image.Image:
    """A pill no wider than ``max_width``: smaller type first, then an ellipsis (captions never run off)."""
    while size > 9 and pill(text, size, fg, bg, bold=bold).width > max_width:
        size = max(9, int(size * 0.9))
    made = pill(text, size, fg, bg, bold=bold)
    while made.width > max_width and len(text) > 2:
        text = text[:-2].rstrip() + "…"
        made = pill(text, size, fg, bg, bold=bold)
    return made


def crossfaded(segments: list, joins: list[int]) -> Iterator[np.ndarray]:
    """The segments in order, each join blended linearly over ``joins[i]`` frames.

    Only the tail of the current segment (the frames that will be blended) is held in memory.
    """
    held: deque[np.ndarray] = deque()
    for i, segment in enumerate(segments):
        overlap_in = joins[i - 1] if i > 0 else 0
        overlap_out = joins[i] if i < len(joins) else 0
        incoming = list(held)
        held.clear()
        for j, frame in enumerate(segment):
            if j < overlap_in:
                # Weight of the new segment grows from just above 0 to just below 1 across the crossfade.
                w = (j + 1) / (overlap_in + 1)
                frame = (incoming[j].astype(np.float32) * (1 - w) + frame.astype(np.float32) * w + 0.5).astype(np.uint8)
            if overlap_out:
                held.append(frame)
                if len(held) > overlap_out:
                    yield held.popleft()
            else:
                yield frame
    yield from held


# --- the film ----------------------------------------------------------------------------------------------------


def render_film(
    clips: list[ClipInfo],
    out_dir: Path,
    *,
    title: str,
    credits: list[str],
    fps: int = 16,
    width: int = 832,
    height: int = 480,
    crossfade_s: float = 0.5,
    title_s: float = 2.5,
    credits_s: float | None = None,
    subtitle: str | None = None,
    progress: ProgressFn,
    cancelled: CancelFn,
    metadata: dict | None = None,
    soundtrack: bool = True,
) -> dict[str, Path]:
    """Render the film to ``out_dir`` (``video.mp4`` with its music and chapters, ``poster.jpg``, ``preview.webp``,
    ``chapters.vtt``); returns the paths.

    ``progress(fraction, stage)`` is called once per output frame; ``cancelled()`` is checked before each frame
    and raises :class:`JobCanceled` (no video is left behind). Unreadable clips raise ``EngineError``.
    """
    from .soundtrack import SAMPLE_RATE, music_bed

    if not clips:
        raise EngineError("no_clips", gettext("This collection has no clips to make a film from."))
    width, height = width - width % 2, height - height % 2
    progress(0.0, gettext("Checking the clips"))
    probes = [probe_clip(c) for c in clips]
    clip_lengths = [clip_frames(p, fps) for p in probes]
    credits_s = credits_seconds(len(credits)) if credits_s is None else credits_s
    lengths = segment_lengths(clip_lengths, fps=fps, title_s=title_s, credits_s=credits_s)
    joins = overlaps(lengths, fps=fps, crossfade_s=crossfade_s)
    total = sum(lengths) - sum(joins)
    marks = chapters(clips, lengths, joins, fps, opening=title, closing=gettext("Credits"))
    sport_chapters = {first: k for k, (_, _, _, first) in enumerate(marks) if first >= 0}

    if subtitle is None:
        subtitle = gettext("Milano Cortina 2026 · %(count)d fan clips") % {"count": len(clips)}
    mark = ai_mark(width, height)
    mark_h, mark_w = mark.rgb.shape[:2]
    keep_clear = (mark.x, mark.y, mark.x + mark_w, mark.y + mark_h)
    segments: list = [TitleCard(title, subtitle, width, height, fps, lengths[0])]
    for i, (clip, probe, n) in enumerate(zip(clips, probes, lengths[1:-1], strict=True)):
        chapter = None
        if i in sport_chapters:
            chapter = gettext("Chapter %(number)d · %(title)s") % {
                "number": sport_chapters[i],
                "title": marks[sport_chapters[i]][2],
            }
        segments.append(ClipSegment(clip, probe, width, height, fps, n, keep_clear=keep_clear, chapter=chapter))
    segments.append(
        Credits(
            gettext("Made by our fans"),
            credits,
            gettext("Every clip in this film is AI-generated."),
            width,
            height,
            fps,
            lengths[-1],
        )
    )

    def frames() -> Iterator[np.ndarray]:
        for frame in crossfaded(segments, joins):
            if cancelled():
                raise JobCanceled()
            mark.blend(frame)
            yield frame

    def encoded(count: int) -> None:
        # The poster, animation and soundtrack after the last frame take the remaining sliver of the bar.
        progress(
            0.97 * count / total, gettext("Editing frame %(current)d/%(total)d") % {"current": count, "total": total}
        )

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    # The music depends only on the timeline, known already: it is synthesised and encoded in a thread while
    # the pictures are made, and only muxed in at the end.
    audio_path = out_dir / ".soundtrack.m4a"
    audio: dict[str, BaseException | None] = {"error": None}

    def make_music() -> None:
        try:
            music = music_bed(total / fps, tempo=tempo(fps), cuts_s=cut_times(lengths, joins, fps))
            encode_aac(music, audio_path, sample_rate=SAMPLE_RATE)
        except BaseException as exc:  # re-raised in the caller's thread
            audio["error"] = exc

    composer = threading.Thread(target=make_music, name="film-soundtrack", daemon=True) if soundtrack else None
    if composer is not None:
        composer.start()
    chapter_file = out_dir / CHAPTERS_NAME
    files: dict[str, Path] = {}
    try:
        files = write_clip(
            frames(),
            out_dir,
            fps=fps,
            width=width,
            height=height,
            metadata={"ai_generated": True, "engine": "film", "title": title, **(metadata or {})},
            frame_count=total,
            progress=encoded,
        )
        if composer is not None:
            progress(0.98, gettext("Mixing the soundtrack"))
            composer.join()
            if audio["error"] is not None:
                raise audio["error"]
        if cancelled():
            raise JobCanceled()
        if composer is not None:
            mux_audio(
                files["video"],
                audio_path=audio_path,
                chapters=[(start, end, name) for start, end, name, _ in marks],
            )
        chapter_file.write_text(chapters_vtt(marks), encoding="utf-8")
    except BaseException:
        for path in [*files.values(), chapter_file]:
            Path(path).unlink(missing_ok=True)
        raise
    finally:
        if composer is not None:
            composer.join()
        audio_path.unlink(missing_ok=True)
    progress(1.0, gettext("Done"))
    return {**files, "chapters": chapter_file}
