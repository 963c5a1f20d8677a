"""House-keeping: every package the code imports is declared in pyproject.toml (not just pulled in by another)."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRST_PARTY = {"wonder", "contest", "gallery", "avatars", "experience", "generation", "bench", "tests", "manage"}
SOURCES = ["wonder", "contest", "gallery", "avatars", "experience", "generation", "bench", "scripts", "tests"]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return {_canonical(re.split(r"[\s<>=!~\[;]", requirement, maxsplit=1)[0]) for requirement in requirements}


def _imported() -> dict[str, str]:
    """Top-level module -> one file importing it, for absolute imports of the project's code."""
    local = {path.stem for folder in SOURCES for path in (ROOT / folder).rglob("*.py")}
    found: dict[str, str] = {}
    for folder in SOURCES:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top in sys.stdlib_module_names or top in FIRST_PARTY or top in local or top == "__future__":
                        continue
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_every_imported_package_is_declared_in_pyproject():
    declared = _declared()
    distributions = importlib.metadata.packages_distributions()
    undeclared = {
        module: where
        for module, where in _imported().items()
        if not any(_canonical(dist) in declared for dist in distributions.get(module, [module]))
    }
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"
