"""Fans, contests, entries, votes, arena judgements, jury scores and the cached arena board.

Writes go through :mod:`contest.services`; the invariants that can live in the database do (one vote per fan per
entry, one judgement per fan per pair, scores 1-10, a contest's dates in order).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from generation.models import Job
from generation.prompting.vocab import SPORTS


def site_languages() -> list[tuple[str, str]]:
    """The UI languages (settings.LANGUAGES), read when a form is built: adding one needs no migration."""
    return list(settings.LANGUAGES)


class Fan(models.Model):
    """The public face of an account: what other fans see, and what the site needs to know to be fair."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fan")
    display_name = models.CharField(_("display name"), max_length=40)
    country = CountryField(_("country"), blank=True)
    language = models.CharField(
        _("preferred language"), max_length=16, choices=site_languages, default=settings.LANGUAGE_CODE
    )
    # A flagged fan's votes are kept (and audited) but not counted.
    flagged = models.BooleanField(_("flagged"), default=False)
    flag_reason = models.CharField(_("why flagged"), max_length=200, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("fan")
        verbose_name_plural = _("fans")

    def __str__(self) -> str:
        return self.display_name


class Contest(models.Model):
    class Phase(models.TextChoices):
        UPCOMING = "upcoming", _("Opens soon")
        SUBMISSIONS = "submissions", _("Submissions")
        VOTING = "voting", _("Voting")
        JUDGING = "judging", _("Judging")
        RESULTS = "results", _("Results")

    slug = models.SlugField(unique=True)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    # Submissions and voting may overlap (fans vote on approved entries while others still enter).
    submissions_open = models.DateTimeField(_("submissions open"))
    submissions_close = models.DateTimeField(_("submissions close"))
    voting_open = models.DateTimeField(_("voting opens"))
    voting_close = models.DateTimeField(_("voting closes"))
    results_at = models.DateTimeField(_("results announced"))
    # Rules.
    max_entries_per_fan = models.PositiveSmallIntegerField(_("entries per fan"), default=3)
    allowed_sports = models.JSONField(
        _("allowed sports"), default=list, blank=True, help_text=_("Sport slugs; empty means every sport.")
    )
    min_video_s = models.FloatField(_("shortest video (s)"), default=2.0)
    max_video_s = models.FloatField(_("longest video (s)"), default=15.0)
    # Judging: criterion slug -> weight; the final score mixes jury and public with jury_weight.
    criteria = models.JSONField(_("jury criteria"), default=dict, blank=True)
    jury_weight = models.FloatField(_("jury share of the final score"), default=0.7)
    # The published formula (contest/ranking.py combined_results): the three weights are normalised to sum 1.
    arena_weight = models.FloatField(_("arena share of the final score"), default=0.2)
    public_weight = models.FloatField(_("public vote share of the final score"), default=0.1)
    min_arena_comparisons = models.PositiveSmallIntegerField(
        _("arena comparisons needed to count"),
        default=10,
        help_text=_("A finalist with fewer arena comparisons gets the finalists' median for the arena part."),
    )
    winners_count = models.PositiveSmallIntegerField(_("number of winners"), default=3)
    announced = models.DateTimeField(_("results published"), null=True, blank=True)
    # Who published the results (the audit log has one "announce" row per ranked entry as well).
    announced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        ordering = ["-submissions_open"]
        constraints = [
            models.CheckConstraint(
                condition=Q(submissions_open__lt=F("submissions_close"))
                & Q(voting_open__lt=F("voting_close"))
                & Q(submissions_open__lte=F("voting_open"))
                & Q(submissions_close__lte=F("voting_close"))
                & Q(voting_close__lte=F("results_at")),
                name="contest_dates_in_order",
            ),
            models.CheckConstraint(condition=Q(jury_weight__gte=0) & Q(jury_weight__lte=1), name="contest_jury_0_1"),
            models.CheckConstraint(
                condition=Q(arena_weight__gte=0)
                & Q(arena_weight__lte=1)
                & Q(public_weight__gte=0)
                & Q(public_weight__lte=1),
                name="contest_arena_public_0_1",
            ),
            models.CheckConstraint(
                condition=Q(jury_weight__gt=0) | Q(arena_weight__gt=0) | Q(public_weight__gt=0),
                name="contest_some_weight",
            ),
            models.CheckConstraint(condition=Q(max_entries_per_fan__gte=1), name="contest_entries_at_least_1"),
            models.CheckConstraint(condition=Q(min_video_s__lte=F("max_video_s")), name="contest_video_length"),
        ]

    def __str__(self) -> str:
        return self.title

    def phase(self, now=None) -> str:
        """The one phase to show; while submissions and voting overlap, voting wins."""
        now = now or timezone.now()
        if now >= self.results_at:
            return self.Phase.RESULTS
        if now >= self.voting_close:
            return self.Phase.JUDGING
        if now >= self.voting_open:
            return self.Phase.VOTING
        if now >= self.submissions_open:
            return self.Phase.SUBMISSIONS
        return self.Phase.UPCOMING

    def get_phase_display(self) -> str:
        return self.Phase(self.phase()).label

    def accepts_entries(self, now=None) -> bool:
        now = now or timezone.now()
        return self.submissions_open <= now < self.submissions_close

    def accepts_votes(self, now=None) -> bool:
        now = now or timezone.now()
        return self.voting_open <= now < self.voting_close

    def allows_sport(self, sport: str | None) -> bool:
        return not self.allowed_sports or sport in self.allowed_sports

    def criteria_weights(self) -> dict[str, float]:
        return {str(k): float(v) for k, v in (self.criteria or DEFAULT_CRITERIA).items()}


# Default jury criteria and weights; labels are translated where they are shown.
DEFAULT_CRITERIA = {"creativity": 0.4, "spirit": 0.3, "visual": 0.3}
CRITERIA_LABELS = {
    "creativity": _("Creativity"),
    "spirit": _("Spirit of the sport"),
    "visual": _("Visual quality"),
}


class Entry(models.Model):
    """A fan's video entered in a contest; nothing about it is public before a moderator approves it."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not accepted")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        WINNER = "winner", _("Winner")

    # The guarded state machine; "shortlisted -> approved" takes an entry off the shortlist again.
    TRANSITIONS: dict[str, frozenset[str]] = {
        State.DRAFT: frozenset({State.SUBMITTED}),
        State.SUBMITTED: frozenset({State.APPROVED, State.REJECTED}),
        State.APPROVED: frozenset({State.SHORTLISTED, State.REJECTED}),
        State.SHORTLISTED: frozenset({State.WINNER, State.APPROVED}),
        State.REJECTED: frozenset(),
        State.WINNER: frozenset(),
    }
    PUBLIC = frozenset({State.APPROVED, State.SHORTLISTED, State.WINNER})

    class RejectReason(models.TextChoices):
        OFF_TOPIC = "off_topic", _("Not about winter sports")
        UNSAFE = "unsafe", _("Unsafe or offensive")
        RIGHTS = "rights", _("Uses someone else's likeness or brand")
        QUALITY = "quality", _("Technical problem with the video")
        RULES = "rules", _("Breaks the contest rules")

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="entries")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="entries")
    job = models.ForeignKey(Job, on_delete=models.PROTECT, related_name="entries")
    title = models.CharField(_("title"), max_length=80)
    sport = models.CharField(max_length=32, choices=list(SPORTS.items()), db_index=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.DRAFT)
    rules_accepted = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)
    submitted = models.DateTimeField(null=True, blank=True)
    decided = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reject_reason = models.CharField(max_length=16, choices=RejectReason.choices, blank=True)
    reject_note = models.TextField(blank=True)
    # Counted votes only (flagged fans' votes are stored but not counted); kept by services with F().
    likes = models.PositiveIntegerField(default=0)
    dislikes = models.PositiveIntegerField(default=0)
    wilson = models.FloatField(default=0.0, help_text="Wilson lower bound of likes / votes, for 'top'.")
    comparisons = models.PositiveIntegerField(default=0, help_text="Counted arena judgements involving it.")
    final_score = models.FloatField(null=True, blank=True)
    final_rank = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name_plural = "entries"
        indexes = [
            models.Index(fields=["contest", "state", "sport"], name="entry_board_idx"),
            # The gallery's keyset pages walk entries in these two orders and stop after a page, instead of
            # sorting every public entry per page. (Not partial: SQLite cannot match a partial index's condition
            # against bound parameters, and nearly every entry is public anyway.)
            models.Index(fields=["-submitted", "-id"], name="entry_new_idx"),
            models.Index(fields=["-wilson", "-id"], name="entry_top_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["contest", "job"], name="entry_one_per_job_per_contest"),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "submitted", "approved", "rejected", "shortlisted", "winner"]),
                name="entry_state_valid",
            ),
            models.CheckConstraint(
                condition=~Q(state="rejected") | ~Q(reject_reason=""), name="entry_rejected_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(state="draft") | Q(rules_accepted__isnull=False), name="entry_submitted_accepts_rules"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_sport_display(self) -> str:
        # Replaces Django's generic one, which hashes every (slug, lazy label) choice on each call and so
        # translates all sixteen labels to name one card: a quarter of the time of a 60-card page.
        return str(SPORTS.get(self.sport, self.sport))

    @property
    def is_public(self) -> bool:
        return self.state in self.PUBLIC

    def can_move_to(self, state: str) -> bool:
        return state in self.TRANSITIONS[self.state]

    @property
    def votes(self) -> int:
        return self.likes + self.dislikes


class Vote(models.Model):
    """A like (+1) or a pass (-1) on an entry; the row itself is the audit record."""

    LIKE, PASS = 1, -1

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="vote_rows")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contest_votes")
    value = models.SmallIntegerField(choices=[(LIKE, _("Like")), (PASS, _("Not for me"))])
    counted = models.BooleanField(default=True, help_text="False for votes of flagged fans: kept, not counted.")
    ip_hash = models.CharField(max_length=64, blank=True)
    ua_hash = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "voter"], name="vote_one_per_fan_per_entry"),
            models.CheckConstraint(condition=Q(value__in=[1, -1]), name="vote_value_like_or_pass"),
        ]

    def __str__(self) -> str:
        return f"{self.voter_id} -> {self.entry_id}: {self.value:+d}"


class Comparison(models.Model):
    """One arena judgement between two entries of the same sport; ``a`` is always the lower id."""

    class Outcome(models.TextChoices):
        A = "a", _("First entry")
        B = "b", _("Second entry")
        TIE = "tie", _("Tie")

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="comparisons")
    sport = models.CharField(max_length=32, db_index=True)
    a = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="+")
    b = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="+")
    outcome = models.CharField(max_length=3, choices=Outcome.choices)
    a_shown_left = models.BooleanField(default=True, help_text="Which side ``a`` was shown on (position bias).")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="arena_judgements")
    counted = models.BooleanField(default=True)
    ip_hash = models.CharField(max_length=64, blank=True)
    ua_hash = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["voter", "a", "b"], name="comparison_once_per_fan_per_pair"),
            models.CheckConstraint(condition=Q(a__lt=F("b")), name="comparison_a_before_b"),
            models.CheckConstraint(condition=Q(outcome__in=["a", "b", "tie"]), name="comparison_outcome_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.a_id} vs {self.b_id}: {self.outcome}"


class ArenaBoard(models.Model):
    """The Bradley-Terry board of one contest and sport, computed by a task and read by every request."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="boards")
    sport = models.CharField(max_length=32)
    computed = models.DateTimeField(default=timezone.now)
    comparisons = models.PositiveIntegerField(default=0, help_text="Counted judgements the fit used.")
    rows = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["contest", "sport"], name="board_one_per_sport")]

    def __str__(self) -> str:
        return f"{self.contest} / {self.sport}"


