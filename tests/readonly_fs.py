"""A folder that really cannot be written, for the read-only database tests.

As an ordinary user ``chmod 555`` is enough. root ignores permission bits, so as root the
folder is bind-mounted read-only onto itself (a read-only file system, which root cannot
write either). Where neither works the tests that need it are skipped with the reason."""

from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def read_only(folder: Path):
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    bind = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if bind.returncode != 0:
        pytest.skip("running as root without mount rights: no way to make a folder read-only here")
    try:
        ro = subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], capture_output=True)
        if ro.returncode != 0:
            pytest.skip("running as root without mount rights: no way to make a folder read-only here")
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def assert_read_only(folder: Path) -> None:
    """The test environment really refuses writes here (else the test would prove nothing)."""
    with pytest.raises(OSError):
        (folder / "probe").write_text("x")
