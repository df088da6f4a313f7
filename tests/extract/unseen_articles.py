"""Unseen-style news articles for regression tests (issue 10, fourth round).

Written for these tests, with invented people and companies, in the genres the issue lists as
weak: court reporting, a corporate denial, a health claim, sports, a Q&A interview and a
liveblog. Each article comes with the split an analyst would expect: (actor, stance,
proposition) for every attributed statement that matters for checking. They were written
before the rules of the fourth round, and are not mined from any corpus.
"""

from __future__ import annotations

Expected = tuple[str, str, str]

COURT = (
    "A former city treasurer was jailed for four years on Thursday for stealing from the "
    "pension fund he managed.\n\n"
    "Prosecutors said Martin Hale diverted 1.2 million pounds from the fund into accounts he "
    "controlled between 2017 and 2021. Hale denied the charges throughout the trial.\n\n"
    "His lawyer, Sarah Quinn, argued that the transfers had been approved by the finance "
    "committee. Judge Eleanor Marsh rejected that argument. She said Hale had forged the "
    "committee's minutes.\n\n"
    "A spokesperson for the Crown Prosecution Service said the sentence reflected the "
    "seriousness of the offence."
)
COURT_EXPECTED: list[Expected] = [
    (
        "prosecutors",
        "asserts",
        "Martin Hale diverted 1.2 million pounds from the pension fund into accounts he controlled "
        "between 2017 and 2021.",
    ),
    (
        "Martin Hale",
        "denies",
        "Martin Hale diverted 1.2 million pounds from the pension fund into accounts he controlled "
        "between 2017 and 2021.",
    ),
    ("Sarah Quinn", "asserts", "The transfers had been approved by the finance committee."),
    ("Eleanor Marsh", "denies", "The transfers had been approved by the finance committee."),
    ("Eleanor Marsh", "asserts", "Martin Hale had forged the finance committee's minutes."),
    (
        "Crown Prosecution Service",
        "asserts",
        "The sentence reflected the seriousness of the offence.",
    ),
]

CORPORATE = (
    "Harbor Foods on Tuesday denied that its frozen meals had caused a salmonella outbreak.\n\n"
    "The Food Safety Authority said last week that 40 people had fallen ill after eating "
    "meals made at a plant run by Harbor Foods. “These reports are false,” the company said in "
    "a statement. “Our kitchens are clean.”\n\n"
    "Consumer groups have accused Harbor Foods of ignoring earlier complaints. Harbor Foods "
    "rejected the accusation. The authority said it stood by its findings."
)
CORPORATE_EXPECTED: list[Expected] = [
    ("Harbor Foods", "denies", "Harbor Foods' frozen meals had caused a salmonella outbreak."),
    (
        "Food Safety Authority",
        "asserts",
        "40 people had fallen ill after eating meals made at a plant run by Harbor Foods.",
    ),
    (
        "Harbor Foods",
        "denies",
        "40 people had fallen ill after eating meals made at a plant run by Harbor Foods.",
    ),
    ("Harbor Foods", "asserts", "Our kitchens are clean."),
    ("consumer groups", "asserts", "Harbor Foods ignored earlier complaints."),
    ("Harbor Foods", "denies", "Harbor Foods ignored earlier complaints."),
    ("Food Safety Authority", "asserts", "The Food Safety Authority stood by its findings."),
]

HEALTH = (
    "A video shared widely online claims that drinking hot lemon water cures the flu.\n\n"
    "Doctors say there is no evidence for this. “Hot drinks can soothe a sore throat, but they "
    "do not kill the virus,” said Dr. Amal Reyes, an infectious disease specialist.\n\n"
    "The World Health Organization has warned that false cures can stop people from seeking "
    "treatment. Officials at the health ministry said they were asking platforms to label "
    "the video."
)
HEALTH_EXPECTED: list[Expected] = [
    ("doctors", "denies", "Drinking hot lemon water cures the flu."),
    (
        "Amal Reyes",
        "asserts",
        "Hot drinks can soothe a sore throat, but they do not kill the virus.",
    ),
    (
        "World Health Organization",
        "asserts",
        "False cures can stop people from seeking treatment.",
    ),
    (
        "Health Ministry",
        "asserts",
        "Officials at the health ministry were asking platforms to label the video.",
    ),
]

