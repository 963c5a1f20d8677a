"""Forms of the kiosk (the quiz, the language) and of the staff page (a zone's status)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import quiz


def _choices(vocabulary: dict[str, Any]) -> list[tuple[str, Any]]:
    return list(vocabulary.items())


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=settings.LANGUAGES)


class QuizForm(forms.Form):
    """Every question is a set of big tap targets; nothing needs a keyboard."""

    interests = forms.MultipleChoiceField(
        label=_("What do you love?"),
        choices=_choices(quiz.INTERESTS),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tap at least one thing you love.")},
    )
    sport = forms.ChoiceField(
        label=_("Your favourite winter sport"),
        choices=[(quiz.NO_SPORT, _("No favourite")), *_choices(quiz.SPORTS)],
        widget=forms.RadioSelect,
        required=False,
    )
    mood = forms.ChoiceField(
        label=_("How do you feel today?"),
        choices=_choices(quiz.MOODS),
        widget=forms.RadioSelect,
        error_messages={"required": _("Tap the mood that fits you best.")},
    )
    minutes = forms.ChoiceField(
        label=_("How much time do you have?"),
        choices=_choices(quiz.MINUTES),
        widget=forms.RadioSelect,
        error_messages={"required": _("Tap how much time you have.")},
    )
    group = forms.ChoiceField(
        label=_("Who is with you?"),
        choices=_choices(quiz.GROUPS),
        widget=forms.RadioSelect,
        error_messages={"required": _("Tap who is visiting with you.")},
    )
    # Asked, not assumed: a family of two fits where a family of four does not.
    party_size = forms.ChoiceField(
        label=_("How many of you, yourself included?"),
        choices=[(str(n), str(n)) for n in range(1, quiz.MAX_PARTY + 1)],
        widget=forms.RadioSelect,
        required=False,
    )
    needs = forms.MultipleChoiceField(
        label=_("Anything we should take care of?"),
        choices=_choices(quiz.NEEDS),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        group, size = data.get("group"), data.get("party_size")
        if group == "alone":
            data["party_size"] = "1"
        elif group and (not size or int(size) < 2):
            self.add_error("party_size", _("Tap how many of you are visiting together (at least two)."))
        return data

    def answers(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "party_size": int(data["party_size"]),
            "interests": list(data["interests"]),
            "sport": data.get("sport") or None,
            "mood": data["mood"],
            "minutes": int(data["minutes"]),
            "group": data["group"],
            "needs": list(data.get("needs") or []),
        }


class ZoneStatusForm(forms.Form):
    is_open = forms.BooleanField(required=False)
    queue_minutes = forms.IntegerField(min_value=0, max_value=240)
