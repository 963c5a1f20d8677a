from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from gallery import services as moderation

from . import services
from .models import ArenaBoard, Comparison, Contest, Entry, Fan, JuryScore, Vote


@admin.register(Fan)
class FanAdmin(admin.ModelAdmin):
    list_display = ["display_name", "user", "country", "language", "flagged", "created"]
    list_filter = ["flagged", "language"]
    search_fields = ["display_name", "user__email"]
    actions = ["flag", "unflag"]

    @admin.action(description=_("Flag: keep their votes but stop counting them"))
    def flag(self, request, queryset):
        for fan in queryset:
            services.flag_fan(user=fan.user, flagged=True, reason=_("Flagged by %(user)s") % {"user": request.user})

    @admin.action(description=_("Clear the flag: count their votes again"))
    def unflag(self, request, queryset):
        for fan in queryset:
            services.flag_fan(user=fan.user, flagged=False)


@admin.register(Contest)
class ContestAdmin(admin.ModelAdmin):
    list_display = ["title", "submissions_open", "voting_close", "results_at", "announced"]
    prepopulated_fields = {"slug": ["title"]}
    actions = ["announce"]

    @admin.action(description=_("Announce the results (jury and public mix)"))
    def announce(self, request, queryset):
        for contest in queryset:
            try:
                moderation.announce_results(contest_id=contest.pk, by=request.user)
            except services.ContestError as exc:
                self.message_user(request, f"{contest}: {exc.message}", messages.ERROR)


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ["title", "contest", "author", "sport", "state", "likes", "dislikes", "comparisons", "created"]
    list_filter = ["state", "contest", "sport"]
    search_fields = ["title", "author__email"]
    raw_id_fields = ["author"]
    # State, video and decision change only through the moderation actions (gallery.services): audited, claims
    # checked, reports closed, screens told. A form field would be a side door around all of that.
    readonly_fields = [
        "state",
        "job",
        "decided",
        "decided_by",
        "likes",
        "dislikes",
        "wilson",
        "comparisons",
        "final_score",
        "final_rank",
    ]
    actions = ["approve", "reject_off_topic", "reject_unsafe", "shortlist"]

    def _each(self, request, queryset, call, done):
        count = 0
        for entry in queryset:
            try:
                call(entry)
                count += 1
            except services.ContestError as exc:
                self.message_user(request, f"{entry}: {exc.message}", messages.ERROR)
        if count:
            self.message_user(request, done % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Approve: make public"))
    def approve(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda e: moderation.approve(entry_id=e.pk, moderator=request.user),
            _("%(count)d entries approved."),
        )

    @admin.action(description=_("Reject: not about winter sports"))
    def reject_off_topic(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda e: moderation.reject(entry_id=e.pk, moderator=request.user, reason=Entry.RejectReason.OFF_TOPIC),
            _("%(count)d entries rejected."),
        )

    @admin.action(description=_("Reject: unsafe or offensive"))
    def reject_unsafe(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda e: moderation.reject(entry_id=e.pk, moderator=request.user, reason=Entry.RejectReason.UNSAFE),
            _("%(count)d entries rejected."),
        )

    @admin.action(description=_("Shortlist for the jury"))
    def shortlist(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda e: moderation.shortlist(entry_id=e.pk, moderator=request.user),
            _("%(count)d entries shortlisted."),
        )


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ["entry", "voter", "value", "counted", "ip_hash", "created"]
    list_filter = ["counted", "value"]
    raw_id_fields = ["entry", "voter"]

    def has_change_permission(self, request, obj=None):
        return False  # the audit record is not edited by hand


@admin.register(Comparison)
class ComparisonAdmin(admin.ModelAdmin):
    list_display = ["a", "b", "outcome", "voter", "counted", "ip_hash", "created"]
    list_filter = ["counted", "sport", "outcome"]
    raw_id_fields = ["a", "b", "voter"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(JuryScore)
class JuryScoreAdmin(admin.ModelAdmin):
    list_display = ["entry", "judge", "criterion", "value"]
    raw_id_fields = ["entry", "judge"]


@admin.register(ArenaBoard)
class ArenaBoardAdmin(admin.ModelAdmin):
    list_display = ["contest", "sport", "comparisons", "computed"]
