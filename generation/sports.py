"""The 16 sports of the Games (DESIGN.md slugs), with display names for the UI."""

from django.utils.translation import gettext_lazy as _

SPORTS: dict[str, str] = {
    "alpine-skiing": _("Alpine skiing"),
    "biathlon": _("Biathlon"),
    "bobsleigh": _("Bobsleigh"),
    "cross-country-skiing": _("Cross-country skiing"),
    "curling": _("Curling"),
    "figure-skating": _("Figure skating"),
    "freestyle-skiing": _("Freestyle skiing"),
    "ice-hockey": _("Ice hockey"),
    "luge": _("Luge"),
    "nordic-combined": _("Nordic combined"),
    "short-track": _("Short track"),
    "skeleton": _("Skeleton"),
    "ski-jumping": _("Ski jumping"),
    "ski-mountaineering": _("Ski mountaineering"),
    "snowboard": _("Snowboard"),
    "speed-skating": _("Speed skating"),
}
