"""Temporary check for issue 12: the per-language lexicon files hold every term of ``cues.py``.

For every (table, key, weight section) the union of the terms of all ``lexicons/*.toml`` must contain every
term that ``cues.py`` lists there (both sides normalised). Delete this script together with ``cues.py``'s
tables once the parser reads the files.

    .venv/bin/python scripts/check_lexicon_migration.py
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")

import django  # noqa: E402

django.setup()

from generation.prompting import cues  # noqa: E402
from generation.prompting.normalize import normalize  # noqa: E402

LEXICONS = ROOT / "generation" / "prompting" / "lexicons"
# Attributes that became scene keys when the scene vocabularies were added.
MOVED = {
    "at night": ("light", "night"),
    "at sunset": ("light", "sunset"),
    "at dawn": ("light", "dawn"),
    "snowfall": ("weather", "snowfall"),
}

Slot = tuple[str, str, str]  # (table, key, section)


def section_of(weight: float) -> str:
    """The file section a cues.py sport weight migrates to (3 name, 1.5-2.5 gear, 1-1.4 cue, below 1 hint)."""
    if weight >= 3.0:
        return "name"
    if weight >= 1.5:
        return "gear"
    if weight >= 1.0:
        return "cue"
    return "hint"


def norm(term: str) -> str:
    return normalize(term).rstrip("~")


def split(terms: str) -> list[str]:
    return [t.strip() for t in terms.split("|") if t.strip()]


def expected() -> dict[Slot, set[str]]:
    """Every cues.py term by the slot it must appear in."""
    out: dict[Slot, set[str]] = {}

    def put(slot: Slot, terms: str) -> None:
        out.setdefault(slot, set()).update(norm(t) for t in split(terms))

    for sport, groups in cues.SPORT_CUES.items():
        for weight, terms in groups:
            put(("sport", sport, section_of(weight)), terms)
    put(("para", "", "terms"), cues.PARA_CUES)
    for table, mapping in (
        ("emotion", cues.EMOTION_CUES),
        ("style", cues.STYLE_CUES),
        ("camera", cues.CAMERA_CUES),
        ("colour", cues.COLOUR_CUES),
        ("garment", cues.GARMENT_CUES),
    ):
        for key, terms in mapping.items():
            put((table, key, ""), terms)
    for _weight, subject, terms in cues.SUBJECT_CUES:
        put(("subject", subject, ""), terms)
    for key, terms in cues.ATTRIBUTE_CUES.items():
        table, new_key = MOVED.get(key, ("attribute", key))
        put((table, new_key, ""), terms)
    return out


def found() -> dict[Slot, set[str]]:
    """The union of all lexicon files' terms by slot."""
    out: dict[Slot, set[str]] = {}
    for path in sorted(LEXICONS.glob("*.toml")):
        with path.open("rb") as f:
            data = tomllib.load(f)
        for table, body in data.items():
            if not isinstance(body, dict):
                continue
            if table == "sport":
                for sport, sections in body.items():
                    for section, terms in sections.items():
                        out.setdefault(("sport", sport, section), set()).update(map(norm, terms))
            elif table == "para":
                out.setdefault(("para", "", "terms"), set()).update(map(norm, body.get("terms", [])))
            else:
                for key, terms in body.items():
                    out.setdefault((table, key, ""), set()).update(map(norm, terms))
    return out


def main() -> int:
    have = found()
    missing = 0
    for slot, terms in sorted(expected().items()):
        for term in sorted(terms - have.get(slot, set())):
            print(f"missing: {'/'.join(s for s in slot if s)}: {term}")
            missing += 1
    print(f"{missing} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
