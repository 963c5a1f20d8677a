"""A text classifier beside the term lists: how likely a prompt asks for something ``check_prompt`` must block.

The term lists catch the words and combinations someone wrote down; on every unseen set they missed a fifth of the
harm, worded in ways no list named (tests/data/README.md). This model learns the wording of harmful requests from
labelled examples in 46 languages: character n-grams (so inflections, misspellings and unspaced scripts share
features) and word n-grams, read off the check's own de-obfuscated views (leetspeak and lookalike letters undone),
into a multinomial logistic regression over "allow", "flag" and the six block categories.

Training data: ``safety_corpus/*.jsonl`` (written for training, by authors who never opened the evaluation sets) and
the evaluation sets already measured once (``RETIRED_SETS``). A set not yet measured is never read here.

No weights are shipped: the model is fitted from those reviewable files, deterministically, by ``manage.py
build_safety_model`` (``make run`` and ``make test`` run it) or on first use, and cached in
``settings.WONDER_SAFETY_MODEL_DIR`` (``var/models``) under a digest of the data and of the code, so an edited
corpus or feature is picked up by the next process.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import os
import tempfile
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent
CORPUS_DIR = ROOT / "safety_corpus"
_TESTS_DATA = ROOT.parent.parent / "tests" / "data"
# Evaluation sets measured once and then read: from then on they are labelled examples like any other.
RETIRED_SETS = tuple(_TESTS_DATA / f"safety_oos{n}.jsonl" for n in ("", 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13))
# The rules, fixed before the tenth set was measured and applied again before the eleventh: block at the lowest step
# (0.05) whose model score blocks at most 0.5 % of the 937 ordinary fan prompts of the understanding sets
# (tests/data/prompts_*.jsonl, never training data), flag at the lowest step that flags at most 3 % of them. (Leaving
# each of sets 1-8 out in turn, bench/safety_model_cv.py, had given 0.4, but at 0.4 that model blocked 2.7 % of those
# prompts, "a biathlete in the snow" among them.) The model of corpus rounds 1-9 and sets 1-13: 3 of them (0.32 %)
# at 0.6 and 21 (2.2 %) at 0.4, where 0.35 reaches 31 (3.3 %) (bench/safety_thresholds.py); the models of rounds 1-8:
# 0.6 and 0.35; before rounds 6-7: 0.65 and 0.4.
BLOCK_SCORE = 0.6
# Below the block score, a likely-harmful prompt is shown to a moderator first (all entries are reviewed anyway).
FLAG_SCORE = 0.4
# A prompt the lists flag names a borderline topic (a fight, a real person, alcohol, a bikini, "sexy") whose words
# the model also weighs as harm, so it blocks one only when near certain: the lowest step (0.05) at which the
# repository's flag tests all stay flags, not set from the evaluation sets (0.85 for the model of 330d2bd; 0.95 for
# rounds 1-7 and sets 1-10; 0.9 for rounds 1-9 and sets 1-13, which scores the leetspeak "s 3 x y skier in the
# halfpipe" 0.87).
BLOCK_OVER_FLAG_SCORE = 0.9
# Blood and a fight make the lists flag violence, and gory requests are worded that way ("slash his throat with the
# blade, blood spraying over the ice"); the model naming gore there is the harm those words describe, so it blocks
# at the block score, or higher where needed: the lowest step (0.05) at which the repository's violence flag tests (a
# bloody nose, blood after a hockey fight) all stay flags. For rounds 1-9 and sets 1-13 that step is 0.55 (the
# bloody nose scores 0.52 as gore), so the block score holds.
GORE_OVER_VIOLENCE_SCORE = 0.6
# Shorter texts (display names, one-word titles) are not sentences like the training data: the lists judge them.
MIN_WORDS, MIN_UNSPACED_CHARS = 3, 6


@dataclass(frozen=True)
class HarmScore:
    """``block``: the model's probability that the text must be blocked; ``category``: its likeliest block category."""

    block: float
    category: str


def _read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def training_files() -> list[Path]:
    """The labelled files the model learns from, in a fixed order."""
    return sorted(CORPUS_DIR.glob("*.jsonl")) + [p for p in RETIRED_SETS if p.exists()]


def training_rows(files: list[Path] | None = None) -> list[dict[str, Any]]:
    """Labelled rows, each text once (the first label wins)."""
    seen: set[str] = set()
    rows = []
    for path in training_files() if files is None else files:
        for row in _read(path):
            key = row["text"].strip().casefold()
            if key not in seen:
                seen.add(key)
                rows.append(row)
    return rows


def target(row: dict[str, Any]) -> str:
    """The class a row teaches: ``allow``, ``flag`` or ``block:<category>``."""
    return f"block:{row['category']}" if row["label"] == "block" else row["label"]


def features_text(text: str) -> str:
    """What the model reads: the check's plain view and its de-obfuscated Latin view, side by side."""
    from .safety import _EMOJI, MAX_CHECKED_CHARS, _views

    views = _views(text[:MAX_CHECKED_CHARS].translate(_EMOJI))
    return f"{views.plain} || {views.latin}"


