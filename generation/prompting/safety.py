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

import datetime
import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext

from . import safety_model
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
# Digits that are numbers, not leetspeak: ordinals ("7th grader", "3e", "5º") and age classes ("u14").
_NUMBER_WORD = re.compile(r"\d{1,2}(?:st|nd|rd|th|e|er|eme|ieme|o|a|ste|te|de|na|ty|ta|ho|ej)|[uj]\d{1,2}")
# Emoji that stand for a word ("🔪 on her wrists", "🔞"), and the invisible parts of keycap digits ("1️⃣3️⃣"). The
# fruit keep their names too: "🍆💦" together is a sexual code (terms: "eggplant spicy splash"), one alone is spicy.
_EMOJI = str.maketrans(
    {"🔪": " knife ", "🗡": " knife ", "🪒": " razor ", "🩸": " blood ", "🔫": " gun ", "🔞": " 18+ ",
     "🍆": " spicy eggplant ", "💦": " spicy splash ", "🍑": " spicy peach ", "\ufe0f": None, "\ufe0e": None,
     "\u20e3": None}
)  # fmt: skip
# A "word" for de-obfuscation: letters, digits and the leet symbols. No nested quantifiers.
_RAW_WORD = re.compile(r"[\w@$]+")
_BANG = re.compile(r"(?<=[a-z])!(?=[a-z0-9])")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
# A word with letters masked by symbols ("f*cking", "f#ck", "f**k"): each mask is tried as a vowel and as nothing.
_MASKED = re.compile(r"(?<![\w*#@])[a-z]+[*#@][a-z*#@]*")
_MASK = re.compile(r"[*#@]+")
# "f-ck", "f.cking": a dot or hyphen after one or two letters stands for a letter too ("t-bar" reads as nothing bad).
_DOTTED = re.compile(r"(?<![\w.-])[a-z]{1,2}[.-][a-z]{1,6}(?![\w.-])")
# "sui.cide", "nusi.žudyti": one dot inside a longer word splits it; the word is also read joined ("St.Moritz" too).
_SPLIT = re.compile(r"(?<![\w.])([^\W\d_]{2,})\.([^\W\d_]{2,})(?![\w.])")
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
# "(((them)))": the antisemitic echo, whatever stands inside it.
_ECHO = re.compile(r"\(\(\([^()]{0,40}\)\)\)")
_NAZI_1488 = re.compile(r"(?<![\d.,:])14 ?88(?![\d.,:]| ?(?:m|km|meters|metres|metri|metros|ft)\b)")
# "18+", "18 +": an adults-only cue.
_ADULTS_ONLY = re.compile(r"(?<!\d)18 ?\+")
# "bomba", "bombe", "просто бомба": praise for a shot or a run unless something around it is an attack.
# "爆弾級のエア", "炸弹级": a bomb-class jump is praise in Japanese and Chinese too.
_BOMB = re.compile(r"(?:bomb|бомб|βομβ|פצצ|قنبل|بمب|बम|爆弾|炸弹|炸彈|폭탄)")
_ATTACK = re.compile(
    r"(?<![a-z])(?:explo|deton|terror|attack|attentat|anschlag|atenta|zamach|plant|blow\w* up|blew up|blast"
    r"|suicide|threat|hostage|evacua|exploz|robban|patla|bombing|bomber|bombard|взрыв|вибух|теракт|подрыв|підрив"
    r"|взорв|підірв|εκρηξ|פיצוץ|انفجار|爆発|爆破|テロ|仕掛|爆炸|袭击|襲擊|恐怖|폭발|테러)"
)
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
    "|yasinda\\w*|anitos|anito|anyets"
)
_AGE = re.compile(rf"(\d{{1,2}}|[一二两三四五六七八九十]{{1,3}}) ?-? ?(?:y/o|y\.o\.?|y\. o\.?|{_AGE_WORDS})(?![a-z])")
# "aged 12", "age: 12", "Alter 12": the word for age before the number.
_AGED = re.compile(
    r"(?<![a-z])(?:aged|age|ages|alter|im alter von|edad|eta|idade|wiek|leeftijd|alder|vek|ika|yasi|umur"
    r"|miaka|возраст\w*|w wieku|ve veku|vo veku|в возрасте|у віці|лет|років|lat|godina|vuotta"
    r"|年龄|年齢|나이|גיל|בת|בן|سن|عمر|عمرها|عمره|उम्र|อายุ) ?:? ?(\d{1,2})(?!\d)"
)
# "she's like 11", "he is only 12": an age said with no word for years (English; other languages say "years").
_SHE_IS = re.compile(
    r"(?:(?<![a-z])(?:she|he|they|who|girl|boy|kid) ?['’]?(?:s|is|was|are|just turned|turned|turns)"
    r" (?:like |about |only |just |barely |maybe |around |almost |not even |under )?"
    # "make her look fourteen", "looks 12": an age the picture is to show.
    r"|(?<![a-z])(?:look|looks|looking|appear|appears|pass for|passes for) (?:like |about |only |barely )?)"
    r"(\d{1,2})(?![\d.,:]\d|\d| ?(?:m|km|cm|kg|s|sec|seconds|min|minutes|points|pts|goals|th|st|nd|rd|%|°|meters"
    r"|metres|place)\b)"
)
# "born in 2014", "Jahrgang 2012", "rocznik 2011": the year of birth, read as an age.
_BORN = re.compile(
    r"(?<![a-z])(?:born|born in|geboren|jahrgang|nata|nato|nata nel|nato nel|nee en|ne en|nee|ne|nacida|nacido"
    r"|nacida en|nacido en|nascida|nascido|nascida em|nascido em|urodzon\w*|rocznik|narozen\w*|rocnik|geboren in"
    r"|syntynyt|fodd|fodt|fodt i|fodd ar|родил\w*|рожден\w*|года рождения|г\.?р\.?)"
    r" ?:? ?((?:19|20)\d\d)(?!\d)"
)
# Ages written out ("fourteen-yr-old", "age twelve", "dodici anni"), read as digits by the age patterns.
_NUMBER_NAMES = {
    name: str(n)
    for names in (
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen",
        "eins zwei drei vier funf sechs sieben acht neun zehn elf zwolf dreizehn vierzehn funfzehn sechzehn siebzehn",
        "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept",
        "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis diecisiete",
        "uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici"
        " diciassette",
        "um dois tres quatro cinco seis sete oito nove dez onze doze treze catorze quinze dezesseis dezessete",
        "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien",
        "en to tre fire fem seks syv atta ni ti elleve tolv tretten fjorten femten seksten sytten",
        "jeden dwa trzy cztery piec szesc siedem osiem dziewiec dziesiec jedenascie dwanascie trzynascie czternascie"
        " pietnascie szesnascie siedemnascie",
    )
    for n, name in enumerate(names.split(), start=1)
    if name not in ("un", "uno", "um", "een", "en", "ni", "to", "ne", "sei", "tre", "due", "dos", "tres", "fem")
}
# Ten to seventeen in the other languages of the site, with the case forms an age takes ("w wieku dwunastu lat",
# "лет двенадцати", "tizenkét éves"): a child's age is said in words in every language, not only in the ten above.
_TEENS = (
    "dziesiec jedenascie dwanascie trzynascie czternascie pietnascie szesnascie siedemnascie",
    "dziesieciu jedenastu dwunastu trzynastu czternastu pietnastu szesnastu siedemnastu",
    "deset jedenact dvanact trinact ctrnact patnact sestnact sedmnact",
    "desat jedenast dvanast trinast strnast patnast sestnast sedemnast",
    "десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать",
    "десяти одиннадцати двенадцати тринадцати четырнадцати пятнадцати шестнадцати семнадцати",
    "десять одинадцять дванадцять тринадцять чотирнадцять пятнадцять шістнадцять сімнадцять",
    "десет единадесет дванадесет тринадесет четиринадесет петнадесет шестнадесет седемнадесет",
    "deset jedanaest dvanaest trinaest cetrnaest petnaest sesnaest sedamnaest",
    "deset enajst dvanajst trinajst stirinajst petnajst sestnajst sedemnajst",
    "десет једанаест дванаест тринаест четрнаест петнаест шеснаест седамнаест",
    "tiz tizenegy tizenket tizenharom tizennegy tizenot tizenhat tizenhet",
    "zece unsprezece doisprezece treisprezece paisprezece cincisprezece saisprezece saptesprezece",
    "tio elva tolv tretton fjorton femton sexton sjutton",
    "kymmenen yksitoista kaksitoista kolmetoista neljatoista viisitoista kuusitoista seitsemantoista",
    "δεκα εντεκα δωδεκα δεκατρια δεκατεσσερα δεκαπεντε δεκαεξι δεκαεπτα",
    "desimt vienuolika dvylika trylika keturiolika penkiolika sesiolika septyniolika",
    "desmit vienpadsmit divpadsmit trispadsmit cetrpadsmit piecpadsmit sespadsmit septinpadsmit",
    "kumme uksteist kaksteist kolmteist neliteist viisteist kuusteist seitseteist",
    "sepuluh sebelas dua-belas tiga-belas empat-belas lima-belas enam-belas tujuh-belas",
    "on on-bir on-iki on-uc on-dort on-bes on-alti on-yedi",
    "deu onze dotze tretze catorze quinze setze disset",
)
_NUMBER_NAMES |= {
    name.replace("-", " "): str(n)
    for names in _TEENS
    for n, name in enumerate(names.split(), start=10)
    if name not in ("tiz", "tio", "on", "deset", "onze", "quinze")
}
_NUMBER_NAME = re.compile(r"(?<![a-z])(" + "|".join(sorted(_NUMBER_NAMES, key=len, reverse=True)) + r")(?![a-z])")
# "e-l-e-v-e-n y/o" read as one run of letters: "elevenyo".
_SPELLED_AGE = re.compile(
    r"(" + "|".join(sorted(_NUMBER_NAMES, key=len, reverse=True)) + r")(?:yo|yrsold|yrold|yearsold|yearold)"
)
# "vienuolikmetė", "dvanáctiletá", "dwunastoletnia", "tolvåring": a number and the word for years in one word. The
# number is matched by its first letters, which its case forms share ("dwunasto-", "двенадцати-").
_AGE_SUFFIXES = (
    r"let\w*|rocn\w*|godisnj\w*|met(?:e|is|es|ei|ui|a)|gadig\w*|aastane|vuotia\w*|aring\w*|arig\w*|jahrig\w*"
    r"|jarig\w*|enne|eves|летн\w*|річн\w*|годишн\w*|годишњ\w*|χρον\w*"
)
_NUMBER_STEMS = {name[:-2] if len(name) >= 7 else name for name in _NUMBER_NAMES if len(name) >= 4}
_COMPOUND_AGE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(_NUMBER_STEMS, key=len, reverse=True)) + r")\w{0,4}?(?:" + _AGE_SUFFIXES + r")(?!\w)"
)
# "twelve-ish boy", "12ish girl": an age guessed at, right before a child.
_ISH_AGE = re.compile(r"(?<![\d.,:])(\d{1,2}) ?-? ?ish (?:boy|girl|kid|lad|lass|child)s?(?![a-z])")
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
    "likely-harmful": lambda: gettext("A moderator will review this prompt: it may ask for harmful content."),
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


