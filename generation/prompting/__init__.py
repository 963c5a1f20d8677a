"""Prompt understanding and prompt safety for fan-written video prompts (DESIGN.md "Prompt understanding").

Public API::

    parse_prompt(text, *, sport_hint=None) -> ParsedPrompt     # ParsedPrompt.to_dict() is the JSON contract
    expand_prompt(parsed) -> str                               # 80-100 English words (LLM if configured)
    template_prompt(parsed) -> str                             # the deterministic template alone
    check_prompt(text) -> SafetyVerdict                        # allow / flag / block
    SPORTS, EMOTIONS, STYLES, CAMERAS, PARA_SPORTS, DEFAULT_STYLE  # slug -> translatable label
"""

from .expand import expand_prompt, template_prompt
from .parse import ParsedPrompt, parse_prompt
from .safety import SafetyVerdict, check_prompt
from .vocab import CAMERAS, DEFAULT_STYLE, EMOTIONS, PARA_SPORTS, SPORTS, STYLES, choices

__all__ = [
    "CAMERAS",
    "DEFAULT_STYLE",
    "EMOTIONS",
    "PARA_SPORTS",
    "SPORTS",
    "STYLES",
    "ParsedPrompt",
    "SafetyVerdict",
    "check_prompt",
    "choices",
    "expand_prompt",
    "parse_prompt",
    "template_prompt",
]
