"""Every read of the gallery: the moderation queue, gallery pages (keyset pagination), screens' playlists."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from contest.models import ArenaBoard, Entry
from contest.selectors import cards, counts_hidden, current_contest

from .models import Collection, CollectionItem, Exhibition, ModerationClaim, ModerationLog, PlaylistItem, Report, Screen

# How much each risk signal weighs in the queue order: a flagged prompt, each open report, a new account.
RISK_FLAGGED = 5
RISK_PER_REPORT = 3
RISK_NEW_ACCOUNT = 2
NEW_ACCOUNT_AGE = timedelta(days=7)
PAGE_SIZE = 24
SORTS = ("new", "top", "arena")
FALLBACK_SIZE = 20


def _open_reports() -> QuerySet[Report]:
    return Report.objects.filter(entry=OuterRef("pk"), resolved__isnull=True)


def moderation_queue(*, limit: int = 50, now: datetime | None = None) -> list[Entry]:
    """Submitted entries and reported public ones, riskiest first, then the longest waiting.

    Each entry carries ``risk``, ``open_reports``, ``claim`` (or None) and ``log`` (its audit log, newest first).
    """
    now = now or timezone.now()
    report_count = (
        Report.objects.filter(entry=OuterRef("pk"), resolved__isnull=True)
        .order_by()
        .values("entry")
        .annotate(n=Count("pk"))
        .values("n")
    )
    entries = (
        Entry.objects.filter(Q(state=Entry.State.SUBMITTED) | Q(Exists(_open_reports()), state__in=Entry.PUBLIC))
        .annotate(
            open_reports=Coalesce(Subquery(report_count, output_field=IntegerField()), Value(0)),
            flagged=Case(
                When(job__spec__safety__action="flag", then=Value(RISK_FLAGGED)),
                When(job__spec__safety__action="block", then=Value(RISK_FLAGGED)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            new_account=Case(
                When(author__date_joined__gte=now - NEW_ACCOUNT_AGE, then=Value(RISK_NEW_ACCOUNT)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .annotate(risk=F("flagged") + F("open_reports") * RISK_PER_REPORT + F("new_account"))
        .select_related("job", "author__fan", "contest", "claim__moderator")
        .prefetch_related(
            Prefetch("moderation_log", queryset=ModerationLog.objects.select_related("actor"), to_attr="log"),
            Prefetch("reports", queryset=Report.objects.filter(resolved__isnull=True), to_attr="open_report_rows"),
        )
        .order_by("-risk", "submitted", "pk")[:limit]
    )
    result = list(entries)
    for entry in result:
        claim = getattr(entry, "claim", None) if _has_claim(entry) else None
        entry.active_claim = claim if claim is not None and claim.active(now) else None
    return result


def _has_claim(entry: Entry) -> bool:
    try:
        return entry.claim is not None
    except ModerationClaim.DoesNotExist:
        return False


def queue_entry(entry_id: int) -> Entry | None:
    """One entry of the queue (after a decision, to redraw its card)."""
    entry = (
        Entry.objects.filter(pk=entry_id)
        .select_related("job", "author__fan", "contest")
        .prefetch_related(
            Prefetch("moderation_log", queryset=ModerationLog.objects.select_related("actor"), to_attr="log"),
            Prefetch("reports", queryset=Report.objects.filter(resolved__isnull=True), to_attr="open_report_rows"),
        )
        .first()
    )
    if entry is not None:
        entry.active_claim = None
        entry.open_reports = len(entry.open_report_rows)
    return entry


# --- The public gallery ----------------------------------------------------------------------------------------


@dataclass
class GalleryPage:
    entries: list[Entry]
    next_cursor: str | None
    sort: str
    filters: dict[str, str] = field(default_factory=dict)


def encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> list[Any] | None:
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except ValueError:
        return None
    return values if isinstance(values, list) and len(values) == 2 else None


def public_queryset(filters: dict[str, str]) -> QuerySet[Entry]:
    """Public entries of every contest, narrowed by sport, the creator's country, the prompt's language and style."""
    entries = Entry.objects.filter(state__in=Entry.PUBLIC)
    if filters.get("sport"):
        entries = entries.filter(sport=filters["sport"])
    if filters.get("country"):
        entries = entries.filter(author__fan__country=filters["country"].upper())
    if filters.get("language"):
        entries = entries.filter(job__spec__language=filters["language"])
    if filters.get("style"):
        entries = entries.filter(job__spec__style=filters["style"])
    return entries


def scores_hidden() -> bool:
    """True while the current contest hides its like counts (and so any order by them)."""
    contest = current_contest()
    return contest is not None and counts_hidden(contest)


def gallery_page(
    *, filters: dict[str, str], sort: str = "new", cursor: str | None = None, size: int = PAGE_SIZE
) -> GalleryPage:
    """One page of the gallery by keyset on (sort key, id): the same few queries whatever the page number."""
    sort = sort if sort in SORTS else "new"
    if sort == "top" and scores_hidden():  # the order would give the hidden like counts away
        sort = "new"
    if sort == "arena":
        return _arena_page(filters=filters, cursor=cursor, size=size)
    entries = public_queryset(filters)
    key = "submitted" if sort == "new" else "wilson"
    after = decode_cursor(cursor)
    if after is not None:
        value = parse_datetime(after[0]) if key == "submitted" else after[0]
        entries = entries.filter(Q(**{f"{key}__lt": value}) | Q(**{key: value, "pk__lt": after[1]}))
    # Two steps: sort the narrow entry rows alone, then load the page's rows with their joins (job, fan). Joining
    # first makes the database drag every job's JSON through the sort (3x slower at 50,000 entries on SQLite).
    keys = list(entries.order_by(f"-{key}", "-pk").values_list("pk", key)[: size + 1])
    keys, more = keys[:size], len(keys) > size
    rows = cards(Entry.objects.all()).in_bulk([pk for pk, _value in keys])
    page = [rows[pk] for pk, _value in keys if pk in rows]
    next_cursor = None
    if more:
        last_pk, value = keys[-1]
        next_cursor = encode_cursor([value.isoformat() if key == "submitted" else value, last_pk])
    return GalleryPage(entries=page, next_cursor=next_cursor, sort=sort, filters=filters)


def _arena_page(*, filters: dict[str, str], cursor: str | None, size: int) -> GalleryPage:
    """Arena ranks exist per contest and sport (the Bradley-Terry board): rank order of the chosen sport's board."""
    contest = current_contest()
    sport = filters.get("sport")
    board = ArenaBoard.objects.filter(contest=contest, sport=sport).first() if contest and sport else None
    if board is None:
        return gallery_page(filters=filters, sort="top", cursor=cursor, size=size)
    ranked = [row["item"] for row in board.rows if not row.get("hidden")]
    allowed = set(public_queryset(filters).filter(pk__in=ranked).values_list("pk", flat=True))
    ordered = [pk for pk in ranked if pk in allowed]
    after = decode_cursor(cursor)
    start = ordered.index(after[1]) + 1 if after and after[1] in ordered else 0
    chunk = ordered[start : start + size]
    by_pk = cards(Entry.objects.all()).in_bulk(chunk)
    page = [by_pk[pk] for pk in chunk if pk in by_pk]
    more = start + size < len(ordered)
    next_cursor = encode_cursor([start + size, chunk[-1]]) if more and chunk else None
    return GalleryPage(entries=page, next_cursor=next_cursor, sort="arena", filters=filters)