_INFLECTED = ("groups",)


class _Matcher:
    """Every term list in one table per kind of script: Latin terms on the de-obfuscated view (leetspeak,
    lookalike letters undone), other spaced scripts (Cyrillic, Greek, Arabic, Hebrew, Indic ...) on the plain
    view, and unspaced scripts (CJK, Thai ...) on the text without spaces or punctuation ("色 情" is "色情").
    Keys are the category names."""

    def __init__(self, lists: dict[str, list[str]]):
        entries: dict[str, list[tuple[str, str, float]]] = {"latin": [], "spaced": [], "unspaced": []}
        inflected: list[tuple[str, str, float]] = []
        for name, words in lists.items():
            for term in words:
                entries[_script(term)].append((term, name, 1.0))
                # Groups with a case ending ("Kürtlere", "migrantów"): they count only beside a call for violence.
                if name in _INFLECTED and _script(term) != "unspaced":
                    inflected.append((term, name, 1.0))
        self.lexicons = {script: Lexicon(items) for script, items in entries.items()}
        self.lexicons["inflected"] = Lexicon(inflected, inflections=True)

    def find(self, views: _Views) -> dict[str, list[str]]:
        """Category -> matched words (in text order)."""
        latin_tokens = tokenize(views.latin)
        hits = self.lexicons["latin"].find(views.latin, latin_tokens, nested=True)
        hits += self.lexicons["inflected"].find(views.latin, latin_tokens, nested=True)
        # The other scripts' words are looked for only when the text has letters beyond Latin.
        if _NON_LATIN.search(views.plain):
            plain_tokens = tokenize(views.plain)
            hits += self.lexicons["spaced"].find(views.plain, plain_tokens, nested=True)
            hits += self.lexicons["inflected"].find(views.plain, plain_tokens, nested=True)
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
    # Pure numbers ("500m" aside) and ordinals stay numbers; letters mixed with digits or symbols are leetspeak.
    if (not word.isdigit() or len(word) == 1) and not _NUMBER_WORD.fullmatch(word):
        word = word.translate(_LEET)
    return word


