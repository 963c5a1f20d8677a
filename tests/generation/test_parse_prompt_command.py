"""manage.py parse_prompt: one JSON object per DESIGN.md with --json, a readable summary without."""

import json
from io import StringIO

from django.core.management import call_command

from generation.management.commands.parse_prompt import Command

DESIGN_KEYS = {
    "language",
    "sport",
    "subject",
    "attributes",
    "emotion",
    "style",
    "camera",
    "confidence",
    "prompt_en",
}


def run(*args):
    out = StringIO()
    # The command object, not its name: works whether or not the app is in INSTALLED_APPS yet.
    call_command(Command(), *args, stdout=out)
    return out.getvalue()


def test_json_output_is_one_object_with_the_design_keys():
    output = run("--json", "@大聖 高台からスキーでジャンプ")
    data = json.loads(output)
    assert DESIGN_KEYS <= set(data)
    assert set(data) - DESIGN_KEYS <= {
        "references",
        "para",
        "setting",
        "light",
        "weather",
        "beats",
        "sport_candidates",
        "sport_needs_choice",
    }
    assert data["language"] == "ja"
    assert data["sport"] == "ski-jumping"
    assert 0 < data["confidence"] <= 1
    assert output.count("\n") <= 1


def test_json_keeps_non_ascii_text_readable():
    assert "@大聖" in run("--json", "@大聖 高台からスキーでジャンプ")


def test_sport_option_is_the_hint():
    data = json.loads(run("--json", "--sport", "curling", "my cat at sunset"))
    assert data["sport"] == "curling"


def test_summary_without_json_is_readable():
    output = run("Una sciatrice scende a tutta velocità sulla pista di Cortina")
    assert "sport" in output and "alpine-skiing" in output
    assert "language" in output and "it" in output
    assert "safety" in output


def test_command_is_installed_under_its_name():
    out = StringIO()
    call_command("parse_prompt", "--json", "curling in Cortina", stdout=out)
    assert json.loads(out.getvalue())["sport"] == "curling"
