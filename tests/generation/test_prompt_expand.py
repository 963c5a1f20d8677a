"""expand_prompt: 80-100 English words for every sport and style; the optional LLM path and its fallbacks."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from generation.prompting import SPORTS, STYLES, expand_prompt, parse_prompt, template_prompt
from generation.prompting.expand import count_words
from generation.prompting.llm import refine_video_prompt
from generation.prompting.parse import ParsedPrompt

SIGNATURE = {
    "alpine-skiing": "carves",
    "biathlon": "shots",
    "bobsleigh": "bobsleigh",
    "cross-country-skiing": "strides",
    "curling": "sweep",
    "figure-skating": "spins",
    "freestyle-skiing": "double cork",
    "ice-hockey": "shot",
    "luge": "sled",
    "nordic-combined": "cross-country",
    "short-track": "oval",
    "skeleton": "sled",
    "ski-jumping": "take-off",
    "ski-mountaineering": "skins",
    "snowboard": "halfpipe",
    "speed-skating": "strides",
}


def make(sport=None, style=None, **kw):
    fields = dict(
        language="en",
        sport=sport,
        subject="a ski jumper",
        attributes=[],
        emotion=None,
        style=style,
        camera="tracking",
        confidence=0.9,
    )
    fields.update(kw)
    return ParsedPrompt(**fields)


@pytest.mark.parametrize("sport", sorted(SPORTS))
@pytest.mark.parametrize("style", [None, *STYLES])
def test_every_sport_and_style_gives_80_to_100_words(sport, style):
    text = template_prompt(make(sport, style, subject="a panda"))
    assert 80 <= count_words(text) <= 100, text
    assert SIGNATURE[sport] in text


@pytest.mark.parametrize("sport", sorted(SPORTS))
def test_para_and_many_attributes_stay_within_bounds(sport):
    parsed = make(
        sport,
        "van-gogh",
        subject="@me and @grandma and @uncle_with_a_long_name",
        para=True,
        emotion="triumph",
        attributes=[
            "red ski suit",
            "blue helmet",
            "gold scarf",
            "elderly",
            "female",
            "two people",
            "crowd",
            "at night",
            "snowfall",
            "with a dog",
            "pink",
            "goggles",
        ],
        camera="orbit",
    )
    text = template_prompt(parsed)
    assert 80 <= count_words(text) <= 100, text


def test_no_sport_still_gives_a_full_prompt():
    text = template_prompt(make(None, None, subject="a winter sports fan", camera="static-wide"))
    assert 80 <= count_words(text) <= 100


def test_template_is_deterministic():
    a = parse_prompt("おばあちゃんがカーリング、水彩で").prompt_en
    b = parse_prompt("おばあちゃんがカーリング、水彩で").prompt_en
    assert a == b
    assert "grandmother" in a and "Watercolour" in a


def test_style_and_camera_reach_the_prompt():
    text = parse_prompt("snowboard halfpipe, pixel art, drone shot").prompt_en
    assert "Pixel art" in text
    assert "aerial drone" in text


def test_default_style_is_cinematic():
    assert "Cinematic broadcast" in parse_prompt("curling").prompt_en


# ---- optional LLM
# --------------------------------------------------------------------------------------------

# A rewrite of about 100 words, like a real model's. Ninety repetitions of "word" were used before: the safety
# classifier scores such nonsense as likely harmful, and it is no rewrite a fan would ever be shown.
GOOD_ANSWER = (
    "@me glides down the in-run of the large hill at dusk, crouched low, skis parallel in the icy tracks, "
    + "then springs at the table and opens into a clean V above the floodlit landing slope. " * 5
).strip()


class _Handler(BaseHTTPRequestHandler):
    mode = "ok"
    seen: list = []

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        mode = type(self).mode
        if mode == "slow":
            time.sleep(2)
        if mode == "500":
            self.send_response(500)
            self.end_headers()
            return
        payload = {
            "ok": json.dumps({"choices": [{"message": {"content": GOOD_ANSWER}}]}),
            "slow": json.dumps({"choices": [{"message": {"content": GOOD_ANSWER}}]}),
            "garbage": "{not json",
            "short": json.dumps({"choices": [{"message": {"content": "too short"}}]}),
            "fenced": json.dumps({"choices": [{"message": {"content": f"```text\n{GOOD_ANSWER}\n```"}}]}),
            "unsafe": json.dumps({"choices": [{"message": {"content": GOOD_ANSWER + " naked porn"}}]}),
            "shape": json.dumps({"result": "no choices"}),
        }[mode].encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def llm(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WONDER_LLM_URL = f"http://127.0.0.1:{server.server_address[1]}/v1"
    settings.WONDER_LLM_MODEL = "qwen-test"
    settings.WONDER_LLM_API_KEY = "secret"
    settings.WONDER_LLM_TIMEOUT_S = 0.5
    _Handler.seen = []
    yield _Handler
    server.shutdown()
    server.server_close()


def _spec(text: str) -> dict:
    return {**parse_prompt(text).to_dict(), "prompt": text, "safety": {"action": "allow", "category": None}}


def test_parsing_never_calls_the_llm_even_when_one_is_configured(llm):
    llm.mode = "ok"
    parsed = parse_prompt("@me ski jumping")
    assert parsed.prompt_en == template_prompt(parsed)
    assert llm.seen == []


def test_llm_answer_is_used_when_it_succeeds(llm):
    llm.mode = "ok"
    assert refine_video_prompt(_spec("@me ski jumping")) == GOOD_ANSWER
    request = llm.seen[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["model"] == "qwen-test"
    assert request["auth"] == "Bearer secret"
    assert "@me ski jumping" in request["body"]["messages"][-1]["content"]


def test_llm_answer_wrapped_in_a_code_fence_is_used(llm):
    llm.mode = "fenced"
    assert refine_video_prompt(_spec("@me ski jumping")) == GOOD_ANSWER


def test_unsafe_llm_answer_is_never_used(llm, caplog):
    llm.mode = "unsafe"
    assert refine_video_prompt(_spec("@me ski jumping")) is None
    assert any("safety" in r.message for r in caplog.records)


def test_llm_answer_that_drops_a_reference_is_not_used(llm):
    llm.mode = "ok"
    assert refine_video_prompt(_spec("@anna ski jumping")) is None


@pytest.mark.parametrize("mode", ["slow", "500", "garbage", "short", "shape"])
def test_llm_failure_gives_no_rewrite(llm, mode, caplog):
    llm.mode = mode
    start = time.perf_counter()
    assert refine_video_prompt(_spec("@me ski jumping")) is None
    assert time.perf_counter() - start < 1.8
    assert any("LLM" in r.message for r in caplog.records)


def test_unreachable_llm_gives_no_rewrite(settings):
    settings.WONDER_LLM_URL = "http://127.0.0.1:9/v1"
    assert refine_video_prompt(_spec("curling")) is None


def test_no_llm_configured_makes_no_request(settings):
    settings.WONDER_LLM_URL = ""
    parsed = parse_prompt("curling")
    assert expand_prompt(parsed) == template_prompt(parsed)
    assert refine_video_prompt(_spec("curling")) is None