def _views(text: str) -> _Views:
    plain = _without_allowed(" " + normalize(text[:MAX_CHECKED_CHARS]) + " ")
    # "k!ll1ng": an exclamation mark between letters stands for an i.
    raw = _RAW_WORD.findall(_BANG.sub("i", plain))
    words = [_deobfuscate_word(w) for w in raw]
    # "the 50 kms classic" is kilometres, not the self-harm slang "kms".
    words = ["km" if w == "kms" and i and words[i - 1].isdigit() else w for i, w in enumerate(words)]
    latin = _without_allowed(" " + " ".join(words) + " ")
    extra: list[str] = []
    # A lone digit is a letter in "s 3 x y" but a number in "grade 7" or "groep 6": both readings are matched.
    if any(len(w) == 1 and w.isdigit() for w in raw):
        numbers = [r if len(r) == 1 and r.isdigit() else w for r, w in zip(raw, words, strict=True)]
        extra.append("| " + _without_allowed(" " + " ".join(numbers) + " ").strip())
    # "f*cking", "f#ck": the masked letter read as each vowel (and as nothing); only words that had a mask.
    for match in list(_MASKED.finditer(plain))[:MAX_MASKED]:
        following = plain[match.end() :].split(maxsplit=1)[:1]
        for variant in [_MASK.sub(v, match.group()) for v in ("a", "e", "i", "o", "u", "", "uc")]:
            # "F*CK the cold" is an allowed oath: the reading that makes an allowed phrase is dropped.
            if not _starts_allowed_phrase(variant, following):
                extra.append(variant)
    for dotted in _DOTTED.findall(plain)[:MAX_MASKED]:
        extra += [re.sub(r"[.-]", v, dotted) for v in ("a", "e", "i", "o", "u", "uc")]
    extra += ["".join(split) for split in _SPLIT.findall(plain)[:MAX_MASKED]]
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
    # "с е к с у а л ь н а я": spaced letters of other scripts are read as one word too, in the plain view.
    spaced: list[str] = []
    letters: list[str] = []
    for w in [*plain.split(), ""]:
        if len(w) == 1 and w.isalpha() and not w.isascii():
            letters.append(w)
            continue
        if len(letters) >= 3:
            spaced.append("".join(letters))
        letters = []
    dense = "".join(ch for ch in plain if is_unspaced(ch) or ch.isalnum())
    for phrase in _unspaced_allowed_phrases():
        dense = dense.replace(phrase, "")
    if spaced:
        plain = f"{plain} | {' '.join(spaced)}"
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
def _allowed_by_first_word() -> dict[str, list[str]]:
    by_word: dict[str, list[str]] = {}
    for phrase in _allowed_phrases():
        by_word.setdefault(phrase.split()[0], []).append(phrase)
    return by_word


