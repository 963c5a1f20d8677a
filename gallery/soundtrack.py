"""The film's music bed, synthesised here with numpy: nothing sampled, nothing we do not own.

A calm, bright winter loop at ``tempo`` beats per minute in 4/4: a soft pad playing I-V-vi-IV in D major (one chord
per bar), a plucked bass on each bar's first beat, a muted kick on every beat and a shaker on the off-beats. Each
cut of the film lands on a beat, and gets a soft rising "whoosh" just before it and a bell on it, so the pictures
and the music change together. The last seconds fade out. Deterministic: the same timeline gives the same samples.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

SAMPLE_RATE = 48_000
FADE_OUT_S = 2.5
# D major, one chord per bar: D, A, Bm, G (root MIDI notes and chord tones).
PROGRESSION = ((62, (0, 4, 7)), (57, (0, 4, 7)), (59, (0, 3, 7)), (55, (0, 4, 7)))


def midi_hz(note: float) -> float:
    return 440.0 * 2 ** ((note - 69) / 12)


def _envelope(n: int, attack: int, release: int) -> np.ndarray:
    env = np.ones(n, np.float32)
    attack, release = min(attack, n // 2), min(release, n // 2)
    if attack:
        env[:attack] = np.linspace(0, 1, attack, dtype=np.float32)
    if release:
        env[-release:] = np.linspace(1, 0, release, dtype=np.float32)
    return env


def _add(track: np.ndarray, start: int, sound: np.ndarray) -> None:
    end = min(len(track), start + len(sound))
    if start < end:
        track[start:end] += sound[: end - start]


def music_bed(duration_s: float, *, tempo: float, cuts_s: Sequence[float] = (), seed: int = 2026) -> np.ndarray:
    """Stereo float32 samples ``(n, 2)`` in -1..1 at :data:`SAMPLE_RATE`, ``duration_s`` long."""
    rate = SAMPLE_RATE
    n = max(1, int(round(duration_s * rate)))
    rng = np.random.default_rng(seed)
    beat = 60.0 / tempo
    bar = 4 * beat
    left = np.zeros(n, np.float32)
    right = np.zeros(n, np.float32)
    t_bar = np.arange(int(bar * rate), dtype=np.float32) / rate

    # Pad: three detuned sines per chord tone, slow attack and release, panned slightly apart.
    for k in range(int(np.ceil(duration_s / bar))):
        root, tones = PROGRESSION[k % len(PROGRESSION)]
        start = int(k * bar * rate)
        chord = np.zeros_like(t_bar)
        for tone in tones:
            f = midi_hz(root + tone)
            for detune in (-0.12, 0.0, 0.12):
                chord += np.sin(2 * np.pi * f * (1 + detune / 100) * t_bar + rng.uniform(0, 6.28))
        chord *= _envelope(len(t_bar), int(0.35 * rate), int(0.45 * rate)) * (0.045 / 3)
        _add(left, start, chord)
        _add(right, start, chord * 0.9)
        # Bass: a plucked root an octave down on the bar's first beat.
        f = midi_hz(root - 12)
        t = t_bar[: int(beat * 2 * rate)]
        pluck = np.sin(2 * np.pi * f * t) * np.exp(-t * 3.0) * 0.16
        _add(left, start, pluck)
        _add(right, start, pluck)

    # Kick on every beat (a falling sine), shaker on the off-beats (filtered noise bursts).
    kick_t = np.arange(int(0.18 * rate), dtype=np.float32) / rate
    kick = np.sin(2 * np.pi * (50 + 90 * np.exp(-kick_t * 30)) * kick_t) * np.exp(-kick_t * 18) * 0.22
    shake_n = int(0.06 * rate)
    for b in range(int(np.ceil(duration_s / beat))):
        start = int(b * beat * rate)
        _add(left, start, kick)
        _add(right, start, kick)
        noise = rng.standard_normal(shake_n).astype(np.float32)
        noise = np.diff(noise, prepend=0) * np.exp(-np.arange(shake_n) / (0.012 * rate)) * 0.035
        off = start + int(beat / 2 * rate)
        _add(left, off, noise * 0.8)
        _add(right, off, noise)

    # Cuts: a rising whoosh over the beat before, a bell on the cut.
    swell_n = int(beat * rate)
    swell_env = np.linspace(0, 1, swell_n, dtype=np.float32) ** 2
    for cut in cuts_s:
        at = int(cut * rate)
        noise = rng.standard_normal(swell_n).astype(np.float32)
        smooth = np.convolve(noise, np.ones(24) / 24, mode="same")
        _add(left, max(0, at - swell_n), smooth * swell_env * 0.12)
        _add(right, max(0, at - swell_n), smooth * swell_env * 0.12)
        t = np.arange(int(1.2 * rate), dtype=np.float32) / rate
        bell = (np.sin(2 * np.pi * 1174.7 * t) + 0.4 * np.sin(2 * np.pi * 2349.3 * t)) * np.exp(-t * 4) * 0.05
        _add(left, at, bell * 0.9)
        _add(right, at, bell)

    stereo = np.stack([left, right], axis=1)
    fade = min(n, int(FADE_OUT_S * rate))
    stereo[n - fade :] *= np.linspace(1, 0, fade, dtype=np.float32)[:, None] ** 1.5
    # Gentle limiting: never clip, whatever the cuts pile up.
    peak = float(np.abs(stereo).max()) or 1.0
    if peak > 0.9:
        stereo *= 0.9 / peak
    return stereo.astype(np.float32)
