"""``check_prompt``: may a fan's prompt be generated? ``allow``, ``flag`` (moderator looks first), ``block``.

Blocked: sexual content involving minors, sexualised real or named people (athletes, celebrities, "@name"
avatars), other explicit sexual content, hate (slurs, Nazi and white-supremacist symbols and salutes, calls for
violence against a group, comparing one with vermin or calling for its expulsion), extreme gore and self-harm.
Flagged: violence or crashes, real athletes' names, weapons (except in biathlon), alcohol, political symbols,
mild nudity, suggestive wording.

Evasions are undone before matching: full-width letters (NFKC), zero-width characters, accents, Cyrillic and
Greek lookalikes, leetspeak (0→o 1→i 3→e 4→a 5→s 7→t @→a $→s), spaced letters ("n u d e") and stretched
letters ("nuuude"), letters masked by a symbol ("f*cking", "f#ck", "f-ck"). Some words count only together
within a few words: a minor and a revealing or "hot" word, a body part and a tearing word ("leg ripped off"), an
adults-only cue and a sexy word ("uncensored", "18+"). Matching is dictionary lookups, ``str.find`` and a few
regexes without nested quantifiers, so its cost is linear in the text (a 5,000-character adversarial prompt takes
a few milliseconds).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext

from . import safety_terms as terms
from .lexicon import Lexicon
from .normalize import is_unspaced, normalize, tokenize
from .vocab import MAX_PROMPT_CHARS

log = logging.getLogger(__name__)

# Longest text examined: more than anything we store or show (a prompt has MAX_PROMPT_CHARS, a report note 1,000,
# the LLM's rewrite at most 160 words), so everything a model or a visitor could see is checked.
MAX_CHECKED_CHARS = 4 * MAX_PROMPT_CHARS
ACTIONS = ("allow", "flag", "block")

_HOMOGLYPHS = str.maketrans(
    {
        # Cyrillic letters that look like Latin ones.
        "а": "a", "в": "b", "г": "r", "е": "e", "ё": "e", "з": "3", "к": "k", "м": "m", "н": "h", "о": "o",
        "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
        "ԛ": "q", "ԝ": "w", "ь": "b",
        # Greek.
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
        "υ": "u", "χ": "x", "γ": "y", "ω": "w", "μ": "u",
    }
)  # fmt: skip
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
# A "word" for de-obfuscation: letters, digits and the leet symbols. No nested quantifiers.
_RAW_WORD = re.compile(r"[\w@$]+")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
# A word with letters masked by symbols ("f*cking", "f#ck", "f**k"): each mask is tried as a vowel and as nothing.
_MASKED = re.compile(r"(?<![\w*#@])[a-z]+[*#@][a-z*#@]*")
_MASK = re.compile(r"[*#@]+")
# "f-ck", "f.cking": a dot or hyphen after one or two letters stands for a letter too ("t-bar" reads as nothing bad).
_DOTTED = re.compile(r"(?<![\w.-])[a-z]{1,2}[.-][a-z]{1,6}(?![\w.-])")
MAX_MASKED = 20
# "88" as a tattoo, a patch, an armband or on a flag: a neo-Nazi code. On a jersey or a shirt it is a player's
# number (hockey's 88s), so clothes alone are not enough; "1488" is the code wherever it stands (_NAZI_1488).
_MARKS = (
    r"(?:tattoo\w*|tattooed|patch|patches|armband|flag|banner|татуировк\w*|tatuaz\w*|tatuagem|tatouage|tatuaggio"
    r"|aufnäher|armbinde|fahne|flagge|bandera|drapeau|bandiera|флаг\w*|нашивк\w*)"
)
_NAZI_NUMBER = re.compile(
    r"(?<![\d.,:])88(?![\d.,:])[^.!?\d]{0,24}?(?<![a-z])"
    + _MARKS
    + r"|(?<![a-z])"
    + _MARKS
    + r"[^.!?\d]{0,24}?(?<![\d.,:])88(?![\d.,:]| ?(?:m|km|kg|min|s|sec|meters|metres|metri|metros)\b)"
)
_NAZI_1488 = re.compile(r"(?<![\d.,:])14 ?88(?![\d.,:]| ?(?:m|km|meters|metres|metri|metros|ft)\b)")
# "18+", "18 +": an adults-only cue.
_ADULTS_ONLY = re.compile(r"(?<!\d)18 ?\+")
# Languages in which "kys" is a kiss, not the self-harm slang "kill yourself".
_KYS_KISS = ("da", "nb", "no", "nn", "sv")
# An age: digits (or Chinese numerals) and the word for "years old" in the languages of the lists (normalised:
# accents stripped, Arabic-script letters folded).
_AGE_WORDS = (
    "years?|yrs?|yo|y o|anni|ans|jahre|jahrig\\w*|anos|anos de idade|lat|letni\\w*|let|leta|roku|roky|rokov|ar|ars|jaar"
    "|jarig\\w*|vuotias\\w*|eves|ani|godina|godine|metu|gadus|gadi|aastane|yasinda|yas|tahun|taon|taong|miaka|tuoi"
    "|ετων|χρονων|χρονο|лет|года|годы|рокiв|років|рокiв|жаста|годишн\\w*|ساله|سال|سنوات|سنة|عاما|שנים|בת|בן|साल|वर्ष"
    "|বছর|வயது|ปี|ขวบ|岁|歲|歳|才|周岁|週歲|살|세(?![대트계])"
    # "12-річна", "12-ročná", "12-godišnja", "12-metė", "12-gadīga", "12χρονη", "12-åring", "12-årig", "12enne"
    "|річн\\w*|rocn\\w*|godisnj\\w*|годишњ\\w*|mete|gadig\\w*|χρονη|χρονος|χρονα|aring\\w*|arig\\w*|enne|anys"
    "|yasinda\\w*"
)
_AGE = re.compile(rf"(\d{{1,2}}|[一二两三四五六七八九十]{{1,3}}) ?-? ?(?:y/o|y\.o\.?|y\. o\.?|{_AGE_WORDS})(?![a-z])")
# "aged 12", "age: 12", "Alter 12": the word for age before the number.
_AGED = re.compile(
    r"(?<![a-z])(?:aged|age|ages|alter|im alter von|edad|eta|idade|wiek|leeftijd|alder|vek|ika|yasi|umur"
    r"|miaka|возраст\w*|年龄|年齢|나이|גיל|בת|בן|سن|عمر|عمرها|عمره|उम्र|อายุ) ?:? ?(\d{1,2})(?!\d)"
)
_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ADULT_AGE = 18
MAX_RUNS, MAX_RUN_CHARS = 20, 400
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff]")

BLOCK_MESSAGES = {
    "sexual-minors": lambda: gettext("This prompt can't be generated: it asks for sexual content involving minors."),
    "hate": lambda: gettext("This prompt can't be generated: it contains hateful language against a group."),
    "sexual-real-person": lambda: gettext("This prompt can't be generated: it sexualises a real person."),
    "sexual": lambda: gettext("This prompt can't be generated: it asks for sexual content."),
    "self-harm": lambda: gettext(
        "This prompt can't be generated: it depicts self-harm. If you are struggling, please talk to someone "
        "you trust or a local helpline."
    ),
    "gore": lambda: gettext("This prompt can't be generated: it asks for extreme gore."),
    "nudity": lambda: gettext("This prompt can't be generated: it asks for nudity."),
}
FLAG_MESSAGES = {
    "violence": lambda: gettext("A moderator will review this prompt: it mentions violence, blood or a crash."),
    "real-person": lambda: gettext("A moderator will review this prompt: it names a real person."),
    "weapons": lambda: gettext("A moderator will review this prompt: it mentions a weapon."),
    "alcohol": lambda: gettext("A moderator will review this prompt: it mentions alcohol."),
    "political": lambda: gettext("A moderator will review this prompt: it mentions a political symbol or figure."),
    "revealing": lambda: gettext("A moderator will review this prompt: it mentions revealing clothing."),
    "suggestive": lambda: gettext("A moderator will review this prompt: its wording is suggestive."),
}


@dataclass(frozen=True)
class SafetyVerdict:
    """The decision on a prompt; ``matches`` are the offending words, for moderators to highlight."""

    action: str
    category: str | None = None
    message: str = ""
    matches: list[str] = field(default_factory=list)

    @property
    def blocked(self) -> bool:
        return self.action == "block"


class _Matcher:
    """Every term list in one table per kind of script: Latin terms on the de-obfuscated view (leetspeak,
    lookalike letters undone), other spaced scripts (Cyrillic, Greek, Arabic, Hebrew, Indic ...) on the plain
    view, and unspaced scripts (CJK, Thai ...) on the text without spaces or punctuation ("色 情" is "色情").
    Keys are the category names."""

    def __init__(self, lists: dict[str, list[str]]):
        entries: dict[str, list[tuple[str, str, float]]] = {"latin": [], "spaced": [], "unspaced": []}
        for name, words in lists.items():
            for term in words:
                entries[_script(term)].append((term, name, 1.0))
        self.lexicons = {script: Lexicon(items) for script, items in entries.items()}

    def find(self, views: _Views) -> dict[str, list[str]]:
        """Category -> matched words (in text order)."""
        hits = self.lexicons["latin"].find(views.latin, tokenize(views.latin), nested=True)
        # The other scripts' words are looked for only when the text has letters beyond Latin.
        if _NON_LATIN.search(views.plain):
            hits += self.lexicons["spaced"].find(views.plain, tokenize(views.plain), nested=True)
            hits += self.lexicons["unspaced"].find(views.dense, [], nested=True)
        found: dict[str, list[str]] = {}
        for h in sorted(hits, key=lambda h: h.start):
            words = found.setdefault(h.key, [])
            if h.found.strip() not in words:
                words.append(h.found.strip())
        return found


def _script(term: str) -> str:
    norm = normalize(term)
    if any(is_unspaced(ch) for ch in norm):
        return "unspaced"
    if any(ch.isalpha() and not ("a" <= ch <= "z") for ch in norm):
        return "spaced"
    return "latin"


@dataclass(frozen=True)
class _Views:
    plain: str
    latin: str
    dense: str
    runs: list[str]


def _deobfuscate_word(word: str) -> str:
    word = word.translate(_HOMOGLYPHS)
    # Pure numbers ("500m" aside) stay numbers; letters mixed with digits or symbols are leetspeak.
    if not word.isdigit() or len(word) == 1:
        word = word.translate(_LEET)
    return word


def _views(text: str) -> _Views:
    plain = " " + normalize(text[:MAX_CHECKED_CHARS]) + " "
    for phrase in _allowed_phrases():
        plain = plain.replace(f" {phrase} ", " ")
    words = [_deobfuscate_word(w) for w in _RAW_WORD.findall(plain)]
    # "the 50 kms classic" is kilometres, not the self-harm slang "kms".
    words = ["km" if w == "kms" and i and words[i - 1].isdigit() else w for i, w in enumerate(words)]
    latin = " " + " ".join(words) + " "
    for phrase in _allowed_phrases():
        latin = latin.replace(f" {phrase} ", " ")
    extra: list[str] = []
    # "f*cking", "f#ck": the masked letter read as each vowel (and as nothing); only words that had a mask.
    for masked in _MASKED.findall(plain)[:MAX_MASKED]:
        extra += [_MASK.sub(v, masked) for v in ("a", "e", "i", "o", "u", "", "uc")]
    for dotted in _DOTTED.findall(plain)[:MAX_MASKED]:
        extra += [re.sub(r"[.-]", v, dotted) for v in ("a", "e", "i", "o", "u", "uc")]
    # "nuuude" -> "nude" and "boooobs" -> "boobs": only stretched words change, so "Sussex" stays "sussex".
    for w in latin.split():
        if _STRETCHED.search(w):
            extra += [_STRETCHED.sub(r"\1", w), _STRETCHED.sub(r"\1\1", w)]
    # "n u d e", "n.u.d.e": runs of three or more single letters are read as one word.
    runs: list[str] = []
    run: list[str] = []
    inline: list[str] = []
    for w in [*latin.split(), ""]:
        if len(w) == 1 and w.isalpha():
            run.append(w)
            continue
        if len(run) >= 3:
            runs.append("".join(run))
            inline.append("".join(run))
        else:
            inline += run
        run = []
        inline.append(w)
    # "e-l-e-v-e-n years old": the spelled word read in its place too, so phrases around it still match.
    if runs:
        extra.append("| " + " ".join(inline))
    dense = "".join(ch for ch in plain if is_unspaced(ch) or ch.isalnum())
    for phrase in _unspaced_allowed_phrases():
        dense = dense.replace(phrase, "")
    return _Views(plain=plain.strip(), latin=latin + " | " + " ".join(extra + runs), dense=dense, runs=runs)


def _spelled_out(runs: list[str]) -> dict[str, list[str]]:
    """Blocked words hidden inside spelled-out runs ("a n u d e s k i e r" -> "anudeskier" contains "nude").

    A run has no word boundaries left, so this one check is by substring; bounded to the first runs and
    characters, and to terms of four letters or more, which rarely occur inside innocent letter runs.
    """
    found: dict[str, list[str]] = {}
    for run in runs[:MAX_RUNS]:
        run = run[:MAX_RUN_CHARS]
        for name, words in _run_terms().items():
            for word in words:
                if word in run:
                    found.setdefault(name, []).append(word)
    return found


@functools.cache
def _run_terms() -> dict[str, list[str]]:
    terms_by_list = {}
    for name in ("sexual", "slurs", "hate_symbols", "gore", "self_harm"):
        words = [normalize(t) for t in terms.terms(name)]
        terms_by_list[name] = [w for w in words if len(w) >= 4 and w.isascii() and w.isalpha()]
    return terms_by_list


@functools.cache
def _allowed_phrases() -> list[str]:
    # Longest first: "nude illusion mesh" goes before a shorter phrase inside it could.
    return sorted({normalize(p) for p in terms.terms("allowed_phrases")}, key=len, reverse=True)


@functools.cache
def _unspaced_allowed_phrases() -> list[str]:
    return [p for p in _allowed_phrases() if any(is_unspaced(ch) for ch in p)]


_LISTS = tuple(c for c in terms.CATEGORIES if c != "allowed_phrases")
# Two words this many words apart or closer are read together (a minor and a sexual word: "a girl ... posing").
COMBINATION_WINDOW = 12
# A body part and a tearing word belong together only in a short phrase ("leg ripped off", "оторвало ногу").
GORE_WINDOW = 6


@functools.cache
def _matcher() -> _Matcher:
    return _Matcher({name: terms.terms(name) for name in _LISTS})


def _windows(plain: str, size: int = COMBINATION_WINDOW) -> list[str]:
    """Overlapping runs of ``size`` words covering the text (the text itself when shorter)."""
    words = plain.split()
    if len(words) <= size:
        return [plain]
    step = size // 2
    return [" ".join(words[i : i + size]) for i in range(0, len(words) - step, step)]


def _together(
    text: str, first: tuple[str, ...], second: tuple[str, ...], *, ages: bool = False, size: int = COMBINATION_WINDOW
) -> list[str]:
    """Words of the ``first`` and ``second`` categories found within one window of the text (or nothing)."""
    for window in _windows(normalize(text[:MAX_CHECKED_CHARS]), size):
        found = _matcher().find(_views(window))
        a = [w for name in first for w in found.get(name, [])]
        b = [w for name in second for w in found.get(name, [])] + (_minor_ages(window) if ages else [])
        if a and b:
            return a + b
    return []


def _is_biathlon(plain: str, weapons: list[str]) -> bool:
    """Biathlon context, judged without the weapon words: "a rifle on the slope" is not biathlon."""
    from .parse import sport_scores

    for word in weapons:
        plain = plain.replace(word, " ")
    return sport_scores(plain).get("biathlon", 0.0) >= 1.0


def _tells_to_kys(views: _Views) -> bool:
    """Whether "kys" stands alone ("just kys", "tell him to kys"): "kill yourself", unless the text is a Danish kiss."""
    if " kys " not in views.latin:
        return False
    from .language import detect_language

    return detect_language(views.plain).code not in _KYS_KISS


def _age(number: str) -> int:
    """``"12"`` or Chinese ``"十二"`` as an int."""
    if number.isdigit():
        return int(number)
    if "十" not in number:
        return _CHINESE_DIGITS.get(number, ADULT_AGE)
    tens, _, units = number.partition("十")
    return _CHINESE_DIGITS.get(tens, 1) * 10 + _CHINESE_DIGITS.get(units, 0)


def _minor_ages(plain: str) -> list[str]:
    ages = [m for pattern in (_AGE, _AGED) for m in pattern.finditer(plain)]
    return [m.group(0) for m in ages if _age(m.group(1)) < ADULT_AGE]


def _verdict(action: str, category: str | None, matches: list[str]) -> SafetyVerdict:
    messages = BLOCK_MESSAGES if action == "block" else FLAG_MESSAGES
    message = messages[category]() if category in messages else ""
    return SafetyVerdict(action=action, category=category, message=message, matches=matches)


def _builtin_check(text: str) -> SafetyVerdict:
    views = _views(text)
    found = _matcher().find(views)
    for name, words in _spelled_out(views.runs).items():
        found[name] = list(dict.fromkeys(found.get(name, []) + words))
    m = {name: found.get(name, []) for name in _LISTS}
    minors = m["minors"] + _minor_ages(views.plain) + _minor_ages(views.latin.partition(" | ")[2])
    references = re.findall(r"@[^\s@,.;:!?，。、]{1,32}", text[:MAX_CHECKED_CHARS])
    real = m["real_people"] + m["celebrity"] + references
    sexual, suggestive = m["sexual"], m["suggestive"]

    adults_only = m["explicit_cues"] + _ADULTS_ONLY.findall(views.plain)
    # A minor and a sexual, suggestive, naked or revealing word read together: "a 10yo girl posing seductively".
    racy = ("sexual", "suggestive", "nudity", "revealing", "innuendo", "sex_slang", "explicit_cues")
    if minors and (sexual or suggestive or adults_only or any(m[name] for name in racy)):
        together = _together(text, racy, ("minors",), ages=True)
        if together:
            return _verdict("block", "sexual-minors", together)
    nazi_numbers = [x.group(0) for x in (_NAZI_NUMBER.search(views.latin), _NAZI_1488.search(views.plain)) if x]
    if m["slurs"] or m["hate_symbols"] or nazi_numbers:
        return _verdict("block", "hate", m["slurs"] + m["hate_symbols"] + nazi_numbers[:1])
    if m["violence_calls"] and m["groups"]:
        together = _together(text, ("violence_calls",), ("groups",))
        if together:
            return _verdict("block", "hate", together)
    if (sexual or suggestive) and real:
        return _verdict("block", "sexual-real-person", sexual + suggestive + real)
    # "corn" or a sexy word next to "uncensored", "explicit", "18+": an adults-only version is asked for.
    if adults_only and (m["sex_slang"] or suggestive or m["innuendo"] or m["revealing"]):
        sexual = sexual + adults_only + m["sex_slang"] + suggestive + m["innuendo"] + m["revealing"]
    if sexual:
        return _verdict("block", "sexual", sexual)
    if m["nudity"]:
        return _verdict("block", "nudity", m["nudity"])
    if m["self_harm"]:
        return _verdict("block", "self-harm", m["self_harm"])
    if _tells_to_kys(views):
        return _verdict("block", "self-harm", ["kys"])
    if m["gore"]:
        return _verdict("block", "gore", m["gore"])
    # A body part torn, cut or crushed off: "leg ripped off, bone sticking out" (a bloody nose stays a flag).
    if m["body_parts"] and m["severing"]:
        together = _together(text, ("severing",), ("body_parts",), size=GORE_WINDOW)
        if together:
            return _verdict("block", "gore", together)

    weapons = m["weapons"] if m["weapons"] and not _is_biathlon(views.plain, m["weapons"]) else []
    flags = [
        ("violence", m["violence"]),
        ("suggestive", suggestive),
        ("revealing", m["revealing"]),
        ("weapons", weapons),
        ("real-person", m["real_people"]),
        ("political", m["political"]),
        ("alcohol", m["alcohol"]),
    ]
    raised = [(category, found) for category, found in flags if found]
    if raised:
        matches = list(dict.fromkeys(word for _c, found in raised for word in found))
        return _verdict("flag", raised[0][0], matches)
    return SafetyVerdict(action="allow")


@functools.cache
def _hook(path: str) -> Callable[[str], SafetyVerdict | None]:
    return import_string(path)


def _run_hook(text: str) -> SafetyVerdict | None:
    path = getattr(settings, "WONDER_MODERATION_HOOK", "") or ""
    if not path:
        return None
    try:
        verdict = _hook(path)(text)
        if verdict is not None and verdict.action not in ACTIONS:
            raise ValueError(f"unknown action {verdict.action!r}")
        return verdict
    except Exception as exc:  # noqa: BLE001 - a broken hook must not take the contest down
        log.warning("Moderation hook %s failed, ignored: %s", path, exc)
        return None


def check_prompt(text: str) -> SafetyVerdict:
    """Decide whether ``text`` may be generated; ``settings.WONDER_MODERATION_HOOK`` can only escalate."""
    verdict = _builtin_check(text or "")
    extra = _run_hook(text or "")
    if extra is not None and ACTIONS.index(extra.action) > ACTIONS.index(verdict.action):
        return extra
    return verdict
