"""Every read of the contest: the current contest, quotas, public entries, a fan's history, arena pairs, boards."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from generation.models import Job
from generation.prompting.vocab import SPORTS

from .models import ArenaBoard, Comparison, Contest, Entry
from .pairing import choose_pair


@dataclass(frozen=True)
class Quota:
    limit: int
    used: int

    @property
    def left(self) -> int:
        return max(self.limit - self.used, 0)

    @property
    def exhausted(self) -> bool:
        return self.used >= self.limit


def current_contest(now: datetime | None = None) -> Contest | None:
    """The contest fans see: the latest one that has opened and not yet published its results, else the latest."""
    now = now or timezone.now()
    live = Contest.objects.filter(submissions_open__lte=now, announced__isnull=True).order_by("-submissions_open")
    return live.first() or Contest.objects.filter(submissions_open__lte=now).order_by("-submissions_open").first()


def _start_of_day() -> datetime:
    today = timezone.localdate()
    return timezone.make_aware(datetime.combine(today, time.min))


def generation_quota(*, user: Any, session_key: str | None) -> Quota:
    """Videos made today against the daily limit: per fan, or per browser session for visitors.

    A video that failed does not count: every failure after the prompt was accepted is ours (a full disk, a lost
    worker), and a fan should not lose a try to it."""
    since = _start_of_day()
    videos = Job.objects.filter(kind="video", created__gte=since).exclude(status=Job.Status.FAILED)
    if user is not None and user.is_authenticated:
        return Quota(settings.WONDER_GENERATIONS_PER_DAY, videos.filter(owner=user).count())
    used = videos.filter(session_key=session_key, owner__isnull=True).count() if session_key else 0
    return Quota(settings.WONDER_ANON_GENERATIONS_PER_DAY, used)


def entry_quota(*, user: Any, contest: Contest) -> Quota:
    """Entries in this contest against its rule; rejected entries give their place back."""
    used = Entry.objects.filter(contest=contest, author=user).exclude(state=Entry.State.REJECTED).count()
    return Quota(contest.max_entries_per_fan, used)


def counts_hidden(contest: Contest) -> bool:
    return settings.WONDER_HIDE_COUNTS_DURING_VOTING and contest.accepts_votes()


# What a card shows (on a list page or in the API's list), for ``QuerySet.only``: building each row's job prompt
# and spec, its author's account and a dozen dates took a third of a 60-card page's time, for nothing shown.
CARD_FIELDS = (
    *("id", "title", "sport", "state", "likes", "dislikes", "wilson", "comparisons", "submitted", "final_rank"),
    *("created", "contest_id", "author_id", "job_id"),
    *("job__id", "job__kind", "job__status", "job__result"),
    *("author__id", "author__fan__id", "author__fan__user_id", "author__fan__display_name", "author__fan__country"),
)


def cards(entries: QuerySet[Entry]) -> QuerySet[Entry]:
    """``entries`` loaded for cards: with their job's files and their author's public name, and nothing else."""
    return entries.select_related("job", "author__fan").only(*CARD_FIELDS)


def public_entries(contest: Contest, *, sport: str | None = None, order: str = "top") -> QuerySet[Entry]:
    """Approved, shortlisted and winning entries, loaded for cards (:func:`cards`); "top" by the Wilson lower
    bound of likes, else newest first."""
    entries = cards(Entry.objects.filter(contest=contest, state__in=Entry.PUBLIC))
    if sport:
        entries = entries.filter(sport=sport)
    # While counts are hidden, an order by score would give them away: newest first instead.
    if order == "top" and not counts_hidden(contest):
        return entries.order_by("-wilson", "-likes", "-submitted", "-pk")
    return entries.order_by("-submitted", "-pk")


def visible_entry(entry_id: int, user: Any) -> Entry | None:
    """An entry's page: anyone once it is public; before that its author and staff only."""
    entry = Entry.objects.select_related("job", "contest", "author__fan").filter(pk=entry_id).first()
    if entry is None:
        return None
    if entry.is_public:
        return entry
    if user is not None and user.is_authenticated and (user.pk == entry.author_id or user.is_staff):
        return entry
    return None


def fan_history(user: Any, *, limit: int = 50) -> list[tuple[Job, list[Entry]]]:
    """A fan's videos, newest first, each with the entries made from it."""
    videos = list(Job.objects.filter(owner=user, kind="video").order_by("-created")[:limit])
    entries: dict[Any, list[Entry]] = {}
    for entry in Entry.objects.filter(job__in=videos).select_related("contest"):
        entries.setdefault(entry.job_id, []).append(entry)
    return [(job, entries.get(job.pk, [])) for job in videos]


def my_votes(user: Any, entries: list[Entry]) -> dict[int, int]:
    if user is None or not user.is_authenticated:
        return {}
    from .models import Vote

    return dict(Vote.objects.filter(voter=user, entry__in=entries).values_list("entry_id", "value"))


