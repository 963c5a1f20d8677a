"""Jury scores on the shortlist (jury group only, 1-10 on every criterion), then results mixing jury and public."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from contest import services
from contest.models import Entry, JuryScore

from .factories import ContestFactory, EntryFactory, FanFactory

pytestmark = pytest.mark.django_db

GOOD = {"creativity": 8, "spirit": 7, "visual": 9}


@pytest.fixture
def juror(db):
    user = FanFactory().user
    user.groups.add(Group.objects.get_or_create(name="jury")[0])
    return user


def test_jurors_score_shortlisted_entries_and_can_rescore(juror, staff):
    entry = EntryFactory()
    services.shortlist_entry(entry_id=entry.pk, moderator=staff)
    services.score_entry(judge=juror, entry_id=entry.pk, scores=GOOD)
    services.score_entry(judge=juror, entry_id=entry.pk, scores={**GOOD, "visual": 10})
    assert dict(JuryScore.objects.values_list("criterion", "value")) == {**GOOD, "visual": 10}


@pytest.mark.parametrize(
    "scores,code",
    [
        ({**GOOD, "visual": 11}, "bad_score"),
        ({**GOOD, "visual": 0}, "bad_score"),
        ({**GOOD, "visual": "7.5"}, "bad_score"),
        ({"creativity": 8}, "bad_criteria"),
    ],
)
def test_bad_scores_are_refused_and_nothing_saved(juror, staff, scores, code):
    entry = EntryFactory()
    services.shortlist_entry(entry_id=entry.pk, moderator=staff)
    with pytest.raises(services.ContestError) as error:
        services.score_entry(judge=juror, entry_id=entry.pk, scores=scores)
    assert error.value.code == code and not JuryScore.objects.exists()


def test_only_jurors_and_only_the_shortlist(juror, voter):
    entry = EntryFactory()
    with pytest.raises(services.ContestError) as error:
        services.score_entry(judge=voter, entry_id=entry.pk, scores=GOOD)
    assert error.value.code == "not_jury"
    with pytest.raises(services.ContestError) as error:
        services.score_entry(judge=juror, entry_id=entry.pk, scores=GOOD)
    assert error.value.code == "not_shortlisted"


def test_results_crown_winners_and_the_page_announces_them(client, staff):
    contest = ContestFactory(winners_count=1)
    entries = [EntryFactory(contest=contest) for _ in range(3)]
    jurors = []
    for _ in range(2):
        juror = FanFactory().user
        juror.groups.add(Group.objects.get_or_create(name="jury")[0])
        jurors.append(juror)
    for entry in entries:
        services.shortlist_entry(entry_id=entry.pk, moderator=staff)
    for juror, offset in zip(jurors, (0, 3), strict=True):  # the second juror scores everything higher
        for rank, entry in enumerate(entries):
            value = 9 - 3 * rank + offset // 3
            services.score_entry(judge=juror, entry_id=entry.pk, scores=dict.fromkeys(GOOD, min(value, 10)))
    with pytest.raises(services.ContestError):
        services.announce_results(contest_id=contest.pk)  # voting still open
    contest.voting_close = timezone.now() - timedelta(minutes=1)
    contest.submissions_close = contest.voting_close
    contest.save()
    ranked = services.announce_results(contest_id=contest.pk)
    assert ranked[0] == entries[0] and Entry.objects.get(pk=entries[0].pk).state == Entry.State.WINNER
    assert Entry.objects.filter(state=Entry.State.WINNER).count() == 1
    page = client.get("/contest/results/").content.decode()
    assert "Winner" in page and entries[0].title in page