def public_entry(entry_id: int) -> Entry | None:
    return Entry.objects.filter(pk=entry_id, state__in=Entry.PUBLIC).select_related("job", "author__fan").first()


# --- The museum ------------------------------------------------------------------------------------------------


def screen_playlist(screen: Screen, now: datetime | None = None) -> tuple[str, list[Entry]]:
    """What a screen plays: its own playlist, else a running exhibition, else the fallback loop; public only."""
    now = now or timezone.now()
    related = ("entry__job", "entry__author__fan")
    items = PlaylistItem.objects.filter(screen=screen, entry__state__in=Entry.PUBLIC).select_related(*related)
    own = [item.entry for item in items]
    if own:
        return "playlist", own
    exhibition = (
        Exhibition.objects.filter(start__lte=now, end__gt=now)
        .filter(Q(screens=screen) | Q(screens__isnull=True))
        .order_by("-start", "-pk")
        .first()
    )
    if exhibition is not None:
        shown = [
            item.entry
            for item in CollectionItem.objects.filter(
                collection_id=exhibition.collection_id, entry__state__in=Entry.PUBLIC
            ).select_related(*related)
        ]
        if shown:
            return "exhibition", shown
    return "fallback", fallback_loop()


def fallback_loop(size: int = FALLBACK_SIZE) -> list[Entry]:
    """When nothing is scheduled: winners first, then the shortlist, then the latest approved entries."""
    award = Case(
        When(state=Entry.State.WINNER, then=Value(0)),
        When(state=Entry.State.SHORTLISTED, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return list(
        Entry.objects.filter(state__in=Entry.PUBLIC)
        .select_related("job", "author__fan")
        .annotate(award=award)
        .order_by("award", "final_rank", "-submitted", "-pk")[:size]
    )


def winners() -> list[Entry]:
    return list(
        Entry.objects.filter(state=Entry.State.WINNER)
        .select_related("job", "author__fan", "contest")
        .order_by("-contest__results_at", "final_rank", "pk")
    )


def playlist_version(entries: list[Entry]) -> str:
    """Changes whenever the screen should reload: the order, the titles or a video changed."""
    text = "|".join(f"{e.pk}:{e.state}:{e.title}:{e.job_id}" for e in entries)
    return hashlib.sha1(text.encode()).hexdigest()[:16]  # noqa: S324  (a version tag, not security)


def screens() -> list[Screen]:
    return list(Screen.objects.select_related("now_playing").order_by("name"))


def film_collections() -> QuerySet[Collection]:
    """Collections with how many of their clips are public (only those go into the film)."""
    return Collection.objects.annotate(
        clip_count=Count("items", filter=Q(items__entry__state__in=Entry.PUBLIC))
    ).order_by("-created")
