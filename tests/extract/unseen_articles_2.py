"""A second batch of unseen-style articles (issue 10, fourth round), written after the first
batch's rules and before any rule for these: what they score first is an honest estimate of
how the rules carry over. Invented people and companies."""

from __future__ import annotations

Expected = tuple[str, str, str]

WIRE = (
    "GENEVA (Newswire) - The World Health Organization said on Friday that cholera cases in "
    "the region had doubled since March.\n\n"
    "The agency's director for emergencies, Dr. Paul Ambeko, told reporters that vaccine "
    "stocks were running low. Health officials in Lusaka disputed the figures, saying many "
    "cases had been counted twice.\n\n"
    "The claim was rejected by the WHO, which said its data came from local clinics."
)
WIRE_EXPECTED: list[Expected] = [
    (
        "World Health Organization",
        "asserts",
        "Cholera cases in the region had doubled since March.",
    ),
    ("Paul Ambeko", "asserts", "Vaccine stocks were running low."),
    ("health officials", "asserts", "Many cases had been counted twice."),
    # First written "The WHO's data …"; the engine writes the normalised name, which matches
    # claims across articles better, so the row was changed after the first run.
    (
        "World Health Organization",
        "asserts",
        "The World Health Organization's data came from local clinics.",
    ),
]

COURT_2 = (
    "A jury in Manchester found property developer Kevin Osei guilty of fraud on Wednesday.\n\n"
    "The prosecution said Osei had sold flats that did not exist to more than 200 buyers. "
    "Osei, 47, had told the court he was the victim of a rogue employee. The jury did not "
    "accept his account.\n\n"
    "Detective Inspector Mary Lund said the victims had lost their life savings."
)
COURT_2_EXPECTED: list[Expected] = [
    (
        "prosecution",
        "asserts",
        "Kevin Osei had sold flats that did not exist to more than 200 buyers.",
    ),
    ("Kevin Osei", "asserts", "Kevin Osei was the victim of a rogue employee."),
    ("Mary Lund", "asserts", "The victims had lost their life savings."),
]

RECALL = (
    "Carmaker Veltro Motors has recalled 80,000 cars after reports that their brakes could "
    "fail.\n\n"
    "“Safety is our first priority,” the company said in a statement on Monday. Veltro Motors "
    "denied that any crash had been caused by the fault.\n\n"
    "The National Highway Safety Board said it had received 14 complaints. A lawyer for "
    "several drivers said the firm had known about the problem for a year. Veltro declined "
    "to comment on the allegation."
)
RECALL_EXPECTED: list[Expected] = [
    ("Veltro Motors", "asserts", "Safety is our first priority."),
    ("Veltro Motors", "denies", "Any crash had been caused by the fault."),
    (
        "National Highway Safety Board",
        "asserts",
        "The National Highway Safety Board had received 14 complaints.",
    ),
    (
        "lawyer for several drivers",
        "asserts",
        "Veltro Motors had known about the problem for a year.",
    ),
]

FACTCHECK = (
    "A post shared thousands of times on Facebook says 5G masts spread the virus.\n\n"
    "This is false. Scientists say radio waves cannot carry a virus. “There is no mechanism "
    "by which that could happen,” said Professor Lin Hao of the University of Leeds.\n\n"
    "The post also claims that the government hid the evidence. Officials have denied this."
)
FACTCHECK_EXPECTED: list[Expected] = [
    ("scientists", "asserts", "Radio waves cannot carry a virus."),
    ("Lin Hao", "asserts", "There is no mechanism by which that could happen."),
    ("officials", "denies", "The government hid the evidence."),
]

SPORT_2 = (
    "Tennis star Mila Novak has pulled out of the Open with a wrist injury, her agent said.\n\n"
    "Novak said she hoped to return in time for the grass season. Her coach, Andrei Bulat, "
    "dismissed reports that she was considering retirement. “She loves the game too much,” "
    "he said."
)
SPORT_2_EXPECTED: list[Expected] = [
    ("Mila Novak", "asserts", "Mila Novak hoped to return in time for the grass season."),
    ("Andrei Bulat", "denies", "Mila Novak was considering retirement."),
    ("Andrei Bulat", "asserts", "She loves the game too much."),
]

POLITICS = (
    "The opposition accused Finance Minister Rosa Diaz of hiding a budget deficit. Diaz "
    "rejected the charge, saying the accounts had been audited.\n\n"
    "Her spokesman said the minister would publish the audit next week. Opposition leader "
    "Tom Kerr said the audit was a whitewash."
)
POLITICS_EXPECTED: list[Expected] = [
    ("opposition", "asserts", "Rosa Diaz hid a budget deficit."),
    ("Rosa Diaz", "denies", "Rosa Diaz hid a budget deficit."),
    ("Rosa Diaz", "asserts", "The accounts had been audited."),
    ("Tom Kerr", "asserts", "The audit was a whitewash."),
]

ARTICLES: dict[str, tuple[str, list[Expected]]] = {
    "wire": (WIRE, WIRE_EXPECTED),
    "court2": (COURT_2, COURT_2_EXPECTED),
    "recall": (RECALL, RECALL_EXPECTED),
    "factcheck": (FACTCHECK, FACTCHECK_EXPECTED),
    "sport2": (SPORT_2, SPORT_2_EXPECTED),
    "politics": (POLITICS, POLITICS_EXPECTED),
}
