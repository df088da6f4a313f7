"""Issue 11 item 3: a [keymap] id that names no binding is refused, never silently ignored."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.tui.app import binding_ids

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_unknown_keymap_id_is_one_error_line_naming_file_key_and_known_ids(
    isolated_config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text(
        'analyst = "ana"\n\n[keymap]\nverdict-dispute = "D"\nconfirm-statement = "c,y"\n',
        encoding="utf-8",
    )
    main(["init"])
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_:
        main(["review"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    expected = f"error: {isolated_config}: line 5: unknown keymap id 'confirm-statement'"
    assert err.startswith(expected)
    assert "verdict-confirm" in err and "Traceback" not in err


def test_known_keymap_ids_pass_the_check(isolated_config: Path) -> None:
    from workbench.config import check_keymap_ids, load_settings

    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text('[keymap]\nverdict-confirm = "y"\n', encoding="utf-8")
    check_keymap_ids(load_settings(), binding_ids())


@pytest.mark.parametrize("page", ["configuration.md", "keys.md"])
def test_keymap_examples_in_the_docs_name_real_bindings(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", text, flags=re.S)
    ids = {key for block in blocks for key in tomllib.loads(block).get("keymap", {})}
    assert ids, f"{page} has no [keymap] example"
    assert ids <= binding_ids()