SPORTS = (
    "Riverside United manager Tomas Ortega said his team deserved the win after a 2-1 victory "
    "over Castleford on Saturday.\n\n"
    "“We were the better side for 90 minutes,” Ortega said. Castleford's coach, Mark Dyer, "
    "disputed that, saying the second goal was offside. The league said it would review the "
    "incident.\n\n"
    "Dyer also accused Ortega of wasting time in the second half. Ortega dismissed the claim."
)
SPORTS_EXPECTED: list[Expected] = [
    (
        "Tomas Ortega",
        "asserts",
        "Riverside United deserved the win after a 2-1 victory over Castleford on Saturday.",
    ),
    ("Tomas Ortega", "asserts", "We were the better side for 90 minutes."),
    ("Mark Dyer", "denies", "We were the better side for 90 minutes."),
    ("Mark Dyer", "asserts", "The second goal was offside."),
    ("league", "asserts", "The league would review the incident."),
    ("Mark Dyer", "asserts", "Tomas Ortega wasted time in the second half."),
    ("Tomas Ortega", "denies", "Tomas Ortega wasted time in the second half."),
]

INTERVIEW = (
    "Finance Minister Clara Voss spoke to the Courier about the port contract.\n\n"
    "Q: Did your ministry approve the contract before the tender closed?\n"
    "A: No. The contract was approved after the tender closed, as the law requires.\n"
    "Q: The opposition says you met the bidder in March.\n"
    "A: That is false. I have never met anyone from the company."
)
INTERVIEW_EXPECTED: list[Expected] = [
    # Refined after the first run: the bare "No." denies the question it answers; the row first
    # written glued it to the next sentence ("No. The contract was approved …").
    (
        "Clara Voss",
        "denies",
        "Clara Voss's ministry approved the contract before the tender closed.",
    ),
    (
        "Clara Voss",
        "asserts",
        "The port contract was approved after the tender closed, as the law requires.",
    ),
    ("opposition", "asserts", "Clara Voss met the bidder in March."),
    ("Clara Voss", "denies", "Clara Voss met the bidder in March."),
    ("Clara Voss", "asserts", "I have never met anyone from the company."),
]

LIVEBLOG = (
    "Storm Alina: live updates\n\n"
    "10:42 The Met Office said gusts of 90mph had been recorded on the coast.\n\n"
    "10:15 Police have closed the coast road after a lorry overturned, officers said.\n\n"
    "09:58 Energy company Western Power said about 20,000 homes were without electricity. "
    "It said engineers would work through the night.\n\n"
    "09:30 Downing Street denied reports that an emergency meeting had been cancelled."
)
LIVEBLOG_EXPECTED: list[Expected] = [
    ("Met Office", "asserts", "Gusts of 90mph had been recorded on the coast."),
    ("officers", "asserts", "Police have closed the coast road after a lorry overturned."),
    ("Western Power", "asserts", "About 20,000 homes were without electricity."),
    ("Western Power", "asserts", "Engineers would work through the night."),
    ("Downing Street", "denies", "An emergency meeting had been cancelled."),
]

ARTICLES: dict[str, tuple[str, list[Expected]]] = {
    "court": (COURT, COURT_EXPECTED),
    "corporate": (CORPORATE, CORPORATE_EXPECTED),
    "health": (HEALTH, HEALTH_EXPECTED),
    "sports": (SPORTS, SPORTS_EXPECTED),
    "interview": (INTERVIEW, INTERVIEW_EXPECTED),
    "liveblog": (LIVEBLOG, LIVEBLOG_EXPECTED),
}