def _starts_allowed_phrase(word: str, following: list[str]) -> bool:
    """Whether ``word`` and the word after it begin an allowed phrase."""
    start = " ".join([word, *following])
    return any(f"{phrase} ".startswith(f"{start} ") for phrase in _allowed_by_first_word().get(word, ()))


def _without_allowed(text: str) -> str:
    """``text`` (padded with spaces) without its allowed phrases, longest first; only phrases whose first word
    occurs are tried, so the cost does not grow with the list."""
    by_word = _allowed_by_first_word()
    phrases = [p for word in set(text.split()) for p in by_word.get(word, ())]
    for phrase in sorted(phrases, key=len, reverse=True):
        text = text.replace(f" {phrase} ", " ")
    return text


@functools.cache
def _unspaced_allowed_phrases() -> list[str]:
    return [p for p in _allowed_phrases() if any(is_unspaced(ch) for ch in p)]


_LISTS = tuple(c for c in terms.CATEGORIES if c != "allowed_phrases")
# Two words this many words apart or closer are read together (a minor and a sexual word: "a girl ... posing").
COMBINATION_WINDOW = 12
# A group and a dehumanising word are one sentence apart at most ("muslims ... show them ... as terrorists"): windows
# overlap by half, so this size reads together any two words up to COMBINATION_WINDOW apart.
HATE_WINDOW = 2 * COMBINATION_WINDOW
# A body part and a tearing word belong together only in a short phrase ("leg ripped off", "оторвало ногу").
GORE_WINDOW = 6
# A killing verb and a reflexive pronoun belong together only a few words apart ("se po závodě zastřelí"): windows
# overlap by half, so any two words up to four apart are read together.
SELF_WINDOW = 8
# A killing word is said of the weather only right beside it ("un froid qui tue", "κρύο που σε σκοτώνει").
WEATHER_WINDOW = 5
# An ambiguous naked word and a person are read together only side by side ("sciatrice nuda", "naga narciarka"):
# "Dzieci strzelają gola" (children score a goal) has two words between them.
NAKED_WINDOW = 2
# "out" as a call to expel a group ("X out!", "X raus", "X dehors", "X fuera", "X eruit").
_OUT = r"(?:out|raus|dehors|fuera|fora|eruit|ut|ulos|precz|afara|napolje|weg)(?: |$)"


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
    plain = said = normalize(text[:MAX_CHECKED_CHARS])
    if ages:
        # An age said far from the rest ("a girl in ski school, she is nine, and in the last shot ... in a bikini")
        # is read where it stands, as one word.
        plain = _mark_minor_ages(plain)
        # A child, named ("loli ... make it spicy") or by age, is in the whole scene: read a longer stretch.
        if size == COMBINATION_WINDOW or f" {_AGE_MARK} " in f" {plain} ":
            size *= 2
    for window in _windows(plain, size):
        views = _views(window)
        found = _matcher().find(views)
        a = [w for name in first for w in found.get(name, [])]
        b = [w for name in second for w in found.get(name, [])]
        if ages:
            b += _minor_ages(window) + _minor_ages(views.latin)
            if f" {_AGE_MARK} " in f" {window} ":
                b += _minor_ages(said) or [_AGE_MARK]  # moderators are shown the words, not the placeholder
        if a and b:
            return a + b
    return []


