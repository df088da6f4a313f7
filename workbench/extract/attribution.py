"""The intermediate result of the rules: spans of one attribution before actors are resolved."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.extract.cues import Cue


@dataclass(slots=True)
class Attribution:
    """One attribution found in a sentence, before actors are resolved."""

    speaker: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int]
    rule: str
    lemma: str
    cue_info: Cue | None
    implicit: bool = False
    stance: str | None = None  # set when there is no verb cue to derive it from
    charge: tuple[int, int] | None = None  # "accused by X [of doing Y]": what the accused did
