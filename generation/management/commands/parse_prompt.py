"""``manage.py parse_prompt [--json] [--sport SLUG] "<text>"``: show how a fan's prompt is understood."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandParser

from generation.prompting import SPORTS, check_prompt, parse_prompt


class Command(BaseCommand):
    help = "Parse one fan prompt (any language) into sport, subject, mood, style, camera and an English prompt."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", help="The fan's sentence, in any language.")
        parser.add_argument("--json", action="store_true", help="Print exactly one JSON object (DESIGN.md).")
        parser.add_argument("--sport", choices=sorted(SPORTS), help="The sport picked in the form, if any.")

    def handle(self, *args, **options) -> None:
        parsed = parse_prompt(options["text"], sport_hint=options.get("sport"))
        if options["json"]:
            self.stdout.write(json.dumps(parsed.to_dict(), ensure_ascii=False))
            return
        verdict = check_prompt(options["text"])
        data = parsed.to_dict()
        width = max(len(k) for k in data)
        for key, value in data.items():
            if key == "prompt_en":
                continue
            shown = ", ".join(value) if isinstance(value, list) else ("-" if value is None else value)
            self.stdout.write(f"{key:<{width}}  {shown}")
        self.stdout.write(
            f"{'safety':<{width}}  {verdict.action}" + (f" ({verdict.category})" if verdict.category else "")
        )
        self.stdout.write("")
        self.stdout.write(parsed.prompt_en)