def arena_sports(contest: Contest) -> list[str]:
    """Sports with at least two public entries: the arena only compares like with like."""
    sports: dict[str, int] = {}
    for sport in Entry.objects.filter(contest=contest, state__in=Entry.PUBLIC).values_list("sport", flat=True):
        sports[sport] = sports.get(sport, 0) + 1
    return sorted(s for s, n in sports.items() if n >= 2)


def arena_pair(
    *, user: Any, contest: Contest, sport: str | None = None, rng: random.Random | None = None
) -> tuple[Entry, Entry] | None:
    """Two public entries of one sport for this fan, left/right order randomised; None when there is no pair.

    Pairs come from ``contest.pairing.choose_pair``: entries short of comparisons first, then close pairs.
    The fan's own entries and pairs they already judged are left out.
    """
    rng = rng or random.Random()
    sports = [sport] if sport else arena_sports(contest)
    rng.shuffle(sports)
    judged = {(a, b) for a, b in Comparison.objects.filter(voter=user, contest=contest).values_list("a_id", "b_id")}
    for candidate_sport in sports:
        # The choice needs only ids and comparison counts; the two chosen entries are loaded whole afterwards
        # (loading every entry of the sport with its job and author was most of this request's time).
        comparisons = dict(
            Entry.objects.filter(contest=contest, sport=candidate_sport, state__in=Entry.PUBLIC)
            .exclude(author=user)
            .values_list("pk", "comparisons")
        )
        if len(comparisons) < 2:
            continue
        board = ArenaBoard.objects.filter(contest=contest, sport=candidate_sport).first()
        intervals = {row["item"]: (row["low"], row["high"]) for row in (board.rows if board else [])}
        pair = choose_pair(
            sorted(comparisons),
            comparisons,
            intervals,
            exclude=judged,
            min_comparisons=settings.WONDER_ARENA_MIN_COMPARISONS,
            rng=rng,
        )
        if pair is None:
            continue
        chosen = Entry.objects.filter(state__in=Entry.PUBLIC).select_related("job", "author__fan").in_bulk(pair)
        if len(chosen) < 2:
            continue  # taken down in between
        return chosen[pair[0]], chosen[pair[1]]  # choose_pair already randomised the order
    return None


def board(contest: Contest, sport: str) -> ArenaBoard | None:
    return ArenaBoard.objects.filter(contest=contest, sport=sport).first()


def boards(contest: Contest) -> list[ArenaBoard]:
    return list(ArenaBoard.objects.filter(contest=contest).order_by("sport"))


def results(contest: Contest) -> list[Entry]:
    """The ranked shortlist once results are published; nothing before."""
    if not contest.announced:
        return []
    return list(
        Entry.objects.filter(contest=contest, final_rank__isnull=False)
        .filter(Q(state=Entry.State.WINNER) | Q(state=Entry.State.SHORTLISTED))
        .select_related("job", "author__fan")
        .order_by("final_rank")
    )


def published_result(contest: Contest) -> dict[str, Any]:
    """What the public "How winners are chosen" page shows: the contest's formula settings and, once announced,
    the frozen result (each finalist's three components with intervals) and the arena's comparison counts."""
    from scipy.special import expit

    from .models import ResultSnapshot

    total = contest.jury_weight + contest.arena_weight + contest.public_weight or 1.0
    shares = {
        "jury": round(100 * contest.jury_weight / total),
        "arena": round(100 * contest.arena_weight / total),
        "public": round(100 * contest.public_weight / total),
    }
    snapshot = ResultSnapshot.objects.filter(contest=contest).first() if contest.announced else None
    rows: list[dict[str, Any]] = []
    arena: list[dict[str, Any]] = []
    if snapshot is not None:
        entries = {
            e.pk: e
            for e in Entry.objects.filter(pk__in=[r["item"] for r in snapshot.rows]).select_related("author__fan")
        }
        for row in snapshot.rows:
            entry = entries.get(row["item"])
            if entry is None:
                continue
            strength = row["arena"]
            rows.append(
                {
                    **row,
                    "entry": entry,
                    "winner": row["place"] <= contest.winners_count,
                    # sigmoid(strength): the chance to beat an average entry of the same sport.
                    "beat_average": float(expit(strength["value"])),
                    "beat_low": float(expit(strength["low"])),
                    "beat_high": float(expit(strength["high"])),
                }
            )
        for sport, data in sorted(snapshot.inputs.get("arena", {}).items()):
            arena.append(
                {
                    "sport": SPORTS.get(sport, sport),
                    "entries": len(data["items"]),
                    "comparisons": len(data["comparisons"]),
                }
            )
    return {"shares": shares, "snapshot": snapshot, "rows": rows, "arena": arena}
