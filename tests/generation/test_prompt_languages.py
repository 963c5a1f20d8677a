"""Any language a fan writes in: language identification across scripts, and the words of each script found."""

from __future__ import annotations

import pytest

from generation.prompting import parse_prompt
from generation.prompting.language import detect_language, known_languages
from generation.prompting.lexicon import Lexicon, stems
from generation.prompting.normalize import normalize, tokenize

# The issue's own complaints (Vietnamese read as French, "und" for Arabic, Hindi, Thai ...), one sentence each.
LANGUAGE_EXAMPLES = [
    ("vi", "Một vận động viên trượt tuyết bay qua dốc trong đêm"),
    ("ar", "متزلج يطير فوق الثلج في الليل"),
    ("fa", "یک اسکی باز روی برف می رقصد"),
    ("ur", "ایک اسکیئر برف پر پھسلتا ہے"),
    ("hi", "स्कीयर बर्फ पर फिसलता है"),
    ("bn", "একজন স্কেটার বরফের উপর ঘুরছে"),
    ("ta", "பனியில் ஒரு சறுக்கு வீரர்"),
    ("th", "นักสเก็ตลีลาหมุนตัวบนน้ำแข็ง"),
    ("el", "Ο σκιέρ πηδάει από τη ράμπα"),
    ("he", "גולש סקי קופץ מהרמפה"),
    ("tr", "Bir kayakçı dağdan hızla iniyor"),
    ("pl", "narciarz skacze z dużej skoczni"),
    ("uk", "лижник стрибає з трампліна вночі"),
    ("kk", "шаңғышы таудан сырғанап түседі"),
    ("nl", "een schaatser op het ijs bij zonsondergang"),
    ("sv", "en skidåkare i snön på natten"),
    ("nb", "en skiløper som hopper i snøen"),
    ("id", "seorang pemain ski melompat tinggi di atas salju"),
    ("sw", "Mtelezi wa barafu anaruka juu sana"),
    ("ja", "スキージャンプの選手が夜空を飛ぶ"),
    ("ko", "스키 점프 선수가 밤하늘을 난다"),
    ("zh-Hans", "花样滑冰运动员在冰上旋转"),
    ("zh-Hant", "花樣滑冰運動員在冰上旋轉"),
]


@pytest.mark.parametrize("code,text", LANGUAGE_EXAMPLES)
def test_language_is_identified_in_any_script(code, text):
    assert detect_language(text).code == code


def test_every_reported_code_is_known():
    assert {code for code, _ in LANGUAGE_EXAMPLES} <= known_languages()


def test_a_foreign_sport_name_does_not_change_the_sentences_language():
    assert detect_language("a skier doing 花样滑冰 at night").code == "en"
    assert detect_language("我要看snowboard比赛").code == "zh-Hans"


def test_text_without_letters_is_undetermined():
    assert detect_language("123 !!! 🎿").code == "und"


def test_every_spaced_script_is_tokenised_without_breaking_at_vowel_signs():
    assert [t.text for t in tokenize(normalize("स्कीइंग करती लड़की"))] == ["स्कीइंग", "करती", "लड़की"]
    assert [t.text for t in tokenize(normalize("Ο σκιέρ"))] == ["ο", "σκιερ"]


def test_thai_is_matched_by_substring():
    lexicon = Lexicon([("สเก็ตลีลา", "figure-skating", 3.0)])
    assert [h.key for h in lexicon.find(normalize("นักสเก็ตลีลาหมุนตัว"))] == ["figure-skating"]


def test_arabic_and_hebrew_words_are_found_behind_attached_prefixes():
    assert "تزلج" in stems(normalize("والتزلج"))
    lexicon = Lexicon([("تزلج", "alpine-skiing", 1.0), ("סקי", "alpine-skiing", 1.0)])
    assert lexicon.find(normalize("والتزلج")) and lexicon.find(normalize("בסקי"))


def test_arabic_letter_variants_compare_equal():
    assert normalize("إسكي") == normalize("اسكي") and normalize("كرة") == normalize("کره")


@pytest.mark.parametrize(
    "text,sport",
    [
        ("Ο σκιέρ πηδάει από το βατήρα του άλματος με σκι", "ski-jumping"),
        ("Bir buz hokeyi oyuncusu gol atıyor", "ice-hockey"),
        ("narciarz skacze z dużej skoczni", "ski-jumping"),
        ("een schaatser op de lange baan", "speed-skating"),
        ("扫把扫冰，冰壶滑向大本营", "curling"),
        ("스키를 메고 산에 올라가서 내려온다", "ski-mountaineering"),
    ],
)
def test_sports_are_understood_in_more_languages(text, sport):
    assert parse_prompt(text).sport == sport


def test_the_fans_scene_and_beats_reach_the_english_prompt():
    parsed = parse_prompt("a panda curling under the northern lights, then it slips and everyone laughs")
    assert parsed.sport == "curling" and parsed.light == "northern-lights" and parsed.beats[:2] == ["slip", "laugh"]
    assert "northern lights" in parsed.prompt_en and "slips" in parsed.prompt_en and "laughs" in parsed.prompt_en
    village = parse_prompt("A quiet snowy village at dawn, a cat sleeping by the fireplace")
    assert village.setting == "village" and village.light == "dawn" and "sleep" in village.beats
    assert village.sport is None and village.sport_needs_choice
    assert "village" in village.prompt_en and "dawn" in village.prompt_en and "sleeps" in village.prompt_en


def test_confidence_is_the_share_of_the_sentence_understood():
    full = parse_prompt("a panda curling under the northern lights")
    half = parse_prompt("a panda curling while my uncle Bartholomew recites Homer's catalogue of ships")
    assert full.confidence > 0.8 and half.confidence < 0.6


def test_parsing_is_offline_and_pure(monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("parse_prompt opened a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    assert parse_prompt("ski jumping at night").sport == "ski-jumping"


def test_one_word_of_the_text_counts_once_however_many_lists_spell_it():
    from generation.prompting.parse import score_sports

    lexicon = Lexicon([("curling", "curling", 3.0), ("curling*", "curling", 3.0)])
    assert score_sports(lexicon.find(normalize("curling"), nested=True)) == {"curling": 3.0}


def test_a_named_nordic_combined_takes_its_parts_instead_of_competing_with_them():
    parsed = parse_prompt("ノルディック複合の選手がジャンプの後のクロカンで追い抜く")
    assert parsed.sport == "nordic-combined" and parsed.sport_candidates == []


def test_scene_words_tolerate_short_endings_and_sport_words_do_not():
    scene = Lexicon([("sunset", "sunset", 1.0)], inflections=True)
    assert [h.key for h in scene.find(normalize("two sunsets"))] == ["sunset"]
    assert not Lexicon([("sunset", "sunset", 1.0)]).find(normalize("two sunsets"))
    assert not scene.find(normalize("sunsetshadows"))  # more than a short ending (four letters at most)
