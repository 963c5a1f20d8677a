from __future__ import annotations

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from generation.prompting import check_prompt
from generation.prompting.vocab import SPORTS, STYLES
from generation.videos import MAX_PROMPT_CHARS


class VideoPromptForm(forms.Form):
    text = forms.CharField(
        label=_("Your sentence"),
        max_length=MAX_PROMPT_CHARS,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": _("A grandma in a red scarf flies off the ski jump")}),
        error_messages={
            "required": _("Write a sentence first: what should happen in your video?"),
            "max_length": _("Please keep it to %(limit_value)d characters (you wrote %(show_value)d)."),
        },
    )
    sport = forms.ChoiceField(label=_("Sport"), required=False, choices=[("", _("Let Wonder guess"))])
    style = forms.ChoiceField(label=_("Style"), required=False, choices=[("", _("Let Wonder choose"))])

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sport"].choices += list(SPORTS.items())
        self.fields["style"].choices += list(STYLES.items())

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        printable = [ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C"]
        if len(printable) < len(text) * 0.9:
            raise forms.ValidationError(_("That doesn't look like text. Please write a sentence."))
        text = "".join(printable).strip()
        if not text:
            raise forms.ValidationError(_("Write a sentence first: what should happen in your video?"))
        verdict = check_prompt(text)
        if verdict.action == "block":
            raise forms.ValidationError(verdict.message)
        return text
