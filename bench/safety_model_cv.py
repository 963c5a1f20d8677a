"""How the safety classifier generalises to a labelled set it never saw: each measured set left out in turn.

Run as ``python bench/safety_model_cv.py``. For each retired evaluation set (tests/data/safety_oos*.jsonl, measured
once, so no longer out of sample for the term lists), the classifier is fitted on the training corpus and the other
sets, then scores the left-out set. Per threshold of the model's block probability it prints, pooled over the
left-out sets, lines ``name: value unit``:

- ``cv_model_block_recall@T``: share of the ``block`` lines the model alone scores at or above T.
- ``cv_model_false_block_rate@T``: share of the harmless lines it scores at or above T.
- ``cv_model_flag_as_block@T``: share of the ``flag`` lines (allowed, shown to a moderator) it would block.

Before the ninth set was measured, ``safety_model.BLOCK_SCORE`` was the lowest T (steps of 0.05) whose pooled false
block rate here stays within 1 % (0.4); ordinary fan prompts later set it higher (see its comment). This figure
describes the model alone; the term lists were tuned on these sets, so their share of a left-out set is in sample
and is not reported here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")
    import django

    django.setup()
    import numpy as np

    from generation.prompting import safety_model

    corpus = sorted(safety_model.CORPUS_DIR.glob("*.jsonl"))
    sets = [p for p in safety_model.RETIRED_SETS if p.exists()]
    scores, labels = [], []
    for held in sets:
        model = safety_model.build(safety_model.training_rows(corpus + [p for p in sets if p != held]))
        rows = safety_model._read(held)
        blocks = [i for i, c in enumerate(model.classes_) if c.startswith("block:")]
        p = model.predict_proba([safety_model.features_text(r["text"]) for r in rows])[:, blocks].sum(axis=1)
        scores.append(p)
        labels += [r["label"] for r in rows]
        print(f"# left out {held.name}: {len(rows)} lines", file=sys.stderr, flush=True)
    score, label = np.concatenate(scores), np.array(labels)
    for t in THRESHOLDS:
        over = score >= t
        print(f"cv_model_block_recall@{t}: {over[label == 'block'].mean():.3f} ratio")
        print(f"cv_model_false_block_rate@{t}: {over[label == 'allow'].mean():.4f} ratio")
        print(f"cv_model_flag_as_block@{t}: {over[label == 'flag'].mean():.3f} ratio")


if __name__ == "__main__":
    main()
