"""Recommendations are relevant and diverse: one of each category at least, no near-duplicates, each with a
"Because you ..." reason in the visitor's language; the route and the sport shape them."""

from __future__ import annotations

import itertools

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from experience import quiz, recommend
from experience.catalogue_data import catalogue_items
from experience.planning import VisitorProfile

CANDIDATES = [recommend.Candidate(i["slug"], i["category"], i["tags"]) for i in catalogue_items()]


def _fresh() -> list[recommend.Candidate]:
    return [recommend.Candidate(c.slug, c.category, dict(c.tags)) for c in CANDIDATES]


def test_every_category_is_represented_even_for_a_sport_only_visitor():
    picks = recommend.recommend(_fresh(), VisitorProfile(interests={"sport": 1.0}, sport="ice-hockey"))
    assert {p.category for p in picks} == {"outfit", "fragrance", "makeup"}
    assert len(picks) == recommend.COUNT


@settings(max_examples=60, deadline=None)
@given(
    interests=st.sets(st.sampled_from(sorted(quiz.INTERESTS))),
    sport=st.sampled_from([None, *sorted(quiz.SPORTS)]),
    mood=st.sampled_from([None, *sorted(quiz.MOODS)]),
    group=st.sampled_from(sorted(quiz.GROUPS)),
)
def test_picks_are_diverse_for_any_visitor(interests, sport, mood, group):
    visitor = VisitorProfile(interests={i: 1.0 for i in interests}, sport=sport, mood=mood, group=group)
    candidates = _fresh()
    tags = {c.slug: c.tags for c in candidates}
    picks = recommend.recommend(candidates, visitor)
    assert {p.category for p in picks} == {"outfit", "fragrance", "makeup"}
    assert len({p.slug for p in picks}) == len(picks)
    assert all(sum(p.category == c for p in picks) <= recommend.PER_CATEGORY for c in recommend.CATEGORIES)
    for a, b in itertools.combinations(picks, 2):
        assert recommend.cosine(tags[a.slug], tags[b.slug]) < recommend.NEAR_DUPLICATE
    assert all(p.reason.startswith("Because ") for p in picks)


def test_the_favourite_sport_and_mood_show_in_picks_and_reasons():
    visitor = VisitorProfile(interests={"fragrance": 1.0}, sport="cross-country-skiing", mood="calm")
    picks = recommend.recommend(_fresh(), visitor)
    assert any("your favourite sport is Cross-country skiing" in p.reason for p in picks), [p.reason for p in picks]
    assert any("you love fragrance" in p.reason for p in picks)


def test_the_route_makes_its_categories_more_relevant_and_is_named():
    visitor = VisitorProfile(interests={"sport": 1.0})
    route = [("Make-up Studio", {"beauty": 1.0, "fashion": 0.4})]
    picks = recommend.recommend(_fresh(), visitor, route)
    assert any("your route includes the Make-up Studio" in p.reason for p in picks)
    without = recommend.recommend(_fresh(), visitor)
    assert sum(p.category == "makeup" for p in picks) >= sum(p.category == "makeup" for p in without)


@pytest.mark.parametrize("language", ["it", "de", "ja"])
def test_reasons_are_written_in_the_active_language(language):
    visitor = VisitorProfile(interests={"beauty": 1.0}, sport="curling")
    with translation.override(language):
        picks = recommend.recommend(_fresh(), visitor)
        expected = str(quiz.SPORTS["curling"])
    assert any(expected in p.reason for p in picks)


def test_stored_recommendations_use_the_visitors_route(planned_visit):
    visit = planned_visit(interests=["fragrance"], sport=None, mood="calm")
    assert {r["category"] for r in visit.recommendations} == {"outfit", "fragrance", "makeup"}
    assert all(r["reason"] for r in visit.recommendations)
