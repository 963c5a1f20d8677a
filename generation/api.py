"""Job endpoints: read a snapshot, cancel, and start a diagnostic job (staff or a ``selfcheck`` token)."""

from __future__ import annotations

from django.core import signing
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import services
from .models import Job
from .prompting import check_prompt, parse_prompt
from .prompting.vocab import MAX_PROMPT_CHARS, SPORTS

SELFCHECK_HEADER = "X-Wonder-Selfcheck"
SELFCHECK_SALT = "wonder.selfcheck"
SELFCHECK_MAX_AGE_S = 120


def selfcheck_token() -> str:
    """A short-lived token proving the caller holds this site's secret key (the ``selfcheck`` command)."""
    return signing.TimestampSigner(salt=SELFCHECK_SALT).sign("selfcheck")


def _session_key(request: Request, create: bool = False) -> str | None:
    if create and not request.session.session_key:
        request.session.save()
    return request.session.session_key


class JobSnapshotSerializer(serializers.Serializer):
    """The DESIGN.md snapshot, for the schema."""

    type = serializers.CharField()
    id = serializers.UUIDField()
    kind = serializers.CharField()
    seq = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Job.Status.choices)
    progress = serializers.FloatField()
    stage = serializers.CharField()
    queue_position = serializers.IntegerField(allow_null=True)
    eta_s = serializers.FloatField(allow_null=True)
    preview_url = serializers.CharField(allow_null=True)
    result = serializers.JSONField(allow_null=True)
    error = serializers.JSONField(allow_null=True)


def _get_viewable(request: Request, job_id) -> Job:
    job = get_object_or_404(Job, pk=job_id)
    if not job.can_view(request.user, _session_key(request)):
        raise PermissionDenied(_("This job belongs to someone else."))
    return job


class JobDetail(APIView):
    @extend_schema(responses=JobSnapshotSerializer, summary="The current snapshot of a job")
    def get(self, request: Request, job_id) -> Response:
        return Response(_get_viewable(request, job_id).snapshot())


class JobCancel(APIView):
    @extend_schema(request=None, responses={200: JobSnapshotSerializer}, summary="Cancel a queued or running job")
    def post(self, request: Request, job_id) -> Response:
        job = _get_viewable(request, job_id)
        if not job.can_control(request.user, _session_key(request)):
            raise PermissionDenied(_("Only the person who started this job can cancel it."))
        try:
            job = services.cancel_job(job)
        except services.InvalidTransition as exc:
            return Response(
                {
                    "error": "already_finished",
                    "message": _("This job has already finished (%(status)s); there is nothing to cancel.")
                    % {"status": exc.job.get_status_display()},
                    "job": exc.job.snapshot(),
                },
                status=status.HTTP_409_CONFLICT,
            )
        return Response(job.published_snapshot)


class IsStaffOrSelfcheck(BasePermission):
    message = _("Diagnostic jobs are for staff and the selfcheck command.")

    def has_permission(self, request, view) -> bool:
        if request.user and request.user.is_staff:
            return True
        token = request.headers.get(SELFCHECK_HEADER, "")
        try:
            signing.TimestampSigner(salt=SELFCHECK_SALT).unsign(token, max_age=SELFCHECK_MAX_AGE_S)
        except signing.BadSignature:
            return False
        return True


class DiagnosticJobInput(serializers.Serializer):
    steps = serializers.IntegerField(min_value=0, max_value=100, default=5)
    delay_s = serializers.FloatField(min_value=0, max_value=1.0, default=0.05)


class DiagnosticJobCreate(APIView):
    permission_classes = [IsStaffOrSelfcheck]

    @extend_schema(
        request=DiagnosticJobInput,
        responses={201: JobSnapshotSerializer},
        summary="Start a diagnostic job that exercises worker, database and sockets",
    )
    def post(self, request: Request) -> Response:
        data = DiagnosticJobInput(data=request.data)
        data.is_valid(raise_exception=True)
        job = services.create_job(
            kind="diagnostic",
            spec=dict(data.validated_data),
            owner=request.user,
            session_key=_session_key(request, create=True),
        )
        return Response(job.published_snapshot, status=status.HTTP_201_CREATED)


class PromptInput(serializers.Serializer):
    text = serializers.CharField(max_length=MAX_PROMPT_CHARS, trim_whitespace=True)
    sport = serializers.ChoiceField(choices=list(SPORTS), required=False, allow_null=True)


class ParsedPromptSerializer(serializers.Serializer):
    """The ``parse_prompt`` contract of DESIGN.md, plus the safety verdict."""

    language = serializers.CharField()
    sport = serializers.CharField(allow_null=True)
    subject = serializers.CharField(allow_null=True)
    attributes = serializers.ListField(child=serializers.CharField())
    emotion = serializers.CharField(allow_null=True)
    style = serializers.CharField(allow_null=True)
    camera = serializers.CharField(allow_null=True)
    confidence = serializers.FloatField(help_text="Share of the sentence's content words understood, 0..1")
    prompt_en = serializers.CharField()
    references = serializers.ListField(child=serializers.CharField())
    para = serializers.BooleanField()
    setting = serializers.CharField(allow_null=True)
    light = serializers.CharField(allow_null=True)
    weather = serializers.CharField(allow_null=True)
    beats = serializers.ListField(child=serializers.CharField(), help_text="Action beats in the fan's order")
    sport_candidates = serializers.ListField(child=serializers.CharField())
    sport_needs_choice = serializers.BooleanField(help_text="The text does not settle the sport: ask the fan")
    safety = serializers.JSONField()


class PromptParse(APIView):
    """What Wonder understands of a sentence: the same parser as the web form and ``manage.py parse_prompt``."""

    permission_classes = [AllowAny]

    @extend_schema(request=PromptInput, responses=ParsedPromptSerializer, summary="Understand a prompt")
    def post(self, request: Request) -> Response:
        data = PromptInput(data=request.data)
        data.is_valid(raise_exception=True)
        text = data.validated_data["text"]
        verdict = check_prompt(text)
        parsed = parse_prompt(text, sport_hint=data.validated_data.get("sport")).to_dict()
        parsed["safety"] = {"action": verdict.action, "category": verdict.category, "message": verdict.message}
        return Response(parsed)
