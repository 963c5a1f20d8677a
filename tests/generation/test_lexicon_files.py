"""Every per-language lexicon file (generation/prompting/lexicons/*.toml) follows lexicons/README.md."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from generation.prompting import vocab
from generation.prompting.lexicon_files import KEYED_TABLES, LEXICON_DIR, SPORT_SECTIONS, TOP_LEVEL
from generation.prompting.normalize import TOKEN_RE, is_unspaced, normalize

# The schema is the loader's own (generation/prompting/lexicon_files.py); this test reports every mistake of a
# file at once, and also what the loader does not check (empty, repeated or unmatchable terms).
FILES = sorted(LEXICON_DIR.glob("*.toml"))


def load(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def term_lists(data: dict[str, Any]) -> list[tuple[str, Any]]:
    """(where, value) for every list of terms in a file, wherever the schema allows one."""
    lists: list[tuple[str, Any]] = [("function_words", data.get("function_words", []))]
    for sport, sections in data.get("sport", {}).items():
        lists += [(f"sport.{sport}.{section}", terms) for section, terms in sections.items()]
    lists.append(("para.terms", data.get("para", {}).get("terms", [])))
    for table in KEYED_TABLES:
        lists += [(f"{table}.{key}", terms) for key, terms in data.get(table, {}).items()]
    return lists


def problems(data: dict[str, Any], stem: str) -> list[str]:
    """Everything in one parsed file that breaks the schema (an empty list for a good file)."""
    found = [f"unknown section {s!r}" for s in sorted(set(data) - TOP_LEVEL)]
    if data.get("code") != stem:
        found.append(f"code {data.get('code')!r} is not the file name {stem!r}")
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        found.append("name is missing")
    for sport, sections in data.get("sport", {}).items():
        if sport not in vocab.SPORTS:
            found.append(f"unknown sport {sport!r}")
        found += [f"sport.{sport}: unknown section {s!r}" for s in sorted(set(sections) - set(SPORT_SECTIONS))]
    found += [f"para: unknown key {k!r}" for k in sorted(set(data.get("para", {})) - {"terms"})]
    for table, keys in KEYED_TABLES.items():
        found += [f"[{table}] unknown key {k!r}" for k in sorted(set(data.get(table, {})) - set(keys))]
    for where, terms in term_lists(data):
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            found.append(f"{where}: not a list of strings")
            continue
        seen: set[str] = set()
        for term in terms:
            # "~" only adds typo tolerance, so "skiing~" repeats "skiing"; "ski*" (a prefix) does not repeat "ski".
            norm = normalize(term).rstrip("~")
            if not norm.rstrip("*").strip():
                found.append(f"{where}: term {term!r} normalises to nothing")
            elif norm in seen:
                found.append(f"{where}: duplicate term {term!r}")
            elif not any(is_unspaced(ch) for ch in norm) and not all(
                TOKEN_RE.fullmatch(word.rstrip("*")) for word in norm.replace("-", " ").split()
            ):
                # Spaced scripts are matched word by word: "fuochi d'artificio" never meets the tokens d, artificio.
                found.append(f"{where}: term {term!r} has a word that is not a whole token")
            seen.add(norm)
    return found


def test_the_lexicon_folder_has_the_first_eleven_languages():
    stems = {p.stem for p in FILES}
    assert {"en", "it", "fr", "de", "es", "pt", "ru", "zh-Hans", "zh-Hant", "ja", "ko"} <= stems


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_lexicon_file_parses_and_follows_the_schema(path):
    assert problems(load(path), path.stem) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('code = "xx"\nname = "X"\n[sport.quidditch]\nname = ["q"]', "unknown sport 'quidditch'"),
        ('code = "xx"\nname = "X"\n[sport.luge]\nweight = ["q"]', "sport.luge: unknown section 'weight'"),
        ('code = "xx"\nname = "X"\n[beat]\nmoonwalk = ["q"]', "[beat] unknown key 'moonwalk'"),
        ('code = "xx"\nname = "X"\n[scenery]\nsky = ["q"]', "unknown section 'scenery'"),
        ('code = "yy"\nname = "X"', "code 'yy' is not the file name 'xx'"),
        ('code = "xx"', "name is missing"),
        ('code = "xx"\nname = "X"\n[light]\nnight = ["*~"]', "light.night: term '*~' normalises to nothing"),
        ('code = "xx"\nname = "X"\n[weather]\nfog = ["Fog", "fog"]', "weather.fog: duplicate term 'fog'"),
        ('code = "xx"\nname = "X"\n[para]\nterms = "para"', "para.terms: not a list of strings"),
        (
            'code = "xx"\nname = "X"\n[light]\nfireworks = ["fuochi d\'artificio"]',
            'light.fireworks: term "fuochi d\'artificio" has a word that is not a whole token',
        ),
    ],
)
def test_schema_check_reports_each_kind_of_mistake(text, expected):
    assert expected in problems(tomllib.loads(text), "xx")
