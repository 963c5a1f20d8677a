from __future__ import annotations

import unicodedata

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from generation.prompting import check_prompt
from generation.prompting.validators import validate_public_text
from generation.prompting.vocab import EMOTIONS, MAX_PROMPT_CHARS, SPORTS, STYLES

from .services import SURPRISE


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
    sport = forms.ChoiceField(label=_("Sport"), required=False, choices=[("", _("From my sentence"))])
    style = forms.ChoiceField(label=_("Style"), required=False, choices=[("", _("Let Wonder choose"))])
    emotion = forms.ChoiceField(label=_("Mood"), required=False, choices=[("", _("Let Wonder choose"))])
    subject = forms.CharField(label=_("Who or what"), required=False, max_length=80)
    # "Try again with a new seed" posts the same sentence and chips; the seed is always new.
    again = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sport"].choices += [*SPORTS.items(), (SURPRISE, _("Surprise me"))]
        self.fields["style"].choices += list(STYLES.items())
        self.fields["emotion"].choices += list(EMOTIONS.items())

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


class ParseForm(forms.Form):
    """The live parse while typing: lenient, it never shows errors, it just understands what it can."""

    # No length limit here: the parser reads the first MAX_PROMPT_CHARS; the real form says when it is too long.
    text = forms.CharField(required=False)
    sport = forms.CharField(required=False)
    style = forms.CharField(required=False)
    emotion = forms.CharField(required=False)
    subject = forms.CharField(required=False, max_length=80)


class FanSignupForm(forms.Form):
    """Extra sign-up fields (allauth's ``ACCOUNT_SIGNUP_FORM_CLASS``): the fan's profile."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=40,
        validators=[validate_public_text],
        help_text=_("Shown with your entries."),
        error_messages={"required": _("Please choose a name to show with your entries.")},
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Prefer not to say"))] + list(countries)

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Please choose a name to show with your entries."))
        return name

    def signup(self, request, user) -> None:
        from .models import Fan

        Fan.objects.update_or_create(
            user=user,
            defaults={
                "display_name": self.cleaned_data["display_name"],
                "country": self.cleaned_data.get("country") or "",
                "language": self.cleaned_data.get("language") or request.LANGUAGE_CODE or settings.LANGUAGE_CODE,
            },
        )


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Display name"), max_length=40, validators=[validate_public_text])
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Prefer not to say"))] + list(countries)


class EntryForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=80,
        validators=[validate_public_text],
        error_messages={"required": _("Give your entry a title.")},
    )
    accept_rules = forms.BooleanField(
        label=_("I made this with Wonder, I accept the contest rules, and it may be shown publicly once approved."),
        error_messages={"required": _("Please accept the contest rules to enter.")},
    )