def _expelled(latin: str, groups: list[str]) -> list[str]:
    """A group followed by "out" as a slogan ("jews out of the rink", "Ausländer raus"); "the Swedes out in front"
    has an article and stays allowed."""
    for group in groups:
        if group.isascii() and re.search(rf"(?<!\bthe) {re.escape(group)} {_OUT}", latin):
            return [group]
    return []


def _is_biathlon(plain: str, weapons: list[str]) -> bool:
    """Biathlon context, judged without the weapon words: "a rifle on the slope" is not biathlon."""
    from .parse import sport_scores

    for word in weapons:
        plain = plain.replace(word, " ")
    return sport_scores(plain).get("biathlon", 0.0) >= 1.0


def _is_attack(views: _Views) -> bool:
    """Whether a bomb is an attack ("plants a bomb", "the bomb explodes"), not praise ("a bomb of a shot")."""
    return bool(_ATTACK.search(views.latin) or _ATTACK.search(views.plain))


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
    """Ages under 18 in the text: "12yo", "aged 12", "she's 12", "fourteen-yr-old", "born in 2014",
    "dvanáctiletá"."""
    found = [m.group(0) for m in _COMPOUND_AGE.finditer(plain)]
    texts = [plain]
    if _NUMBER_NAME.search(plain):
        texts.append(_NUMBER_NAME.sub(lambda m: _NUMBER_NAMES[m.group(1)], plain))
    ages = [m for text in texts for pattern in (_AGE, _AGED, _SHE_IS, _ISH_AGE) for m in pattern.finditer(text)]
    found += [m.group(0) for m in ages if _age(m.group(1)) < ADULT_AGE]
    found += [m.group(0) for m in _SPELLED_AGE.finditer(plain) if int(_NUMBER_NAMES[m.group(1)]) < ADULT_AGE]
    this_year = datetime.date.today().year
    return found + [m.group(0) for m in _BORN.finditer(plain) if 0 <= this_year - int(m.group(1)) < ADULT_AGE]


