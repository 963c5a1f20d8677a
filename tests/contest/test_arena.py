"""The arena: server-chosen pairs of one sport (signed), judgements once per fan per pair, the cached board."""

from __future__ import annotations

import random
from unittest import mock

import pytest
from django.test import override_settings

from contest import selectors, services
from contest.models import ArenaBoard, Comparison, Entry

from .factories import ContestFactory, EntryFactory, FanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def field():
    contest = ContestFactory()
    jumps = [EntryFactory(contest=contest, sport="ski-jumping") for _ in range(3)]
    EntryFactory(contest=contest, sport="curling")  # alone in its sport: never paired
    return contest, jumps


def judge(user, left, right, choice="left"):
    return services.judge_pair(user=user, token=services.arena_token(user=user, left=left, right=right), choice=choice)


def test_pairs_are_two_public_entries_of_the_same_sport_never_ones_own(field, voter):
    contest, jumps = field
    EntryFactory(contest=contest, sport="ski-jumping", author=voter)
    for seed in range(20):
        left, right = selectors.arena_pair(user=voter, contest=contest, rng=random.Random(seed))
        assert left.sport == right.sport == "ski-jumping" and left != right
        assert voter.pk not in (left.author_id, right.author_id)


def test_a_pair_loads_its_two_entries_not_every_entry_of_the_sport(field, voter):
    # The arena is one request in eight under load: building every entry of a sport with its job and author to
    # show two of them was most of its time.
    contest, jumps = field
    jumps += [EntryFactory(contest=contest, sport="ski-jumping") for _ in range(5)]
    with mock.patch.object(Entry, "from_db", wraps=Entry.from_db) as built:
        left, right = selectors.arena_pair(user=voter, contest=contest, sport="ski-jumping", rng=random.Random(1))
    assert built.call_count == 2
    assert left.job.result and right.author.fan.display_name  # loaded with what the page shows


def test_a_judgement_is_stored_in_canonical_order_and_counted(field, voter):
    _contest, (a, b, _c) = field
    comparison = judge(voter, b, a, "left")  # b shown left and picked
    assert (comparison.a_id, comparison.b_id, comparison.outcome, comparison.a_shown_left) == (a.pk, b.pk, "b", False)
    assert comparison.ip_hash == "" and comparison.counted
    assert [Entry.objects.get(pk=e.pk).comparisons for e in (a, b)] == [1, 1]


def test_the_same_pair_twice_a_forged_or_someone_elses_ticket_is_refused(field, voter):
    _contest, (a, b, _c) = field
    judge(voter, a, b, "tie")
    for token, code in [
        (services.arena_token(user=voter, left=b, right=a), "already_judged"),
        ("forged", "bad_pair"),
        (services.arena_token(user=FanFactory().user, left=a, right=b), "bad_pair"),
    ]:
        with pytest.raises(services.ContestError) as error:
            services.judge_pair(user=voter, token=token, choice="left")
        assert error.value.code == code
    assert Comparison.objects.count() == 1


def test_pairs_already_judged_are_not_offered_again(field, voter):
    contest, jumps = field
    seen = set()
    for _ in range(3):
        left, right = selectors.arena_pair(user=voter, contest=contest, sport="ski-jumping")
        seen.add(frozenset((left.pk, right.pk)))
        judge(voter, left, right)
    assert len(seen) == 3 and selectors.arena_pair(user=voter, contest=contest, sport="ski-jumping") is None


@override_settings(WONDER_ARENA_MIN_COMPARISONS=2, WONDER_ARENA_BOARD_EVERY=3)
def test_the_board_is_refreshed_after_enough_judgements_not_per_request(
    field, django_capture_on_commit_callbacks, monkeypatch
):
    contest, (a, b, c) = field
    queued = []
    monkeypatch.setattr("contest.tasks.refresh_board.delay", lambda *args: queued.append(args))
    voters = [FanFactory().user for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        judge(voters[0], a, b)
        judge(voters[0], a, c)
    assert queued == []
    with django_capture_on_commit_callbacks(execute=True):
        judge(voters[1], b, c)
    assert queued == [(contest.pk, "ski-jumping")]
    board = services.refresh_board(contest_id=contest.pk, sport="ski-jumping")
    shown = [row for row in board.rows if not row["hidden"]]
    assert board.comparisons == 3 and [row["item"] for row in shown][0] == a.pk
    assert ArenaBoard.objects.count() == 1


def test_flagged_judgements_are_kept_but_left_out_of_the_board(field, voter):
    contest, (a, b, _c) = field
    services.flag_fan(user=voter, reason="farm")
    comparison = judge(voter, a, b)
    assert not comparison.counted and Entry.objects.get(pk=a.pk).comparisons == 0
    assert services.refresh_board(contest_id=contest.pk, sport="ski-jumping").comparisons == 0


def test_the_arena_page_judges_with_htmx_and_offers_the_next_pair(client, field, voter):
    contest, _jumps = field
    client.force_login(voter)
    page = client.get("/contest/arena/").content.decode()
    token = page.split('name="pair" value="')[1].split('"')[0]
    response = client.post("/contest/arena/", {"pair": token, "choice": "right"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body and "Thanks" in body and 'name="pair"' in body
    assert Comparison.objects.count() == 1
