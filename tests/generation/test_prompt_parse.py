"""parse_prompt: sports in many languages, inference from actions, typos, references, hint, edge cases."""

import time

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from generation.prompting import CAMERAS, EMOTIONS, SPORTS, STYLES, parse_prompt
from generation.prompting.vocab import DEFAULT_CAMERA

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

SPORT_EXAMPLES = [
    ("alpine-skiing", "a skier racing the giant slalom in Cortina"),
    ("alpine-skiing", "高山滑雪运动员冲过终点"),
    ("alpine-skiing", "Abfahrtslauf mit 140 km/h"),
    ("biathlon", "biathlon sprint in Anterselva"),
    ("biathlon", "バイアスロンの射撃"),
    ("biathlon", "биатлон, эстафета"),
    ("bobsleigh", "two-man bobsleigh start"),
    ("bobsleigh", "봅슬레이 4인승"),
    ("bobsleigh", "雙人雪車比賽"),
    ("cross-country-skiing", "cross-country skiing sprint finish"),
    ("cross-country-skiing", "ski de fond sous la neige"),
    ("cross-country-skiing", "越野滑雪接力"),
    ("curling", "curling match in Cortina"),
    ("curling", "カーリングの試合"),
    ("curling", "керлинг на олимпиаде"),
    ("figure-skating", "figure skating free program"),
    ("figure-skating", "花樣滑冰雙人滑"),
    ("figure-skating", "Eiskunstlauf Paarlauf"),
    ("freestyle-skiing", "freestyle skiing big air final"),
    ("freestyle-skiing", "모굴 스키 경기"),
    ("freestyle-skiing", "esquí acrobático"),
    ("ice-hockey", "ice hockey final"),
    ("ice-hockey", "hockey su ghiaccio in Santa Giulia"),
    ("ice-hockey", "アイスホッケーの決勝"),
    ("luge", "luge doubles run"),
    ("luge", "Rennrodeln im Eiskanal"),
    ("luge", "루지 경기"),
    ("nordic-combined", "nordic combined gundersen start"),
    ("nordic-combined", "ノルディック複合の団体"),
    ("nordic-combined", "combinata nordica"),
    ("short-track", "short track 1000 m final"),
    ("short-track", "短道速滑接力"),
    ("short-track", "쇼트트랙 계주"),
    ("skeleton", "skeleton run at Cortina"),
    ("skeleton", "钢架雪车比赛"),
    ("skeleton", "スケルトンの選手"),
    ("ski-jumping", "ski jumping large hill"),
    ("ski-jumping", "saut à ski au tremplin"),
    ("ski-jumping", "스키점프 대회"),
    ("ski-mountaineering", "ski mountaineering sprint race"),
    ("ski-mountaineering", "scialpinismo a Bormio"),
    ("ski-mountaineering", "登山滑雪比赛"),
    ("snowboard", "snowboard cross heat"),
    ("snowboard", "スノーボードのビッグエア"),
    ("snowboard", "сноубордист на трассе"),
    ("speed-skating", "speed skating 1500 m"),
    ("speed-skating", "patinaje de velocidad"),
    ("speed-skating", "速度滑冰比赛"),
]


@pytest.mark.parametrize(("sport", "text"), SPORT_EXAMPLES)
def test_sport_named_in_many_languages_is_found(sport, text):
    assert parse_prompt(text).sport == sport


def test_every_sport_has_examples_in_several_languages():
    per_sport = {}
    for sport, _text in SPORT_EXAMPLES:
        per_sport[sport] = per_sport.get(sport, 0) + 1
    assert set(per_sport) == set(SPORTS)
    assert min(per_sport.values()) >= 3


