"""Chance-corrected agreement between analysts: Cohen's kappa and Krippendorff's alpha (nominal).

Pure arithmetic over labels, no database: `services/team_stats.py` feeds it each analyst's last
verdict per statement. Raw percent agreement flatters a desk where nearly everything is
"confirmed"; both measures subtract the agreement two analysts would reach by chance with their
own label frequencies, which is what a lead needs to tell calibration from luck.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa for two raters over the items both judged, one (a, b) pair per item.

    None when it is undefined: no items, or chance agreement is already 1 (both raters used
    one and the same label for everything), where (po - pe) / (1 - pe) divides by zero.
    """
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(1 for a, b in pairs if a == b) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[label] * second[label] for label in first) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def krippendorff_alpha_nominal(units: Iterable[Mapping[Any, Hashable]]) -> float | None:
    """Krippendorff's alpha for nominal labels, any number of raters, missing values allowed.

    `units` holds one mapping per item, rater -> label. Items with fewer than two labels are
    not pairable and are left out, as the coefficient prescribes. None when undefined (fewer
    than two pairable values, or a single label in use: no disagreement could be expected).
    """
    coincidence: dict[tuple[Hashable, Hashable], float] = {}
    for unit in units:
        values = list(unit.values())
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_c - 1) if c == k else n_c * n_k
                coincidence[(c, k)] = coincidence.get((c, k), 0.0) + pairs / (m - 1)
    totals: dict[Hashable, float] = {}
    for (c, _k), weight in coincidence.items():
        totals[c] = totals.get(c, 0.0) + weight
    n = sum(totals.values())
    if n < 2:
        return None
    observed = sum(w for (c, k), w in coincidence.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if expected == 0:
        return None
    return 1.0 - (n - 1) * observed / expected


def coefficient_text(value: float | None) -> str:
    """Kappa or alpha to three places for tables and reports; a dash where it is undefined."""
    return "–" if value is None else f"{value:.3f}"