def build(rows: list[dict[str, Any]]) -> Any:
    """Fit the pipeline (TF-IDF character and word n-grams, multinomial logistic regression) on ``rows``."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    classes = Counter(target(r) for r in rows)
    blocks = [c for c in classes if c.startswith("block:")]
    # Harmless and harmful texts weigh the same in all; the block categories share their half evenly (gore and
    # real-person lines are few) and the flag lines weigh half as much. Balancing each of the eight classes
    # instead made six block classes outweigh "allow", so an ordinary sentence scored 0.3.
    share = {"allow": 1 / 2, "flag": 1 / 4} | {c: 1 / 2 / len(blocks) for c in blocks}
    weights = {c: len(rows) * share[c] / n for c, n in classes.items()}
    features = make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, max_features=300_000),
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"),
    )
    model = make_pipeline(features, LogisticRegression(C=10.0, max_iter=2000, class_weight=weights))
    model.fit([features_text(r["text"]) for r in rows], [target(r) for r in rows])
    for _name, vectorizer in model.steps[0][1].transformer_list:
        # The n-grams cut by min_df and max_features, kept only for introspection: most of the pickle's size.
        vectorizer.__dict__.pop("stop_words_", None)
    return model


# The code that shapes the fit (features, targets, estimator), the views it reads (safety.py) and the term lists those
# views take their allowed phrases from (safety_terms/); thresholds and the rest of this module do not change the
# fitted model. Read once, at import: read later from a file edited since (a deploy, an edit during a run), it named
# another model, which the process fitted and saved, deleting the right one.
_FIT_CODE = b"".join(
    [
        *(inspect.getsource(f).encode() for f in (features_text, target, build)),
        (ROOT / "safety.py").read_bytes(),
        *(path.read_bytes() for path in sorted((ROOT / "safety_terms").iterdir()) if path.is_file()),
    ]
)


def digest(files: list[Path] | None = None) -> str:
    """Names the training data and code a cached model was fitted from."""
    import sklearn

    h = hashlib.sha256(sklearn.__version__.encode())
    h.update(_FIT_CODE)
    for path in training_files() if files is None else files:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def model_path() -> Path:
    return Path(settings.WONDER_SAFETY_MODEL_DIR) / f"safety-{digest()}.joblib"


def _fit_and_save(path: Path) -> Any:
    import joblib

    rows = training_rows()
    log.info("Fitting the safety classifier on %d labelled texts", len(rows))
    model = build(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed: several processes (web, workers) may fit it at once on a fresh install.
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        os.close(fd)
        joblib.dump(model, tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    for old in path.parent.glob("safety-*.joblib"):
        if old != path:
            old.unlink(missing_ok=True)
    return model


def ensure_model() -> Path:
    """The cached model's path, fitting and saving it first when the data or code changed."""
    path = model_path()
    if not path.exists():
        _fit_and_save(path)
    return path


def _load() -> Any | None:
    import joblib

    try:
        return joblib.load(ensure_model())
    except Exception:  # noqa: BLE001 - a full disk or a broken cache must not take the contest down
        log.exception("The safety classifier is unavailable: the term lists judge alone")
        return None


_lock = threading.Lock()
# (done, model): done once a load has been tried; the model is None when it could be neither loaded nor fitted.
_state: tuple[bool, Any] = (False, None)


def _model() -> Any | None:
    """The fitted model, loaded once per process; None (remembered) when it can be neither loaded nor fitted.

    A check that arrives while the warm-up loads it waits for that load rather than loading a second copy."""
    global _state
    if not _state[0]:
        with _lock:
            if not _state[0]:
                _state = (True, _load())
    return _state[1]


def warm_up() -> None:
    """Load the model in the background, at the server's start: the first fan's check must not pay for it (2-3 s
    idle, 5-9 s on a loaded machine), and ``/readyz`` says not ready until it is done."""
    if enabled() and not _state[0]:
        threading.Thread(target=_model, name="safety-model-warm-up", daemon=True).start()


def ready() -> bool:
    """True when a prompt can be checked at once: the model is loaded, off, or known to be unavailable."""
    return not enabled() or _state[0]


def loaded_state() -> tuple[bool, Any]:
    return _state


def forget() -> None:
    """Drop the loaded model (tests: a process that has not loaded it yet)."""
    restore((False, None))


def restore(state: tuple[bool, Any]) -> None:
    global _state
    with _lock:
        _state = state


def enabled() -> bool:
    return bool(settings.WONDER_SAFETY_MODEL)


def block_score_over(flag_category: str | None, harm_category: str) -> float:
    """The score at which the model turns the lists' verdict (a flag of ``flag_category``, or none) into a block."""
    if flag_category is None:
        return BLOCK_SCORE
    if (flag_category, harm_category) == ("violence", "gore"):
        return GORE_OVER_VIOLENCE_SCORE
    return BLOCK_OVER_FLAG_SCORE


def long_enough(text: str) -> bool:
    from .normalize import is_unspaced

    if len(text.split()) >= MIN_WORDS:
        return True
    return sum(is_unspaced(ch) for ch in text) >= MIN_UNSPACED_CHARS


def score(text: str) -> HarmScore | None:
    """The model's block probability for ``text``; None when the model is off or the text too short to judge."""
    if not enabled() or not long_enough(text):
        return None
    model = _model()
    if model is None:
        return None
    probabilities = model.predict_proba([features_text(text)])[0]
    pairs = zip(probabilities, model.classes_, strict=True)
    blocks = [(p, c.split(":", 1)[1]) for p, c in pairs if c.startswith("block:")]
    return HarmScore(block=float(sum(p for p, _c in blocks)), category=max(blocks)[1])
