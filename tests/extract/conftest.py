"""Shared fixtures: a fictional article written for these tests (no third-party text)."""

from __future__ import annotations

import pytest

from workbench.extract import ExtractedStatement, extract

# Fictional events with invented people; real country names so the bundled lexicon applies.
SUMMIT = (
    "Kenyan Leader Amara Odhiambo Travels to Brazil for Talks\n\n"
    "Kenyan President Amara Odhiambo arrived in Brasilia on Monday for a meeting with "
    "Brazilian President Lucia Fontes. Fontes greeted Odhiambo at the airport and expressed "
    "her hope for closer trade ties. The two leaders will tour a solar plant on Tuesday.\n\n"
    "It is expected that Odhiambo will ask for loans to build new railways. "
    "Economists speculate that Kenya needs cheaper fertiliser before the planting season. "
    "Nairobi has indicated that it may offer coffee export quotas in return.\n\n"
    "Argentina is watching the visit closely. They stress the importance of fair tenders "
    "and warn against secret contracts. Canada has accused Brazil of selling drones to "
    "Venezuela, but both countries deny the claims.\n\n"
    "“We are partners, not rivals,” Fontes said. “Our farmers will gain from this.” "
    "“Trade is the answer,” Odhiambo told reporters, “and it always has been.” "
    "According to the U.N., exports between the two countries doubled last year. "
    "Kenyan Trade Minister Peter Kamau, who joined the delegation, was more cautious. "
    "The minister did not confirm the figure."
)


@pytest.fixture(scope="session")
def summit_text() -> str:
    return SUMMIT


@pytest.fixture(scope="session")
def summit() -> list[ExtractedStatement]:
    return extract(SUMMIT, outlet="Daily Test")
