"""The contest over DRF (session or token auth): generate, enter, vote, arena, boards, jury scores, results.

Thin: an input serializer, one service or selector call, an output serializer. A refused action answers
``{"error": code, "message": translated text}`` with a 4xx status.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAdminUser, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from generation.api import JobSnapshotSerializer
from generation.prompting.vocab import EMOTIONS, MAX_PROMPT_CHARS, SPORTS, STYLES
from wonder import clients

from . import selectors, services
from .models import Contest, Entry, Vote


class ErrorSerializer(serializers.Serializer):
    error = serializers.CharField()
    message = serializers.CharField()
    # Only with ``sport_needed``: the text does not settle the sport; these compete (empty: it names none).
    sport_needs_choice = serializers.BooleanField(required=False)
    sport_candidates = serializers.ListField(child=serializers.CharField(), required=False)


def _contest() -> Contest:
    contest = selectors.current_contest()
    if contest is None:
        raise Http404(_("There is no contest right now."))
    return contest


def _ip(request: Request) -> str:
    return clients.client_ip(request._request)


def _ua(request: Request) -> str:
    return clients.user_agent(request._request)


class _ContestErrorView(APIView):
    def handle_exception(self, exc):
        if isinstance(exc, services.ContestError):
            return Response({"error": exc.code, "message": exc.message, **exc.details}, status=exc.status)
        return super().handle_exception(exc)


class ContestAPIView(_ContestErrorView):
    def initial(self, request: Request, *args, **kwargs) -> None:
        # An id in the path past 2**63 overflows the database driver (a 500 with a traceback): no such object.
        if any(isinstance(value, int) and not 0 <= value < 2**63 for value in kwargs.values()):
            raise Http404
        super().initial(request, *args, **kwargs)

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        # A 429 says when to come back (RFC 9110 Retry-After), so well-behaved clients back off.
        retry_after = getattr(exc, "retry_after", None)
        if retry_after:
            response["Retry-After"] = str(int(retry_after))
        return response


# --- Output -----------------------------------------------------------------------------------------------------


class EntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    sport = serializers.CharField()
    state = serializers.CharField()
    author = serializers.SerializerMethodField()
    country = serializers.SerializerMethodField()
    video = serializers.SerializerMethodField()
    poster = serializers.SerializerMethodField()
    likes = serializers.SerializerMethodField()
    dislikes = serializers.SerializerMethodField()
    wilson = serializers.SerializerMethodField()
    comparisons = serializers.IntegerField()
    submitted = serializers.DateTimeField(allow_null=True)
    final_rank = serializers.IntegerField(allow_null=True)

    def _hidden(self, entry: Entry) -> bool:
        # A list's entries share one contest: its view says once (``context["counts_hidden"]``) rather than each
        # row loading its contest.
        if "counts_hidden" in self.context:
            return self.context["counts_hidden"]
        return selectors.counts_hidden(entry.contest)

    def get_author(self, entry: Entry) -> str:
        fan = getattr(entry.author, "fan", None)
        return fan.display_name if fan else ""

    def get_country(self, entry: Entry) -> str:
        fan = getattr(entry.author, "fan", None)
        return str(fan.country) if fan and fan.country else ""

    def _file(self, entry: Entry, role: str) -> str | None:
        return entry.job.public_file_url(role)

    def get_video(self, entry: Entry) -> str | None:
        return self._file(entry, "video")

    def get_poster(self, entry: Entry) -> str | None:
        return self._file(entry, "poster")

    def get_likes(self, entry: Entry) -> int | None:
        return None if self._hidden(entry) else entry.likes

    def get_dislikes(self, entry: Entry) -> int | None:
        return None if self._hidden(entry) else entry.dislikes

    def get_wilson(self, entry: Entry) -> float | None:
        return None if self._hidden(entry) else round(entry.wilson, 4)


class VoteSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    entry = serializers.IntegerField(source="entry_id")
    value = serializers.IntegerField()
    counted = serializers.BooleanField()
    created = serializers.DateTimeField()


class BlindEntrySerializer(serializers.Serializer):
    """One side of an arena pair: the video and its sport, nothing that names or places its maker (no title either:
    titles are often signed), so judgements rest on the video alone."""

    id = serializers.IntegerField()
    sport = serializers.CharField()
    video = serializers.SerializerMethodField()
    poster = serializers.SerializerMethodField()

    def get_video(self, entry: Entry) -> str | None:
        return EntrySerializer()._file(entry, "video")

    def get_poster(self, entry: Entry) -> str | None:
        return EntrySerializer()._file(entry, "poster")


class PairSerializer(serializers.Serializer):
    left = BlindEntrySerializer()
    right = BlindEntrySerializer()
    pair = serializers.CharField(help_text="Signed ticket to send back with the judgement.")


class BoardRowSerializer(serializers.Serializer):
    entry = serializers.IntegerField()
    title = serializers.CharField()
    rank = serializers.IntegerField(allow_null=True)
    score = serializers.FloatField(allow_null=True)
    low = serializers.FloatField(allow_null=True)
    high = serializers.FloatField(allow_null=True)
    comparisons = serializers.IntegerField()
    tied_with = serializers.ListField(child=serializers.IntegerField(), required=False)


class BoardSerializer(serializers.Serializer):
    sport = serializers.CharField()
    computed = serializers.DateTimeField()
    comparisons = serializers.IntegerField()
    rows = serializers.SerializerMethodField()

    def get_rows(self, board) -> list[dict]:
        return [row for row in board.rows if row.get("rank") is not None]


class QuotaSerializer(serializers.Serializer):
    limit = serializers.IntegerField()
    used = serializers.IntegerField()
    left = serializers.IntegerField()


# --- Views ------------------------------------------------------------------------------------------------------


class VideoInput(serializers.Serializer):
    text = serializers.CharField(max_length=MAX_PROMPT_CHARS, allow_blank=True, trim_whitespace=True)
    # "surprise": the fan asks us to pick the sport (the answer says which); without a sport the text must name one,
    # else 400 ``sport_needed`` with ``sport_candidates``.
    sport = serializers.ChoiceField(
        choices=[*SPORTS, services.SURPRISE], required=False, allow_null=True, allow_blank=True
    )
    style = serializers.ChoiceField(choices=list(STYLES), required=False, allow_null=True, allow_blank=True)
    emotion = serializers.ChoiceField(choices=list(EMOTIONS), required=False, allow_null=True, allow_blank=True)
    subject = serializers.CharField(max_length=80, required=False, allow_blank=True)
    seed = serializers.IntegerField(min_value=0, max_value=2**31 - 1, required=False, allow_null=True)

    def validate_text(self, value: str) -> str:
        if "\x00" in value or sum(1 for ch in value if ord(ch) < 32 and ch not in "\n\t") > len(value) * 0.1:
            raise serializers.ValidationError(_("That doesn't look like text. Please write a sentence."))
        return value


class VideoCreate(ContestAPIView):
    permission_classes = [AllowAny]

    @extend_schema(
        request=VideoInput,
        responses={201: JobSnapshotSerializer, 400: ErrorSerializer, 403: ErrorSerializer, 429: ErrorSerializer},
        summary="Make a video from one sentence (counts against the daily quota)",
    )
    def post(self, request: Request) -> Response:
        data = VideoInput(data=request.data)
        data.is_valid(raise_exception=True)
        if not request.session.session_key:
            request.session.save()
        values = {k: v or None for k, v in data.validated_data.items() if k != "text"}
        job = services.generate_video(
            user=request.user,
            session_key=request.session.session_key,
            text=data.validated_data["text"],
            ip=_ip(request),
            **values,
        )
        return Response(job.snapshot(), status=status.HTTP_201_CREATED)


class Quotas(ContestAPIView):
    permission_classes = [AllowAny]

    @extend_schema(
        responses=inline_serializer(
            "Quotas", {"generations": QuotaSerializer(), "entries": QuotaSerializer(allow_null=True)}
        ),
        summary="What is left today (videos) and in this contest (entries)",
    )
    def get(self, request: Request) -> Response:
        gen = selectors.generation_quota(user=request.user, session_key=request.session.session_key)
        contest = selectors.current_contest()
        entries = (
            selectors.entry_quota(user=request.user, contest=contest)
            if contest and request.user.is_authenticated
            else None
        )

        def dump(q):
            return {"limit": q.limit, "used": q.used, "left": q.left} if q else None

        return Response({"generations": dump(gen), "entries": dump(entries)})


class EntryInput(serializers.Serializer):
    job = serializers.UUIDField()
    title = serializers.CharField(max_length=200, allow_blank=True)
    accept_rules = serializers.BooleanField(default=False)
    submit = serializers.BooleanField(default=True)


class EntryList(ContestAPIView):
    def get_permissions(self):
        return [IsAuthenticated()] if self.request.method == "POST" else [AllowAny()]

    @extend_schema(
        parameters=[
            OpenApiParameter("sport", str, enum=list(SPORTS)),
            OpenApiParameter("order", str, enum=["top", "new"], description="top: Wilson lower bound of likes"),
        ],
        responses=EntrySerializer(many=True),
        summary="Public entries of the current contest",
    )
    def get(self, request: Request) -> Response:
        sport = request.query_params.get("sport")
        order = "new" if request.query_params.get("order") == "new" else "top"
        contest = _contest()
        items = selectors.public_entries(contest, sport=sport if sport in SPORTS else None, order=order)[:100]
        hidden = selectors.counts_hidden(contest)
        return Response(EntrySerializer(items, many=True, context={"counts_hidden": hidden}).data)

    @extend_schema(
        request=EntryInput,
        responses={201: EntrySerializer, 400: ErrorSerializer, 403: ErrorSerializer, 409: ErrorSerializer},
        summary="Enter one of your finished videos in the current contest",
    )
    def post(self, request: Request) -> Response:
        data = EntryInput(data=request.data)
        data.is_valid(raise_exception=True)
        entry = services.enter_contest(
            user=request.user,
            job_id=data.validated_data["job"],
            title=data.validated_data["title"],
            accept_rules=data.validated_data["accept_rules"],
            submit=data.validated_data["submit"],
        )
        return Response(EntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class EntryDetail(ContestAPIView):
    permission_classes = [AllowAny]

    @extend_schema(responses={200: EntrySerializer, 404: ErrorSerializer}, summary="One entry (public once approved)")
    def get(self, request: Request, entry_id: int) -> Response:
        entry = selectors.visible_entry(entry_id, request.user)
        if entry is None:
            raise Http404
        return Response(EntrySerializer(entry).data)


class SubmitInput(serializers.Serializer):
    accept_rules = serializers.BooleanField(default=False)


class EntrySubmit(ContestAPIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=SubmitInput,
        responses={200: EntrySerializer, 400: ErrorSerializer, 403: ErrorSerializer, 409: ErrorSerializer},
        summary="Send one of your drafts to review (accepting the rules)",
    )
    def post(self, request: Request, entry_id: int) -> Response:
        data = SubmitInput(data=request.data)
        data.is_valid(raise_exception=True)
        entry = services.submit_entry(
            user=request.user, entry_id=entry_id, accept_rules=data.validated_data["accept_rules"]
        )
        return Response(EntrySerializer(entry).data)


class VoteInput(serializers.Serializer):
    value = serializers.ChoiceField(choices=[Vote.LIKE, Vote.PASS], default=Vote.LIKE)


class VoteCreate(ContestAPIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=VoteInput,
        responses={201: VoteSerializer, 403: ErrorSerializer, 409: ErrorSerializer, 429: ErrorSerializer},
        summary="Like (1) or pass (-1) an entry: once per fan per entry",
    )
    def post(self, request: Request, entry_id: int) -> Response:
        data = VoteInput(data=request.data)
        data.is_valid(raise_exception=True)
        vote = services.cast_vote(
            user=request.user,
            entry_id=entry_id,
            value=data.validated_data["value"],
            ip=_ip(request),
            user_agent=_ua(request),
        )
        return Response(VoteSerializer(vote).data, status=status.HTTP_201_CREATED)


class ArenaPair(ContestAPIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[OpenApiParameter("sport", str, enum=list(SPORTS))],
        responses={200: PairSerializer, 204: None},
        summary="Two entries of the same sport to compare (204 when there is none for you)",
    )
    def get(self, request: Request) -> Response:
        sport = request.query_params.get("sport")
        pair = selectors.arena_pair(user=request.user, contest=_contest(), sport=sport if sport in SPORTS else None)
        if pair is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        left, right = pair
        token = services.arena_token(user=request.user, left=left, right=right)
        return Response(
            {"left": BlindEntrySerializer(left).data, "right": BlindEntrySerializer(right).data, "pair": token}
        )


class JudgementInput(serializers.Serializer):
    pair = serializers.CharField()
    choice = serializers.ChoiceField(choices=["left", "right", "tie"])


class JudgementCreate(ContestAPIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=JudgementInput,
        responses={
            201: inline_serializer(
                "Judgement", {"id": serializers.IntegerField(), "counted": serializers.BooleanField()}
            ),
            400: ErrorSerializer,
            409: ErrorSerializer,
            429: ErrorSerializer,
        },
        summary="Say which of the pair you prefer, or a tie",
    )
    def post(self, request: Request) -> Response:
        data = JudgementInput(data=request.data)
        data.is_valid(raise_exception=True)
        comparison = services.judge_pair(
            user=request.user,
            token=data.validated_data["pair"],
            choice=data.validated_data["choice"],
            ip=_ip(request),
            user_agent=_ua(request),
        )
        return Response({"id": comparison.pk, "counted": comparison.counted}, status=status.HTTP_201_CREATED)


class Boards(ContestAPIView):
    permission_classes = [AllowAny]

    @extend_schema(
        responses=BoardSerializer(many=True),
        summary="Arena boards per sport (Bradley-Terry, ranked by the lower bound; recomputed in the background)",
    )
    def get(self, request: Request) -> Response:
        return Response(BoardSerializer(selectors.boards(_contest()), many=True).data)


class ScoreInput(serializers.Serializer):
    scores = serializers.DictField(child=serializers.IntegerField(), help_text="criterion -> 1..10")


class ScoreCreate(ContestAPIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=ScoreInput,
        responses={201: inline_serializer("Scores", {"scores": serializers.DictField()}), 403: ErrorSerializer},
        summary="Jury: score a shortlisted entry on every criterion",
    )
    def post(self, request: Request, entry_id: int) -> Response:
        data = ScoreInput(data=request.data)
        data.is_valid(raise_exception=True)
        saved = services.score_entry(judge=request.user, entry_id=entry_id, scores=data.validated_data["scores"])
        return Response({"scores": {s.criterion: s.value for s in saved}}, status=status.HTTP_201_CREATED)


class RejectInput(serializers.Serializer):
    reason = serializers.ChoiceField(choices=Entry.RejectReason.choices)
    note = serializers.CharField(required=False, allow_blank=True)


class EntryApprove(ContestAPIView):
    permission_classes = [IsAdminUser]

    @extend_schema(request=None, responses={200: EntrySerializer, 409: ErrorSerializer}, summary="Moderator: approve")
    def post(self, request: Request, entry_id: int) -> Response:
        from gallery import services as moderation  # the one moderation action: audit, claims, reports, screens

        entry = moderation.approve(entry_id=entry_id, moderator=request.user)
        return Response(EntrySerializer(entry).data)


class EntryReject(ContestAPIView):
    permission_classes = [IsAdminUser]

    @extend_schema(
        request=RejectInput, responses={200: EntrySerializer, 409: ErrorSerializer}, summary="Moderator: reject"
    )
    def post(self, request: Request, entry_id: int) -> Response:
        from gallery import services as moderation

        data = RejectInput(data=request.data)
        data.is_valid(raise_exception=True)
        entry = moderation.reject(
            entry_id=entry_id,
            moderator=request.user,
            reason=data.validated_data["reason"],
            note=data.validated_data.get("note", ""),
        )
        return Response(EntrySerializer(entry).data)


class Results(ContestAPIView):
    permission_classes = [AllowAny]

    @extend_schema(
        responses=inline_serializer(
            "Results",
            {
                "contest": serializers.CharField(),
                "announced": serializers.DateTimeField(allow_null=True),
                "entries": EntrySerializer(many=True),
            },
        ),
        summary="The ranked shortlist and winners, once announced",
    )
    def get(self, request: Request) -> Response:
        contest = _contest()
        ranked = selectors.results(contest)
        return Response(
            {
                "contest": contest.title,
                "announced": contest.announced,
                "entries": EntrySerializer(ranked, many=True).data,
            }
        )
