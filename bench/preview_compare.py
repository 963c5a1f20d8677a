"""Before/after CPU time of the preview engine on a shared machine: two source trees, run alternately.

    git archive a745390 | tar -x -C /tmp/old                   # the "before" tree (any commit)
    python bench/preview_compare.py /tmp/old . --rounds 3      # prints name: value unit lines per tree

Wall-clock seconds mean little while other work loads the machine; the CPU time of the process (x264's threads
included) is steadier, and running the two trees in turn, in the same minutes, lets both suffer the same load.
Each round runs, in each tree, ``--clips`` default clips (ski jumping, seed 5, 5 s 832x480 16 fps) through
``PreviewVideoEngine.generate`` and then the renderer alone, pinned to one core when ``taskset`` exists.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, os, sys, tempfile, time
root = sys.argv[1]
sys.path.insert(0, root)
os.chdir(root)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")
import django
django.setup()
from pathlib import Path
from generation.engines.preview import PreviewVideoEngine
from generation.engines.preview.render import ClipRenderer
from generation.engines.preview.shot import Shot
prompt = "a ski jumper soars over a snowy valley at sunset, cinematic tracking shot"
spec = {"prompt": prompt, "prompt_en": prompt, "sport": "ski-jumping", "seed": 5}
out = {"clip_cpu_s": [], "clip_wall_s": [], "render_cpu_s": []}
with tempfile.TemporaryDirectory() as tmp:
    for i in range(int(sys.argv[2])):
        wall, cpu = time.perf_counter(), time.process_time()
        PreviewVideoEngine().generate(
            spec, out_dir=Path(tmp) / str(i), progress=lambda f, s: None, cancelled=lambda: False
        )
        out["clip_wall_s"].append(time.perf_counter() - wall)
        out["clip_cpu_s"].append(time.process_time() - cpu)
        cpu = time.process_time()
        renderer = ClipRenderer(Shot.from_spec(spec), preview_text="PREVIEW", ai_text="AI", sport_text="Ski jumping")
        renderer.labelled = False
        for _ in renderer.frames():
            pass
        out["render_cpu_s"].append(time.process_time() - cpu)
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", type=Path, help="source trees to compare (the first is the baseline)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clips", type=int, default=2, help="clips per tree per round")
    args = parser.parse_args()
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    results: dict[Path, dict[str, list[float]]] = {t: {} for t in args.trees}
    for _ in range(args.rounds):
        for tree in args.trees:
            run = subprocess.run(
                [*pin, sys.executable, "-c", CHILD, str(tree.resolve()), str(args.clips)],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONWARNINGS": "ignore"},
            )
            for name, values in json.loads(run.stdout.strip().splitlines()[-1]).items():
                results[tree].setdefault(name, []).extend(values)
    for k, tree in enumerate(args.trees):
        print(f"# tree {k}: {tree}", file=sys.stderr)
        for name, values in results[tree].items():
            spread = f"{min(values):.2f}-{max(values):.2f}"
            print(f"# {name}[{k}]: n={len(values)} spread {spread}", file=sys.stderr)
            print(f"preview_{name.removesuffix('_s')}_{k}: {statistics.median(values):.3g} s")


if __name__ == "__main__":
    main()
