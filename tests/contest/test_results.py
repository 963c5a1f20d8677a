"""The published result: the arena counts, the result is frozen with its inputs, and a moderator can re-check it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from contest import services
from contest.models import Comparison, Entry, ResultSnapshot

from .factories import ContestFactory, EntryFactory, FanFactory

pytestmark = pytest.mark.django_db

EVEN = {"creativity": 7, "spirit": 7, "visual": 7}


def closed_contest(**fields):
    contest = ContestFactory(**fields)
    contest.voting_close = timezone.now() - timedelta(minutes=1)
    contest.submissions_close = contest.voting_close
    contest.save()
    return contest


def judge_all(entries, scores_for, jurors=2):
    for _ in range(jurors):
        juror = FanFactory().user
        juror.groups.add(Group.objects.get_or_create(name="jury")[0])
        for entry in entries:
            services.score_entry(judge=juror, entry_id=entry.pk, scores=scores_for(entry))


def arena(contest, winner, loser, times):
    a, b = sorted((winner.pk, loser.pk))
    for _ in range(times):
        Comparison.objects.create(
            contest=contest,
            sport=winner.sport,
            a_id=a,
            b_id=b,
            outcome="a" if winner.pk == a else "b",
            voter=FanFactory().user,
        )


@pytest.fixture
def finalists(staff, settings):
    settings.WONDER_ARENA_BOOTSTRAP = 40  # intervals need not be fine here; the formula is what is tested
    contest = closed_contest(
        winners_count=1, jury_weight=0.5, arena_weight=0.4, public_weight=0.1, min_arena_comparisons=5
    )
    entries = [EntryFactory(contest=contest, likes=10, dislikes=10) for _ in range(3)]
    for entry in entries:
        services.shortlist_entry(entry_id=entry.pk, moderator=staff)
    return contest, entries


def test_the_arena_decides_between_finalists_the_jury_and_public_rate_alike(finalists, staff):
    contest, (first, second, third) = finalists
    judge_all([first, second, third], lambda e: EVEN)
    # Fans in the arena clearly prefer the third entry (the jury and the likes cannot tell them apart).
    arena(contest, third, first, 12)
    arena(contest, third, second, 12)
    arena(contest, first, second, 6)
    arena(contest, second, first, 6)
    ranked = services.announce_results(contest_id=contest.pk, by=staff)
    assert ranked[0] == third
    assert Entry.objects.get(pk=third.pk).state == Entry.State.WINNER


def test_the_result_is_frozen_with_its_inputs_and_rechecks(finalists, staff):
    contest, entries = finalists
    judge_all(entries, lambda e: {**EVEN, "visual": 5 + entries.index(e)})
    arena(contest, entries[0], entries[1], 7)
    services.announce_results(contest_id=contest.pk, by=staff)

    snapshot = ResultSnapshot.objects.get(contest=contest)
    assert snapshot.formula == "wonder-final-1" and len(snapshot.digest) == 64
    assert snapshot.inputs["weights"] == {"jury": 0.5, "arena": 0.4, "public": 0.1}
    assert len(snapshot.inputs["jury_sheets"]) == 2 * 3 * 3
    assert len(snapshot.inputs["arena"]["ski-jumping"]["comparisons"]) == 7
    assert [row["place"] for row in snapshot.rows] == [1, 2, 3]
    row = snapshot.rows[0]
    assert set(row) >= {"item", "score", "jury", "arena", "public", "comparisons", "votes", "tied_with_previous"}
    assert row["arena"]["low"] <= row["arena"]["value"] <= row["arena"]["high"]

    check = services.recheck_results(contest_id=contest.pk)
    assert check.ok and check.inputs_intact and check.same_places and check.differences == []


def test_recheck_finds_edited_places_and_edited_inputs(finalists, staff):
    contest, entries = finalists
    judge_all(entries, lambda e: {**EVEN, "visual": 5 + entries.index(e)})
    ranked = services.announce_results(contest_id=contest.pk, by=staff)
    Entry.objects.filter(pk=ranked[0].pk).update(final_rank=3)
    check = services.recheck_results(contest_id=contest.pk)
    assert not check.ok and check.inputs_intact and check.differences

    Entry.objects.filter(pk=ranked[0].pk).update(final_rank=1)
    snapshot = ResultSnapshot.objects.get(contest=contest)
    snapshot.inputs["weights"]["jury"] = 0.0
    snapshot.save()
    check = services.recheck_results(contest_id=contest.pk)
    assert not check.ok and not check.inputs_intact


def test_later_votes_do_not_change_a_published_result(finalists, staff):
    contest, entries = finalists
    judge_all(entries, lambda e: {**EVEN, "visual": 5 + entries.index(e)})
    services.announce_results(contest_id=contest.pk, by=staff)
    arena(contest, entries[0], entries[2], 30)  # arrives after the announcement
    assert services.recheck_results(contest_id=contest.pk).ok


def test_recheck_of_an_unpublished_contest_is_refused(finalists):
    contest, _ = finalists
    with pytest.raises(services.ContestError) as error:
        services.recheck_results(contest_id=contest.pk)
    assert error.value.code == "not_published"


def test_the_public_page_shows_the_formula_before_and_every_part_after(client, finalists, staff):
    contest, entries = finalists
    page = client.get(f"/contest/{contest.slug}/how-winners-are-chosen/").content.decode()
    assert "50% jury + 40% arena + 10% public vote" in page and "not announced yet" in page
    judge_all(entries, lambda e: {**EVEN, "visual": 5 + entries.index(e)})
    arena(contest, entries[0], entries[1], 3)  # under the minimum of 5: shown as not counted
    services.announce_results(contest_id=contest.pk, by=staff)
    page = client.get(f"/contest/{contest.slug}/how-winners-are-chosen/").content.decode()
    snapshot = ResultSnapshot.objects.get(contest=contest)
    for row in snapshot.rows:
        assert f'data-entry="{row["item"]}"' in page
    assert "too few: middle value used" in page
    assert "3 comparisons" in page  # the sport's count in the arena section
    assert snapshot.digest in page
    assert client.get("/contest/nope/how-winners-are-chosen/").status_code == 404


def test_the_recheck_command_says_the_result_holds(finalists, staff):
    from io import StringIO

    from django.core.management import call_command

    contest, entries = finalists
    judge_all(entries, lambda e: EVEN)
    services.announce_results(contest_id=contest.pk, by=staff)
    out = StringIO()
    call_command("recheck_results", contest.slug, stdout=out)
    assert "the published result holds" in out.getvalue()
