"""Worker processes of a parallel run, and progress reported article by article."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.corpus import extract_records
from analysis.reader import read_file

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_6f88fa4361e87f91.txt"


def children(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is ``pid``, read from /proc (never by name)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            state, ppid = stat.rsplit(")", 1)[1].split()[:2]
            if int(ppid) == pid and state != "Z":
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc (Linux)")
def test_workers_die_with_a_killed_ingest(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(120):  # distinct texts: nothing is skipped as a duplicate
        (folder / f"a{i:03}.txt").write_text(f"{text}\n\nReference note {i}.", encoding="utf-8")
    env = {**os.environ, "DASHBOARD_N_PROCESS": "2"}
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "ingest", str(folder), "--db", str(tmp_path / "k.db")],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            workers = children(proc.pid)
            time.sleep(0.2)
        assert len(workers) >= 2, "the ingest never started its worker processes"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [w for w in workers if alive(w)]
    finally:
        if proc.poll() is None:
            proc.kill()
    for w in left:  # clean up before failing, by pid
        os.kill(w, signal.SIGKILL)
    assert left == [], f"worker processes {left} outlived their killed parent"


def test_records_come_one_article_at_a_time_when_watched(monkeypatch):
    """With per_article the pipeline parses one text per batch, so a progress bar moves per article."""
    from analysis import corpus

    sizes = []
    real_parse = corpus.parse

    def spy(nlp, texts, batch_size=32):
        sizes.append(batch_size)
        return real_parse(nlp, texts, batch_size=batch_size)

    monkeypatch.setattr(corpus, "parse", spy)
    article = read_file(SEED)
    rows = list(extract_records([article] * 3, per_article=True, n_process=1))
    assert sizes == [1] and len(rows) == 3
    list(extract_records([article] * 3, n_process=1))
    assert sizes == [1, corpus.BATCH_SIZE]


def test_a_record_becomes_the_row_asdict_gives():
    """as_row skips asdict's deep copy for plain values, and only then."""
    import dataclasses

    from analysis.records import Actor, Position, as_row

    position = Position("a1", "Anna Berg", "person", "FIN", "foreign minister", "ceasefire", "support",
                        "Anna Berg said a ceasefire must come.", 0, 38, "", "indirect", 0.8)
    actor = Actor("a1", "Anna Berg", "person", "FIN", "foreign minister", 2)
    for record in (position, actor):
        assert as_row(record) == dataclasses.asdict(record)
        assert list(as_row(record)) == [f.name for f in dataclasses.fields(record)]

    @dataclasses.dataclass(frozen=True)
    class Nested:
        name: str
        words: list

    record = Nested("Tom Reed", ["talks"])
    row = as_row(record)
    assert row == {"name": "Tom Reed", "words": ["talks"]} and row["words"] is not record.words  # copied, as asdict does
