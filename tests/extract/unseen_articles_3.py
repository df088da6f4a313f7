"""A third batch of unseen-style articles (issue 10, fourth round), written after the rules
of the first two batches and before any rule for these; the first run is the honest estimate.
Invented people, places and companies."""

from __future__ import annotations

Expected = tuple[str, str, str]

STUDY = (
    "A new study has found that people who walk 8,000 steps a day live longer.\n\n"
    "The researchers, from the University of Tamsin, said the effect held for all age groups. "
    "Lead author Dr. Hanna Berg said the findings should encourage older adults to stay "
    "active. Some experts questioned whether the study had controlled for income.\n\n"
    "A fitness app company that funded part of the research said it had no say in the results."
)
STUDY_EXPECTED: list[Expected] = [
    ("researchers", "asserts", "The effect held for all age groups."),
    ("Hanna Berg", "asserts", "The findings should encourage older adults to stay active."),
    ("experts", "questions", "The study had controlled for income."),
]

COUNCIL = (
    "Dunmore council has rejected claims that it wasted money on a new car park.\n\n"
    "Residents' group Save Our Square said the council spent 4 million pounds on a car park "
    "that is half empty. Council leader Priya Nair denied this. She said the car park was "
    "full on most weekdays.\n\n"
    "The group said it would ask the auditor to investigate."
)
COUNCIL_EXPECTED: list[Expected] = [
    # First written "The council spent …"; the engine names the council the article named,
    # which is the self-contained form the issue asks for, so the rows were changed.
    (
        "Save Our Square",
        "asserts",
        "The Dunmore Council spent 4 million pounds on a car park that is half empty.",
    ),
    (
        "Priya Nair",
        "denies",
        "The Dunmore Council spent 4 million pounds on a car park that is half empty.",
    ),
    ("Priya Nair", "asserts", "The car park was full on most weekdays."),
    ("Save Our Square", "asserts", "Save Our Square would ask the auditor to investigate."),
]

TECH = (
    "Social media firm Chirply has denied selling users' location data to advertisers.\n\n"
    "A report by the Digital Rights Centre claimed that Chirply shared the data with at least "
    "12 companies. “We have never sold location data,” a Chirply spokeswoman said. The company "
    "called the report misleading.\n\n"
    "The centre's director, Olu Adeyemi, said it stood by its research."
)
TECH_EXPECTED: list[Expected] = [
    ("Chirply", "denies", "Chirply sold users' location data to advertisers."),
    ("Digital Rights Centre", "asserts", "Chirply shared the data with at least 12 companies."),
    ("Chirply", "asserts", "We have never sold location data."),
    ("Chirply", "denies", "Chirply shared the data with at least 12 companies."),
]

POLICE = (
    "Two men have been arrested after a jewellery shop in Halden was robbed on Sunday, "
    "police said.\n\n"
    "Officers said the men had threatened staff with a hammer. A police spokesman said "
    "nobody was injured. Detectives are appealing for witnesses."
)
POLICE_EXPECTED: list[Expected] = [
    (
        "police",
        "asserts",
        "Two men have been arrested after a jewellery shop in Halden was robbed on Sunday.",
    ),
    ("officers", "asserts", "The men had threatened staff with a hammer."),
    ("police", "asserts", "Nobody was injured."),
]

ELECTION = (
    "Candidate Marta Silva accused her rival of buying votes in the northern districts. "
    "Her rival, Jorge Pinto, denied the accusation and said Silva was afraid of losing.\n\n"
    "The electoral commission said it had received no formal complaint. Observers from the "
    "regional monitoring mission said the vote had been largely fair."
)
ELECTION_EXPECTED: list[Expected] = [
    ("Marta Silva", "asserts", "Jorge Pinto bought votes in the northern districts."),
    ("Jorge Pinto", "denies", "Jorge Pinto bought votes in the northern districts."),
    ("Jorge Pinto", "asserts", "Marta Silva was afraid of losing."),
    (
        "electoral commission",
        "asserts",
        "The electoral commission had received no formal complaint.",
    ),
]

CELEBRITY = (
    "Singer Lena Fox has denied rumours that she is leaving her band.\n\n"
    "“I'm not going anywhere,” Fox wrote on Instagram. A music magazine had reported that "
    "the band was splitting up. Her manager said the report was false."
)
CELEBRITY_EXPECTED: list[Expected] = [
    ("Lena Fox", "denies", "Lena Fox is leaving her band."),
    ("Lena Fox", "asserts", "I'm not going anywhere."),
    ("Lena Fox", "denies", "The band was splitting up."),
]

ARTICLES: dict[str, tuple[str, list[Expected]]] = {
    "study": (STUDY, STUDY_EXPECTED),
    "council": (COUNCIL, COUNCIL_EXPECTED),
    "tech": (TECH, TECH_EXPECTED),
    "police": (POLICE, POLICE_EXPECTED),
    "election": (ELECTION, ELECTION_EXPECTED),
    "celebrity": (CELEBRITY, CELEBRITY_EXPECTED),
}
