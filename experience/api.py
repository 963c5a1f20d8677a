"""Zone status API: anyone may read the live status; staff set a zone open/closed and its queue."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors, services
from .models import Zone


class StaffWrites(BasePermission):
    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS or bool(request.user and request.user.is_staff)


class ZoneStatusInput(serializers.Serializer):
    is_open = serializers.BooleanField()
    queue_minutes = serializers.IntegerField(min_value=0, max_value=240)


class ZoneStatusOutput(serializers.Serializer):
    zone = serializers.CharField()
    name = serializers.CharField()
    is_open = serializers.BooleanField()
    queue_minutes = serializers.IntegerField()
    updated_at = serializers.DateTimeField(allow_null=True)
    updated_by = serializers.CharField(allow_null=True)


class ZoneStatusChanged(ZoneStatusOutput):
    replanned_visits = serializers.IntegerField()


def _output(zone: Zone) -> dict:
    status = getattr(zone, "status", None)
    return {
        "zone": zone.slug,
        "name": zone.name_in("en"),
        "is_open": status.is_open if status else True,
        "queue_minutes": status.queue_minutes if status else 0,
        "updated_at": status.updated_at if status else None,
        "updated_by": status.updated_by.get_username() if status and status.updated_by else None,
    }


class ZoneStatusList(APIView):
    permission_classes = [StaffWrites]

    @extend_schema(responses=ZoneStatusOutput(many=True), summary="Live status of every zone")
    def get(self, request: Request) -> Response:
        return Response(ZoneStatusOutput([_output(zone) for zone in selectors.zones()], many=True).data)


class ZoneStatusDetail(APIView):
    permission_classes = [StaffWrites]

    @extend_schema(responses=ZoneStatusOutput, summary="Live status of one zone")
    def get(self, request: Request, slug: str) -> Response:
        return Response(ZoneStatusOutput(_output(get_object_or_404(Zone, slug=slug))).data)

    @extend_schema(
        request=ZoneStatusInput,
        responses=ZoneStatusChanged,
        summary="Open or close a zone and set its queue; affected visits are re-planned live",
    )
    def put(self, request: Request, slug: str) -> Response:
        zone = get_object_or_404(Zone, slug=slug)
        data = ZoneStatusInput(data=request.data)
        data.is_valid(raise_exception=True)
        _status, replanned = services.set_zone_status(zone=zone, by=request.user, **data.validated_data)
        zone.refresh_from_db()
        return Response(ZoneStatusChanged({**_output(zone), "replanned_visits": replanned}).data)

    post = put
