from django.contrib import admin

from .models import RecommendationItem, Visit, VisitStats, Zone, ZoneStatus, ZoneStatusChange


class ZoneStatusInline(admin.StackedInline):
    model = ZoneStatus
    readonly_fields = ("updated_at", "updated_by")


@admin.register(Zone)
class ZoneAdmin(admin.ModelAdmin):
    list_display = ("slug", "__str__", "dwell_minutes", "capacity", "step_free", "seated", "strobe", "loud", "active")
    list_editable = ("active",)
    list_filter = ("active", "step_free", "seated", "strobe", "loud", "child_friendly")
    search_fields = ("slug",)
    filter_horizontal = ("comes_before",)
    inlines = [ZoneStatusInline]
    fieldsets = (
        (None, {"fields": ("slug", "names", "texts", "position", "active")}),
        ("Visit", {"fields": ("dwell_minutes", "capacity", "hours", "x", "y")}),
        ("Accessibility", {"fields": ("step_free", "seated", "strobe", "loud", "child_friendly")}),
        ("Interests", {"fields": ("tags", "sports")}),
        ("Order rules", {"fields": ("is_first", "is_last", "is_mandatory", "comes_before")}),
    )


@admin.register(ZoneStatusChange)
class ZoneStatusChangeAdmin(admin.ModelAdmin):
    list_display = ("zone", "is_open", "queue_minutes", "changed_by", "changed_at", "replanned_visits")
    list_filter = ("zone", "is_open")
    readonly_fields = [f.name for f in ZoneStatusChange._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False  # an audit trail is written by the staff page and the API only


@admin.register(RecommendationItem)
class RecommendationItemAdmin(admin.ModelAdmin):
    list_display = ("slug", "__str__", "category", "active")
    list_filter = ("category", "active")
    search_fields = ("slug",)


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ("token", "language", "plan_version", "created", "finished_at", "expires_at")
    list_filter = ("language",)
    readonly_fields = [f.name for f in Visit._meta.fields]


@admin.register(VisitStats)
class VisitStatsAdmin(admin.ModelAdmin):
    list_display = ("day", "started", "planned", "replanned", "finished", "reset", "expired")
    readonly_fields = [f.name for f in VisitStats._meta.fields]