_AGE_MARK = "agedunder18"


def _mark_minor_ages(plain: str) -> str:
    """``plain`` with ages written out as digits and every age under 18 replaced by one marker word."""
    plain = _COMPOUND_AGE.sub(f" {_AGE_MARK} ", plain)
    if _NUMBER_NAME.search(plain):
        plain = _NUMBER_NAME.sub(lambda m: _NUMBER_NAMES[m.group(1)], plain)
    this_year = datetime.date.today().year
    for pattern in (_AGE, _AGED, _SHE_IS, _ISH_AGE):
        plain = pattern.sub(lambda m: f" {_AGE_MARK} " if _age(m.group(1)) < ADULT_AGE else m.group(0), plain)
    return _BORN.sub(lambda m: f" {_AGE_MARK} " if 0 <= this_year - int(m.group(1)) < ADULT_AGE else m.group(0), plain)


def _verdict(action: str, category: str | None, matches: list[str]) -> SafetyVerdict:
    messages = BLOCK_MESSAGES if action == "block" else FLAG_MESSAGES
    message = messages[category]() if category in messages else ""
    shown = [word for word in matches if word != _AGE_MARK]  # the check's placeholder is in no prompt
    return SafetyVerdict(action=action, category=category, message=message, matches=shown)


def _builtin_check(text: str) -> SafetyVerdict:
    text = text[:MAX_CHECKED_CHARS].translate(_EMOJI)
    views = _views(text)
    found = _matcher().find(views)
    for name, words in _spelled_out(views.runs).items():
        found[name] = list(dict.fromkeys(found.get(name, []) + words))
    m = {name: found.get(name, []) for name in _LISTS}
    # Ages in the de-obfuscated view too: "12 yеar old" with a Cyrillic е reads as an age only there.
    minors = m["minors"] + _minor_ages(views.plain) + _minor_ages(views.latin)
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
    # An ambiguous naked word ("gola": a goal in Polish, naked in Croatian) only right beside the child.
    if minors and m["nudity_ambiguous"]:
        together = _together(text, ("nudity_ambiguous",), ("minors",), ages=True, size=NAKED_WINDOW)
        if together:
            return _verdict("block", "sexual-minors", together)
    nazi_numbers = [x.group(0) for x in (_NAZI_NUMBER.search(views.latin), _NAZI_1488.search(views.plain)) if x]
    if m["slurs"] or m["hate_symbols"] or nazi_numbers:
        return _verdict("block", "hate", m["slurs"] + m["hate_symbols"] + nazi_numbers[:1])
    expelled = _expelled(views.latin, m["groups"])
    if expelled:
        return _verdict("block", "hate", expelled)
    echo = _ECHO.search(views.plain)
    if echo:
        return _verdict("block", "hate", [echo.group(0)])
    # A group beside a call for violence or a dehumanising word ("drawn as rats", "jako krysy", "一群蟑螂").
    if (m["violence_calls"] or m["dehumanising"]) and m["groups"]:
        together = _together(text, ("violence_calls", "dehumanising"), ("groups",), size=HATE_WINDOW)
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
    # "nuda", "naga", "gola": naked in one language, another word elsewhere; naked next to a person.
    if m["nudity_ambiguous"] and (m["people"] or minors or real):
        people = ("people", "minors", "real_people", "celebrity")
        together = _together(text, ("nudity_ambiguous",), people, ages=True, size=NAKED_WINDOW)
        if together:
            return _verdict("block", "nudity", together)
    if m["self_harm"]:
        return _verdict("block", "self-harm", m["self_harm"])
    # A killing verb turned on oneself: "se po závodě zastřelí", "sich absichtlich umbringt", "k!ll1ng myself".
    if m["self_harm_verbs"] and m["reflexives"]:
        together = _together(text, ("self_harm_verbs",), ("reflexives",), size=SELF_WINDOW)
        if together:
            return _verdict("block", "self-harm", together)
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
    if weapons and all(_BOMB.match(w) for w in weapons) and not _is_attack(views):
        weapons = []
    # "a cold that kills you", "mamamatay ka sa ginaw": a killing word beside the cold or heat is an intensifier.
    violence = m["violence"]
    if (violence or weapons) and m["weather"]:
        beside = _together(text, ("violence", "weapons"), ("weather",), size=WEATHER_WINDOW)
        violence = [w for w in violence if w not in beside]
        weapons = [w for w in weapons if w not in beside]
    flags = [
        ("violence", violence),
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


def _classify(text: str, verdict: SafetyVerdict) -> SafetyVerdict:
    """The classifier's escalation of the lists' verdict: a likely block blocks, an unsure score flags."""
    if verdict.blocked:
        return verdict
    harm = safety_model.score(text)
    if harm is None:
        return verdict
    flagged = (verdict.category or "") if verdict.action == "flag" else None
    if harm.block >= safety_model.block_score_over(flagged, harm.category):
        return _verdict("block", harm.category, [])
    if harm.block >= safety_model.FLAG_SCORE and verdict.action == "allow":
        return _verdict("flag", "likely-harmful", [])
    return verdict


def check_prompt(text: str) -> SafetyVerdict:
    """Decide whether ``text`` may be generated: the term lists, then the classifier
    (``settings.WONDER_SAFETY_MODEL``), then ``settings.WONDER_MODERATION_HOOK``; each can only escalate."""
    verdict = _classify(text or "", _builtin_check(text or ""))
    extra = _run_hook(text or "")
    if extra is not None and ACTIONS.index(extra.action) > ACTIONS.index(verdict.action):
        return extra
    return verdict
