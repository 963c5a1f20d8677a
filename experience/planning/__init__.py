"""Itinerary planning for the installation: pure Python, no Django needed.

``plan_visit`` plans a visitor's route, ``replan`` re-plans the rest of a visit, ``verify_plan`` checks a plan
independently, ``explain_stop`` says why a stop is there, ``demo_installation`` gives the demo pavilion.
"""

from .crowd import Crowd, crowd_statuses
from .demo import demo_installation, demo_statuses
from .explain import explain_stop
from .model import Installation, Plan, Rules, Stop, VisitorProfile, ZoneSpec, ZoneStatus
from .queues import expected_queue
from .solver import plan_visit, replan
from .verifier import Violation, verify_plan

__all__ = [
    "Crowd",
    "Installation",
    "Plan",
    "Rules",
    "Stop",
    "Violation",
    "VisitorProfile",
    "ZoneSpec",
    "ZoneStatus",
    "crowd_statuses",
    "demo_installation",
    "demo_statuses",
    "expected_queue",
    "explain_stop",
    "plan_visit",
    "replan",
    "verify_plan",
]
