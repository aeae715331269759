"""Death tolls written as two victim groups ("killed a senior commander and two other people") add up; a kill
and an injury in one phrase stay apart; animals are no victims. Pure regex, fast."""

from __future__ import annotations

import pytest

from sitrep.extract.casualties import casualty_figures


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("An Israeli drone strike killed a senior Hezbollah commander and two other people on Wednesday.", 3, None),
        ("The raid killed the commander and three others.", 4, None),
        ("Gunmen killed two soldiers and a civilian at the checkpoint.", 3, None),
        ("The blast killed two soldiers and wounded three.", 2, 3),
        ("Russian strikes killed 5 people and 10 cows.", 5, None),
        ("The strike killed 12 people and injured 30.", 12, 30),
    ],
)
def test_victim_groups_add_up(text: str, killed: int | None, injured: int | None) -> None:
    figs = casualty_figures(text)
    assert (figs.killed, figs.injured) == (killed, injured)
