"""Krippendorff's alpha checked against his own published examples (missing values included)."""

from __future__ import annotations

import pytest

from workbench.services.agreement import krippendorff_alpha


def test_alpha_of_the_four_coder_example_with_missing_values() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal: 0.743.
    coders = [
        ["1", "2", "3", "3", "2", "1", "4", "1", "2", "", "", ""],
        ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", "", "3"],
        ["", "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", ""],
        ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", ""],
    ]
    units = [[c[i] for c in coders if c[i]] for i in range(12)]
    assert krippendorff_alpha(units) == pytest.approx(0.743, abs=5e-4)


def test_alpha_of_the_two_coder_binary_example() -> None:
    # Krippendorff's ten-unit binary example for two coders: 0.095.
    a = "0100000010"
    b = "1110010000"
    assert krippendorff_alpha([[x, y] for x, y in zip(a, b, strict=True)]) == pytest.approx(
        0.095, abs=5e-4
    )
