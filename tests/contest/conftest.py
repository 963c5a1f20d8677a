from __future__ import annotations

import pytest

from .factories import ContestFactory, FanFactory


@pytest.fixture
def contest(db):
    return ContestFactory()


@pytest.fixture
def fan(db):
    return FanFactory().user


@pytest.fixture
def voter(db):
    return FanFactory().user