@pytest.mark.parametrize(
    ("sport", "text"),
    [
        ("ski-jumping", "flying off a huge ramp on skis"),
        ("curling", "sweeping the ice in front of a stone"),
        ("skeleton", "lying face-first on a tiny sled down an icy track"),
        ("luge", "lying feet-first on a sled down an icy track"),
        ("biathlon", "shooting a rifle between skiing laps"),
        ("figure-skating", "spinning on blades"),
        ("ice-hockey", "slapping the puck past the goalie"),
        ("bobsleigh", "four guys pushing a sled and jumping in"),
        ("ski-mountaineering", "climbing to the summit with skins on my skis"),
    ],
)
def test_sport_is_inferred_from_the_action_alone(sport, text):
    parsed = parse_prompt(text)
    assert parsed.sport == sport
    assert parsed.sport_source == "inferred"


@pytest.mark.parametrize(
    ("sport", "text"),
    [
        ("snowboard", "snowbord in the park"),
        ("alpine-skiing", "skying down the mountain"),
        ("curling", "curlling with friends"),
        ("biathlon", "biathalon race"),
        ("ice-hockey", "ice hokey game"),
        ("figure-skating", "figure skatting show"),
    ],
)
def test_misspelt_sport_names_are_still_understood(sport, text):
    assert parse_prompt(text).sport == sport


def test_words_similar_to_sport_names_do_not_trigger_them():
    assert parse_prompt("a cat sleeping on a sofa").sport is None
    assert parse_prompt("a snowman in the garden at night").sport is None


def test_references_are_kept_and_not_read_as_words():
    parsed = parse_prompt("@大聖 高台からスキーでジャンプ")
    assert parsed.references == ["@大聖"]
    assert parsed.subject == "@大聖"
    assert parsed.language == "ja"
    assert parsed.sport == "ski-jumping"
    assert "@大聖" in parsed.prompt_en


def test_several_references_and_a_companion():
    parsed = parse_prompt("@me and @grandpa curling with a dog")
    assert parsed.references == ["@me", "@grandpa"]
    assert parsed.subject == "@me and @grandpa"
    assert "with a dog" in parsed.attributes


def test_sport_hint_is_used_when_the_text_names_no_sport():
    parsed = parse_prompt("my cat at sunset", sport_hint="curling")
    assert parsed.sport == "curling"
    assert parsed.sport_source == "hint"


def test_sport_named_in_the_text_beats_the_hint():
    assert parse_prompt("snowboard halfpipe", sport_hint="curling").sport == "snowboard"


def test_hint_beats_a_sport_only_guessed_from_actions():
    assert parse_prompt("flying high", sport_hint="freestyle-skiing").sport == "freestyle-skiing"


def test_unknown_hint_is_ignored():
    assert parse_prompt("a quiet lake", sport_hint="football").sport is None


def test_empty_text_has_no_sport_and_zero_confidence():
    for text in ("", "   ", "!!!"):
        parsed = parse_prompt(text)
        assert parsed.sport is None
        assert parsed.confidence == 0.0
        assert parsed.language == "und"


def test_long_input_is_parsed_quickly():
    text = "A skier flies off the ramp. " * 400
    start = time.perf_counter()
    parsed = parse_prompt(text)
    assert time.perf_counter() - start < 0.5
    assert parsed.sport == "ski-jumping"


