"""Attribution extraction: split news text into who asserts, denies or questions what.

Pure, deterministic and offline: rules over sentences plus lexicons shipped as TOML data.
"""

from __future__ import annotations

from workbench.extract.lexicon import Lexicon, load_lexicon
from workbench.extract.model import ExtractedStatement
from workbench.extract.pipeline import extract

__all__ = ["ExtractedStatement", "Lexicon", "extract", "load_lexicon"]
