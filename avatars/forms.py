"""Forms of the avatar flow: the photo, the look (style, sport, name) and the phone upload."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from generation.prompting.validators import validate_public_text

from .bases import base_choices
from .models import Avatar
from .services import SPORT_SLUGS


def sport_choices() -> list[tuple[str, object]]:
    try:
        from generation.prompting.vocab import SPORTS
    except ImportError:
        return [(slug, slug.replace("-", " ").capitalize()) for slug in SPORT_SLUGS]
    return [(slug, SPORTS.get(slug, slug)) for slug in SPORT_SLUGS]


class PhotoForm(forms.Form):
    """One photo; its bytes are checked by ``avatars.faces.open_photo``, never its name or declared type."""

    photo = forms.FileField(label=_("Your photo"), allow_empty_file=True)


class LookForm(forms.Form):
    style = forms.ChoiceField(
        label=_("Style"), choices=Avatar.Style.choices, widget=forms.RadioSelect, initial=Avatar.Style.CARTOON
    )
    sport = forms.ChoiceField(
        label=_("Sport"), choices=sport_choices, widget=forms.RadioSelect, initial="alpine-skiing"
    )
    name = forms.CharField(
        label=_("Name on your poster"),
        max_length=24,
        required=False,
        validators=[validate_public_text],
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class BaseForm(forms.Form):
    base = forms.ChoiceField(choices=base_choices, widget=forms.RadioSelect)


class PhoneUploadForm(PhotoForm, LookForm):
    """The take-home page's upload: consent is a box to tick, next to the photo."""

    consent = forms.BooleanField(
        label=_("I agree that my photo is used only to make my avatar and is deleted automatically."),
        required=True,
    )