def test_to_dict_has_the_design_keys():
    data = parse_prompt("curling in Cortina").to_dict()
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


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("滑雪的熊猫", "zh-Hans"),
        ("这是我们的冰壶队", "zh-Hans"),
        ("這是我們的冰壺隊", "zh-Hant"),
        ("スキーのパンダ", "ja"),
        ("스키 타는 판다", "ko"),
        ("Лыжник на склоне", "ru"),
        ("the panda is skiing down the slope", "en"),
        ("il panda scia sulla pista", "it"),
        ("le panda skie sur la piste", "fr"),
        ("der Panda fährt Ski auf der Piste", "de"),
        ("el panda esquía en la pista", "es"),
        ("o panda esquia na pista", "pt"),
        ("my kid doing 花样滑冰 at the rink", "en"),
    ],
)
def test_language_is_detected(text, language):
    assert parse_prompt(text).language == language


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ("curling in Van Gogh style", "van-gogh"),
        ("ゴッホ風のスキー", "van-gogh"),
        ("梵高风格的滑雪", "van-gogh"),
        ("manga snowboarder", "anime"),
        ("アニメ風のスケート", "anime"),
        ("动漫风格的冰球", "anime"),
        ("像素风滑雪", "pixel-art"),
        ("水彩の雪山", "watercolor"),
        ("sciatore all'acquerello", "watercolor"),
        ("赛博朋克冰球", "scifi"),
        ("cyberpunk hockey", "scifi"),
        ("sci-fi luge", "scifi"),
        ("ink wash skier", "ink-wash"),
        ("comic book skater", "comic"),
        ("cinematic anime skater", "anime"),
        ("cinematic shot of a skier", "cinematic"),
    ],
)
def test_style_cues_map_to_the_vocabulary(text, style):
    assert parse_prompt(text).style == style


def test_style_is_null_when_the_fan_names_none():
    assert parse_prompt("a skier in Cortina").style is None


@pytest.mark.parametrize(
    ("text", "emotion"),
    [
        ("a triumphant skier wins gold", "triumph"),
        ("quiet snowy forest", "calm"),
        ("a lonely skater, sad and melancholic", "melancholy"),
        ("冬の夜、寂しい", "melancholy"),
        ("浪漫的雪夜", "romance"),
        ("tense final stone", "tension"),
        ("a funny penguin on skis", "humour"),
    ],
)
def test_emotion_cues_map_to_the_vocabulary(text, emotion):
    assert parse_prompt(text).emotion == emotion


def test_camera_cue_wins_over_the_sport_default():
    assert parse_prompt("ski jumping, drone shot").camera == "aerial"
    assert parse_prompt("figure skating in slow motion").camera == "slow-motion"


@pytest.mark.parametrize("sport", sorted(SPORTS))
def test_camera_defaults_per_sport(sport):
    assert parse_prompt("", sport_hint=sport).camera == DEFAULT_CAMERA[sport]


def test_subject_and_attributes_are_in_english():
    parsed = parse_prompt("my grandma in a red scarf curling")
    assert parsed.subject == "a grandmother"
    assert "red scarf" in parsed.attributes
    parsed = parse_prompt("一只熊猫穿着红色滑雪服滑雪")
    assert parsed.subject == "a panda"
    assert "red ski suit" in parsed.attributes


def test_subject_defaults_to_the_sports_athlete():
    assert parse_prompt("ski jumping at dawn").subject == "a ski jumper"


@pytest.mark.parametrize(
    ("text", "sport"),
    [
        ("sledge hockey final", "ice-hockey"),
        ("wheelchair curling", "curling"),
        ("para alpine skiing on a sit-ski", "alpine-skiing"),
        ("残奥会轮椅冰壶", "curling"),
    ],
)
def test_paralympic_variants_map_to_the_sport_with_para(text, sport):
    parsed = parse_prompt(text)
    assert parsed.sport == sport
    assert parsed.para is True


def test_olympic_sport_is_not_para():
    assert parse_prompt("curling final").para is False


def test_confidence_is_higher_when_the_sport_is_named():
    named = parse_prompt("a ski jumper flying off the ramp").confidence
    inferred = parse_prompt("flying off a huge ramp").confidence
    absent = parse_prompt("a cat in the snow").confidence
    assert 0 <= absent < inferred < named <= 1


@given(st.text(max_size=300))
@hsettings(max_examples=150, deadline=None)
def test_any_text_parses_to_valid_slugs(text):
    parsed = parse_prompt(text)
    assert parsed.sport is None or parsed.sport in SPORTS
    assert parsed.emotion is None or parsed.emotion in EMOTIONS
    assert parsed.style is None or parsed.style in STYLES
    assert parsed.camera in CAMERAS
    assert 0.0 <= parsed.confidence <= 1.0
