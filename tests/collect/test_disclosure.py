"""A small mixed pile, as the issue found it: six forms, where most statements have fewer than
k answers. The leader's report shows every count and ranks every statement with an answer;
the shareable one hides what is under k, ranks what it may show and names every statement it
could not rank. No statement on the forms is left out of «Dette bør dere se på først»
without a word. On every standard of tests/standards.py (2 to 7 steps)."""

from __future__ import annotations

import random
import re
from html import unescape

import pytest

from stavangerstandarden.collect.advice import answered, lower_steps, ranked
from stavangerstandarden.collect.disclosure import Audience, for_leader, for_sharing
from stavangerstandarden.collect.inputs import Read
from stavangerstandarden.collect.pdfform import RawForm
from stavangerstandarden.collect.report import MOST_URGENT, render_report
from stavangerstandarden.collect.tally import Summary, summarise
from stavangerstandarden.model import Standard, Statement

FORMS = 6
HIDDEN = "fordelingen vises ikke"


def visible(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def urgent(text: str) -> str:
    return text.split("Dette bør dere se på først")[1].split("Slik leser du")[0]


def area_of(standard: Standard, statement: Statement) -> str:
    return next(a.title for a in standard.areas if statement in a.statements)


def pile(standard: Standard) -> Summary:
    """Six complete forms (every statement on them). The first three statements as in the
    issue: two with 2 of 4 answers on the lowest step (50 %), one with 1 of 5 (20 %); the
    rest answered at random (seeded) by 0 to 6 forms."""
    low, high = standard.scale[0].id, standard.scale[-1].id
    fixed = [[low, low, high, high, None, None], [None, None, low, low, high, high],
             [low, high, high, high, high, None]]
    rnd = random.Random(len(standard.statements))
    steps = [s.id for s in standard.scale]
    grid = {s.id: (fixed[i] if i < len(fixed) else
                   [rnd.choice(steps) if rnd.random() < 0.6 else None for _ in range(FORMS)])
            for i, s in enumerate(standard.statements)}
    ident = {"skjema.standard": standard.meta.id, "skjema.versjon": standard.meta.version,
             "skjema.omrade": "", "skjema.niva": standard.levels[0].id}
    reads = [Read(f"{n}.pdf", str(n), RawForm(ident, {sid: col[n] for sid, col in grid.items()}),
                  "") for n in range(FORMS)]
    return summarise(standard, reads)


@pytest.fixture
def mixed(any_standard: Standard) -> tuple[Standard, Summary]:
    return any_standard, pile(any_standard)


def check_every_statement_ranked_or_named(summary: Summary, audience: Audience) -> None:
    standard = summary.standard
    lower = lower_steps(standard)
    text = visible(render_report(summary, audience=audience))
    section = urgent(text)
    ranking = ranked(summary, audience)
    ranked_ids = [r.statement.id for r in ranking.ranked]
    unranked_ids = [s.id for _, s in ranking.unranked]
    for s in standard.statements:
        counts = summary.counts[s.id]
        n, low = answered(counts), sum(counts[key] for key in lower)
        may = n >= max(1, audience.min_answers)
        assert (s.id in ranked_ids) == (may and low > 0), s.id
        assert (s.id in unranked_ids) == (not may), s.id
    shares = [r.share for r in ranking.ranked]
    assert shares == sorted(shares, reverse=True)
    # The section lists the first five ranked, says how many more, and names the rest.
    for r in ranking.ranked[:MOST_URGENT]:
        assert f"{r.statement.text} ({r.area.title}): {r.lower} av {r.answered} svar" in section
    more = len(ranking.ranked) - MOST_URGENT
    assert (f"{more} utsagn til har svaret" in section) == (more > 0)
    if ranking.unranked:
        few = (f"færre enn {audience.min_answers} svar og er ikke rangert" if audience.shared
               else "ingen svar og er ikke rangert")
        named = section.split(f"{len(ranking.unranked)} utsagn har {few}")[1]
        for a, s in ranking.unranked:
            assert f"{s.text} ({a.title})" in named
    else:
        assert "ikke rangert" not in section


def test_leaders_report_ranks_every_statement_with_an_answer(mixed):
    standard, summary = mixed
    check_every_statement_ranked_or_named(summary, for_leader())
    text = visible(render_report(summary, audience=for_leader()))
    assert HIDDEN not in text
    first, second, third = standard.statements[:3]
    # The case: the two 50 % statements come before the 20 % one.
    order = [r.statement for r in ranked(summary, for_leader()).ranked]
    assert order.index(first) < order.index(second) < order.index(third)
    assert [(r.lower, r.answered) for r in ranked(summary, for_leader()).ranked
            if r.statement in (first, second, third)] == [(2, 4), (2, 4), (1, 5)]


def test_leaders_report_shows_every_count(mixed):
    standard, summary = mixed
    text = visible(render_report(summary, audience=for_leader()))
    low = standard.scale[0].label
    for s in standard.statements:
        n = summary.counts[s.id][standard.scale[0].id]
        total = sum(summary.counts[s.id].values())
        assert f"{s.text} " in text
        assert re.search(rf"{re.escape(s.text)} .*?{re.escape(low)}: {n} \(\d+ %\)", text), s.id
        assert total == FORMS


def test_shareable_report_hides_under_k_and_names_what_it_cannot_rank(mixed):
    standard, summary = mixed
    audience = for_sharing(standard)
    k = audience.min_answers
    check_every_statement_ranked_or_named(summary, audience)
    text = visible(render_report(summary, audience=audience))
    first, _, third = standard.statements[:3]
    order = [r.statement for r in ranked(summary, audience).ranked]
    assert third in order and first not in order
    unranked = [s for _, s in ranked(summary, audience).unranked]
    assert first in unranked and third not in unranked
    assert f"{first.text} ({area_of(standard, first)}): 2 av 4" not in urgent(text)
    for s in standard.statements:
        hidden = answered(summary.counts[s.id]) < k
        assert (f"{s.text} Færre enn {k} svar: {HIDDEN}." in text) == hidden, s.id
    # and says which report is the leader's
    assert "rapport.html, sammendrag.json og svar.csv er komplette" in text


def test_the_two_reports_say_which_is_which(standard):
    summary = pile(standard)
    leader = visible(render_report(summary, audience=for_leader()))
    shared = visible(render_report(summary))  # the shareable one by default
    assert "Denne rapporten er til deg som leder" in leader
    assert "Denne rapporten kan deles" in shared
    assert "stavangerstandarden collect" not in leader + shared
