"""The reproducible install: the lock pins every dependency with hashes; ./dash insists on Python 3.11."""

import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lock_entries() -> dict[str, str]:
    """name -> the lock's entry (requirement line plus its --hash lines)."""
    text = (ROOT / "requirements.lock").read_text()
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    return {re.split(r"[=@ ]", e, 1)[0].lower().replace("_", "-"): e for e in entries if e.strip()}


def test_lock_pins_every_package_with_a_hash():
    entries = lock_entries()
    assert len(entries) > 50  # the transitive closure, not just the top level
    for name, entry in entries.items():
        assert re.search(r"^\S+(==\S+| @ https://\S+#sha256=\w+)", entry), f"{name} is not pinned"
        assert "--hash=sha256:" in entry, f"{name} has no hash"
    # the package a plain `pip install -r requirements.txt` used to miss (trafilatura's HTML cleaner)
    assert "lxml-html-clean" in entries


def test_lock_covers_requirements_txt_at_the_same_versions():
    entries = lock_entries()
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name = re.split(r"[=@ ]", line, 1)[0].lower().replace("_", "-")
        assert name in entries, f"{name} from requirements.txt is missing in requirements.lock: regenerate it"
        pinned = entries[name].splitlines()[0].rstrip(" \\")
        assert pinned.lower().replace("_", "-") == line.strip().lower().replace("_", "-"), \
            f"requirements.txt says {line!r}, the lock {pinned!r}: regenerate the lock"


def test_dash_refuses_another_python_with_what_is_needed(tmp_path):
    fake = tmp_path / "python3.10"
    fake.write_text("#!/bin/sh\necho 3.10\n")
    fake.chmod(0o755)
    env = {**os.environ, "DASHBOARD_PYTHON": str(fake), "DASHBOARD_VENV": str(tmp_path / "venv")}
    result = subprocess.run([str(ROOT / "dash"), "setup"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "needs Python 3.11" in result.stderr and "is Python 3.10" in result.stderr
    assert not (tmp_path / "venv").exists()
