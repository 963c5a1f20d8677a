"""The per-language word lists (``lexicons/<code>.toml``) as lexicon entries for the parser.

One file per language so a translator reviews one file (``lexicons/README.md`` gives the format). Every file
is loaded whatever language a prompt is in: fans mix languages ("il mio snowboard nel halfpipe"), and a word
that means a sport in one language rarely means another sport in a second one.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

from . import vocab

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"

# What a term is worth for its sport, by the section of its file it is listed in.
NAME, GEAR, CUE, HINT = 3.0, 2.0, 1.0, 0.5
SPORT_SECTIONS = {"name": NAME, "gear": GEAR, "cue": CUE, "hint": HINT}
# Tables keyed by a fixed vocabulary; the keys each may use.
KEYED_TABLES: dict[str, tuple[str, ...]] = {
    "emotion": tuple(vocab.EMOTIONS),
    "style": tuple(vocab.STYLES),
    "camera": tuple(vocab.CAMERAS),
    "subject": tuple(vocab.SUBJECTS),
    "colour": vocab.COLOURS,
    "garment": vocab.GARMENTS,
    "attribute": vocab.ATTRIBUTES,
    "setting": tuple(vocab.SETTINGS),
    "light": tuple(vocab.LIGHTS),
    "weather": tuple(vocab.WEATHERS),
    "beat": tuple(vocab.BEATS),
}
TOP_LEVEL = {"code", "name", "function_words", "sport", "para", *KEYED_TABLES}

Entry = tuple[str, str, float]


class LexiconFileError(ValueError):
    """A lexicon file that does not follow ``lexicons/README.md``."""


def _terms(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise LexiconFileError(f"{where}: expected a list of strings")
    return [t.strip() for t in value if t.strip()]


def validate(code: str, data: dict[str, Any]) -> None:
    """Raise :class:`LexiconFileError` for unknown sections or keys, or values of the wrong type."""
    unknown = set(data) - TOP_LEVEL
    if unknown:
        raise LexiconFileError(f"{code}: unknown sections {sorted(unknown)}")
    _terms(data.get("function_words", []), f"{code}.function_words")
    for sport, sections in data.get("sport", {}).items():
        if sport not in vocab.SPORTS:
            raise LexiconFileError(f"{code}: unknown sport {sport!r}")
        for section, terms in sections.items():
            if section not in SPORT_SECTIONS:
                raise LexiconFileError(f"{code}: sport.{sport}: unknown section {section!r}")
            _terms(terms, f"{code}.sport.{sport}.{section}")
    _terms(data.get("para", {}).get("terms", []), f"{code}.para.terms")
    for table, keys in KEYED_TABLES.items():
        for key, terms in data.get(table, {}).items():
            if key not in keys:
                raise LexiconFileError(f"{code}: [{table}] unknown key {key!r}")
            _terms(terms, f"{code}.{table}.{key}")


def read_language_files(directory: Path) -> dict[str, dict[str, Any]]:
    """Every ``<code>.toml`` in ``directory``, parsed, by code; each must name its own code.

    Shared by the word lists here and the safety term lists (``safety_terms/``); each validates its sections.
    """
    files = {}
    for path in sorted(directory.glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        if data.get("code") != path.stem:
            raise LexiconFileError(f"{path.name}: 'code' must be {path.stem!r}, the file's name")
        files[path.stem] = data
    return files


@functools.cache
def language_files() -> dict[str, dict[str, Any]]:
    """Every lexicon file, validated, by language code (read once per process)."""
    files = read_language_files(LEXICON_DIR)
    for code, data in files.items():
        validate(code, data)
    return files


def sport_entries() -> list[Entry]:
    """(term, sport slug, weight) from every file's ``[sport.*]`` tables."""
    return [
        (term, sport, SPORT_SECTIONS[section])
        for data in language_files().values()
        for sport, sections in data.get("sport", {}).items()
        for section, terms in sections.items()
        for term in _terms(terms, sport)
    ]


def table_entries(table: str) -> list[Entry]:
    """(term, key, weight) of one keyed table; subjects carry their rank from ``vocab.SUBJECTS``."""
    if table == "para":
        return [(t, "para", 1.0) for data in language_files().values() for t in data.get("para", {}).get("terms", [])]
    return [
        (term, key, vocab.SUBJECTS.get(key, 1.0) if table == "subject" else 1.0)
        for data in language_files().values()
        for key, terms in data.get(table, {}).items()
        for term in _terms(terms, key)
    ]


def function_words() -> dict[str, list[str]]:
    """Each language's short frequent words, for language identification of short prompts."""
    return {code: list(data.get("function_words", [])) for code, data in language_files().items()}
