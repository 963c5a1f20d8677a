"""Every UI language has a complete catalogue: nothing untranslated, nothing fuzzy, placeholders intact."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import to_locale

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _po(code: str) -> Path:
    return ROOT / "locale" / to_locale(code) / "LC_MESSAGES" / "django.po"


def _count(*args: str) -> int:
    out = subprocess.run(["msgattrib", *args], capture_output=True, text=True, check=True).stdout
    # msgattrib prints the header entry too whenever it prints anything.
    return max(0, out.count("\nmsgid ") + out.startswith("msgid ") - 1)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_ui_language_is_fully_translated(code):
    po = _po(code)
    assert po.exists(), f"no catalogue for {code}"
    assert _count("--untranslated", "--no-obsolete", str(po)) == 0
    assert _count("--only-fuzzy", "--no-obsolete", str(po)) == 0
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], check=True)


def test_ten_ui_languages_one_right_to_left():
    from django.utils.translation import get_language_info

    assert len(settings.LANGUAGES) >= 10
    assert any(get_language_info(code)["bidi"] for code, _name in settings.LANGUAGES)
