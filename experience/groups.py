"""Channel-layer group names of the installation (the agent in a worker and the sockets in Daphne share them)."""

from __future__ import annotations


def visit_group(token: str) -> str:
    """Everyone following one visit: its kiosk screen and the visitor's phone."""
    return f"kiosk.visit.{token}"
