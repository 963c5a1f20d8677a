"""The preview engine: procedural winter-sports clips on the CPU (see ``engine.py``)."""

from .engine import PreviewVideoEngine

__all__ = ["PreviewVideoEngine"]