class JuryScore(models.Model):
    """One juror's 1-10 score of one shortlisted entry on one criterion."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="jury_scores")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jury_scores")
    criterion = models.CharField(max_length=32)
    value = models.PositiveSmallIntegerField()
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "judge", "criterion"], name="score_once_per_judge"),
            models.CheckConstraint(condition=Q(value__gte=1) & Q(value__lte=10), name="score_1_10"),
        ]

    def __str__(self) -> str:
        return f"{self.judge_id} {self.entry_id} {self.criterion}={self.value}"


class ResultSnapshot(models.Model):
    """The published result frozen with every input it came from, so a moderator can re-check it later
    (:func:`contest.services.recheck_results`): the weights, each finalist's judges' z-scores, the arena
    comparisons of the finalists' sports, the votes, and the computed places; ``digest`` is the SHA-256 of the
    inputs as stored."""

    contest = models.OneToOneField(Contest, on_delete=models.CASCADE, related_name="result_snapshot")
    created = models.DateTimeField(default=timezone.now)
    announced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    formula = models.CharField(max_length=40)
    inputs = models.JSONField(default=dict)
    rows = models.JSONField(default=list, help_text="The published places, best first, with their components.")
    digest = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"{self.contest} ({self.formula}, {self.digest[:12]})"
