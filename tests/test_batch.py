"""``python -m analysis batch`` (analysis.batch): a Parquet dataset with the rows of ``extract``, on a
local cluster and on a real scheduler with workers; resuming after a kill; failures in errors/.

The expected rows are ``analysis.corpus.analyze`` over the same files with the CLI's ``file`` and
``country_source`` columns: what ``extract`` prints before its corpus-wide actor registry
(``resolve_corpus``), which the dataset leaves to the app that reads it. Every server started here
listens on 127.0.0.1, has a time limit of its own and is stopped by its process id.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil
import pyarrow as pa
import pyarrow.parquet as pq
import dask
import pytest

from analysis import batch
from analysis.cli import first_of_each_text, with_file
from analysis.corpus import analyze
from analysis.reader import expand_paths, read_file
from analysis.store import pipeline_version

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "articles"
SEED = ROOT / "seeds"
# The columns of `extract --table actors|statements|reactions` (tests/test_cli.py).
CLI_COLUMNS = {
    "actors": ["article", "file", "name", "actor_type", "country", "role", "mentions", "evidence_start",
               "evidence_end", "country_source"],
    "positions": ["article", "file", "actor", "actor_type", "country", "role", "issue", "stance", "evidence", "start",
                  "end", "quote", "kind", "confidence", "country_source"],
    "reactions": ["article", "file", "source", "source_country", "target", "target_country", "relation", "evidence",
                  "start", "end"],
}
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "3s"}


def run_cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env=ENV)


def rows(df: pd.DataFrame) -> list[dict]:
    """Whole rows in a fixed order, so two tables compare row by row whatever the chunk order."""
    return sorted(df.to_dict("records"), key=lambda r: json.dumps(r, sort_keys=True, default=str))


def read_dataset(out: Path) -> dict[str, pd.DataFrame]:
    """Each table of the dataset as the manifest lists it (a chunk counts only with its entry)."""
    manifest = json.loads((out / "manifest.json").read_text())
    tables = {}
    for table in batch.TABLES:
        parts = [pq.read_table(out / f) for entry in manifest["chunks"].values() for f in entry["files"]
                 if f.startswith(f"{table}/")]
        tables[table] = pa.concat_tables(parts).to_pandas() if parts else batch.SCHEMAS[table].empty_table().to_pandas()
    return tables


def expected(named_articles: list) -> dict[str, pd.DataFrame]:
    """(name, Article) pairs -> the tables extract gives per article (no corpus registry)."""
    named_articles = first_of_each_text(named_articles)
    tables = analyze([a for _, a in named_articles])
    files = {a.id: name for name, a in named_articles}

    def stated(df):  # what the registry's resolution writes when no registry person matches
        return df.assign(country_source=["text" if c else "" for c in df["country"]])

    articles = pd.DataFrame([{"id": a.id, "file": name, "title": a.title, "source": a.source, "date": a.date,
                              "text": a.text, "url": ""} for name, a in named_articles])
    return {"articles": articles, "actors": stated(with_file(tables.actors, files)),
            "positions": stated(with_file(tables.statements, files)), "reactions": with_file(tables.reactions, files)}


def expected_for(*paths) -> dict[str, pd.DataFrame]:
    return expected([(str(f), read_file(f)) for f in expand_paths(paths)])


def assert_same_rows(out: Path, want: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    got = read_dataset(out)
    for table in ("actors", "positions", "reactions"):
        assert list(got[table].columns) == CLI_COLUMNS[table]
    assert list(got["articles"].columns) == ["id", "file", "title", "source", "date", "text", "url"]
    for table, df in want.items():
        assert rows(got[table]) == rows(df), table
    assert not got["articles"]["id"].duplicated().any()
    return got


def assert_manifest_consistent(out: Path) -> dict:
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["format"] == 1 and manifest["pipeline_version"] == pipeline_version()
    assert manifest["tables"] == {t: batch.SCHEMAS[t].names for t in batch.TABLES}
    for key, entry in manifest["chunks"].items():
        assert entry["files"] == [f"{t}/chunk-{key}.parquet" for t in batch.TABLES]
        assert all((out / f).is_file() for f in entry["files"])
        assert pq.read_metadata(out / entry["files"][0]).num_rows == entry["articles"]
        assert pq.read_metadata(out / entry["files"][-1]).num_rows == entry["errors"]
    on_disk = {f"{t}/{p.name}" for t in batch.TABLES for p in (out / t).iterdir()}
    assert on_disk == {f for e in manifest["chunks"].values() for f in e["files"]}  # no stray or temporary file
    return manifest


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of 2 worker processes shared by the in-process tests (it closes with the module)."""
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with Client(cluster) as c:
        yield c
    cluster.close()


def run_in(client, inputs, out, **kw):
    return batch.run([str(p) for p in inputs], out, client=client, progress=False, log=lambda line: None, **kw)


# ------------------------------------------------------------------ the same rows as extract

def test_local_cluster_of_two_workers_gives_the_rows_of_extract(tmp_path):
    copy = tmp_path / "copy.txt"  # the same text as a test article: listed once, under its first file
    shutil.copy(ARTICLES / "baltic-dutch-troops.txt", copy)
    out = tmp_path / "ds"
    result = run_cli("batch", "seeds", "tests/articles/", str(copy), "--out", str(out), "--workers", "2",
                     "--chunk-size", "3")
    assert result.returncode == 0, result.stderr
    assert ", 2 workers; Dask dashboard: http://" in result.stdout
    assert "7 articles analysed in 3 chunks" in result.stdout and "1 repeated texts listed once" in result.stdout
    assert "batch: 100%" in result.stderr  # the progress bar
    manifest = assert_manifest_consistent(out)
    assert manifest["inputs"] == ["seeds", "tests/articles/", str(copy)]
    want = expected([(str(f), read_file(f)) for f in expand_paths(["seeds", "tests/articles/", str(copy)])])
    got = assert_same_rows(out, want)
    assert got["articles"]["file"].str.startswith(("seeds/", "tests/articles/")).all()
    again = run_cli("batch", "seeds", "tests/articles/", str(copy), "--out", str(out), "--workers", "2",
                    "--chunk-size", "3")
    assert again.returncode == 0, again.stderr
    assert "0 articles analysed in 0 chunks, 7 already done (3 chunks)" in again.stdout


def test_real_scheduler_and_two_worker_processes(tmp_path):
    dask = str(Path(sys.executable).with_name("dask"))
    scheduler_file = tmp_path / "scheduler.json"
    procs = []
    try:
        procs.append(subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                       "--scheduler-file", str(scheduler_file), "--idle-timeout", "300s"],
                                      cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(scheduler_file.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        for n in range(2):
            procs.append(subprocess.Popen([dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                                           "--no-nanny", "--no-dashboard", "--name", f"test-worker-{n}",
                                           "--death-timeout", "60s", "--lifetime", "600s"],
                                          cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from distributed import Client

        with Client(address, timeout="30s") as c:
            c.wait_for_workers(2, timeout=120)
        out = tmp_path / "ds"
        result = run_cli("batch", str(ARTICLES), "--out", str(out), "--scheduler", address, "--chunk-size", "2")
        assert result.returncode == 0, result.stderr
        assert f"scheduler {address}, 2 workers" in result.stdout
        assert_manifest_consistent(out)
        assert_same_rows(out, expected_for(ARTICLES))
        # Both workers took chunks (each one's own record of the tasks it ran).
        with Client(address, timeout="30s") as c:
            ran = c.run(lambda dask_worker: sum(1 for e in dask_worker.state.log if "analyse-chunk" in str(e)))
        assert len(ran) == 2 and all(ran.values()), ran
    finally:
        for proc in reversed(procs):  # workers first, then the scheduler; each by its process id
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


# ------------------------------------------------------------------ resuming

def copies(folder: Path, n: int) -> list[Path]:
    """n distinct articles made from the test articles (a numbered first line), as the benchmarks do."""
    sources = [read_file(p) for p in expand_paths([ARTICLES])]
    folder.mkdir()
    paths = []
    for i in range(n):
        src = sources[i % len(sources)]
        path = folder / f"article-{i:03d}.txt"
        path.write_text(f"Title: {src.title} ({i})\nDate: {src.date}\n\nDispatch {i}.\n\n{src.text}", encoding="utf-8")
        paths.append(path)
    return paths


def test_resume_after_the_process_is_killed(tmp_path):
    folder = tmp_path / "in"
    copies(folder, 36)
    out = tmp_path / "ds"
    args = [sys.executable, "-m", "analysis", "batch", str(folder), "--out", str(out), "--workers", "2",
            "--chunk-size", "2"]
    proc = subprocess.Popen(args, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    family = []
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and proc.poll() is None:
            family = psutil.Process(proc.pid).children(recursive=True) or family
            try:
                if len(json.loads((out / "manifest.json").read_text())["chunks"]) >= 2:
                    break
            except (OSError, ValueError, KeyError):
                pass
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        gone, alive = psutil.wait_procs(family, timeout=20)  # the workers end with their parent
        for p in alive:
            os.kill(p.pid, signal.SIGKILL)
    assert not alive, "worker processes outlived the killed run"
    manifest = assert_manifest_consistent_after_kill(out)
    done = len(manifest["chunks"])
    assert 2 <= done < 18, f"not killed mid-run ({done} of 18 chunks finished)"
    finished = {f: (out / f).stat().st_mtime_ns for e in manifest["chunks"].values() for f in e["files"]}

    result = run_cli("batch", str(folder), "--out", str(out), "--workers", "2", "--chunk-size", "2")
    assert result.returncode == 0, result.stderr
    assert f"{36 - 2 * done} articles analysed in {18 - done} chunks, {2 * done} already done ({done} chunks)" \
        in result.stdout
    assert {f: (out / f).stat().st_mtime_ns for f in finished} == finished  # finished chunks were not redone
    assert_manifest_consistent(out)
    assert_same_rows(out, expected_for(folder))


def assert_manifest_consistent_after_kill(out: Path) -> dict:
    """After a kill: the manifest is whole and lists only complete chunks (strays may remain until the next run)."""
    manifest = json.loads((out / "manifest.json").read_text())
    for key, entry in manifest["chunks"].items():
        for f in entry["files"]:
            assert pq.read_metadata(out / f).num_rows >= 0  # a complete Parquet file
    return manifest


def test_chunk_without_manifest_entry_is_done_again_once(tmp_path, client):
    out = tmp_path / "ds"
    run_in(client, [ARTICLES], out, chunk_size=2)
    manifest = json.loads((out / "manifest.json").read_text())
    lost = next(iter(manifest["chunks"]))
    del manifest["chunks"][lost]  # as if killed after its files but before its manifest entry
    (out / "manifest.json").write_text(json.dumps(manifest))
    (out / "positions" / ".chunk-0123456789abcdef.parquet.tmp").write_bytes(b"PAR1 half")  # killed mid-write
    (out / "actors" / "chunk-0123456789abcdef.parquet").write_bytes(b"PAR1 half")
    summary = run_in(client, [ARTICLES], out, chunk_size=2)
    assert (summary.chunks, summary.chunks_skipped) == (1, 2)
    assert_manifest_consistent(out)
    assert_same_rows(out, expected_for(ARTICLES))


def test_changed_inputs_replace_chunks_and_never_duplicate_rows(tmp_path, client):
    folder = tmp_path / "in"
    paths = copies(folder, 7)
    out = tmp_path / "ds"
    run_in(client, [folder], out, chunk_size=2)
    shutil.copy(SEED / "000_6f88fa4361e87f91.txt", folder / "article-001a.txt")  # sorts third: later chunks shift
    paths[-1].unlink()
    summary = run_in(client, [folder], out, chunk_size=2)
    assert (summary.chunks_skipped, summary.chunks, summary.stale) == (1, 3, 3)
    manifest = assert_manifest_consistent(out)
    assert len(manifest["chunks"]) == 4
    assert_same_rows(out, expected_for(folder))


def test_other_pipeline_version_starts_afresh(tmp_path, client):
    out = tmp_path / "ds"
    run_in(client, [ARTICLES], out, chunk_size=4)
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["pipeline_version"] = "0000000000000000"
    (out / "manifest.json").write_text(json.dumps(manifest))
    summary = run_in(client, [ARTICLES], out, chunk_size=4)
    assert (summary.chunks, summary.chunks_skipped) == (2, 0)
    assert json.loads((out / "manifest.json").read_text())["created"] == manifest["created"]
    assert_manifest_consistent(out)
    assert_same_rows(out, expected_for(ARTICLES))


# ------------------------------------------------------------------ failures and dumps

def fail_on_marker():
    """Installed on the workers: the readers raise on an article whose text has the marker word."""
    import analysis.extract as extract

    original = extract.extract_doc

    def failing(doc, article_id):
        if "Zzyzxmarker" in doc.text:
            raise ValueError("a reader broke on this text")
        return original(doc, article_id)

    failing.original = original
    extract.extract_doc = failing


def restore_readers():
    import analysis.extract as extract

    extract.extract_doc = getattr(extract.extract_doc, "original", extract.extract_doc)


def test_failing_articles_land_in_errors(tmp_path, client):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ARTICLES / "nordic-ceasefire-split.txt", folder / "a-good.txt")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "d-bad-date.txt").write_text("Title: A date nobody can read\nDate: 03/04/2025\n\nThe minister spoke.\n")
    broken = "Title: Breaks a reader\n\nDanish Defence Minister Karen Holm said Zzyzxmarker sanctions must stay.\n"
    (folder / "e-breaks.txt").write_text(broken, encoding="utf-8")
    shutil.copy(ARTICLES / "ankara-tokyo-ottawa.md", folder / "f-good.md")
    client.run(fail_on_marker)
    try:
        summary = run_in(client, [folder], tmp_path / "ds", chunk_size=2)
    finally:
        client.run(restore_readers)
    assert summary.errors == 4 and summary.analysed == 2 and not summary.failed
    got = read_dataset(tmp_path / "ds")
    broken_id = read_file(folder / "e-breaks.txt").id
    assert rows(got["errors"]) == rows(pd.DataFrame([
        {"file": str(folder / "b-empty.txt"), "article": "", "reason": "the file is empty; nothing to analyse."},
        {"file": str(folder / "c-picture.txt"), "article": "",
         "reason": "this looks like a binary file, not text; upload .txt, .md or .html."},
        {"file": str(folder / "d-bad-date.txt"), "article": "",
         "reason": "the date '03/04/2025' is not a date this tool can read; write it as YYYY-MM-DD (e.g. 2025-02-14) "
                   "or leave it out."},
        {"file": str(folder / "e-breaks.txt"), "article": broken_id,
         "reason": "the pipeline failed on this article (ValueError: a reader broke on this text)."},
    ]))
    good = [folder / "a-good.txt", folder / "f-good.md"]
    assert_same_rows(tmp_path / "ds", expected([(str(f), read_file(f)) for f in good]))
    assert_manifest_consistent(tmp_path / "ds")


def test_analyse_chunk_keeps_the_articles_around_a_failing_one(monkeypatch):
    import analysis.extract as extract

    original = extract.extract_doc
    monkeypatch.setattr(extract, "extract_doc",
                        lambda doc, aid: (_ for _ in ()).throw(RuntimeError("boom")) if aid == "bad" else original(doc, aid))
    good = read_file(ARTICLES / "nordic-ceasefire-split.txt")
    result = batch.analyse_chunk([("bad", "x.txt", "The minister spoke."), (good.id, "good.txt", good.text)],
                                 pipeline_version())
    assert result["errors"] == [("x.txt", "bad", "the pipeline failed on this article (RuntimeError: boom).")]
    assert set(result["positions"]["article"]) == {good.id} and set(result["positions"]["file"]) == {"good.txt"}


def _faults_of_large_arrays() -> int:
    """Minor page faults of this thread while it fills and frees a 4 MiB array 50 times."""
    import resource

    import numpy as np

    before = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt
    for _ in range(50):
        np.empty(1 << 22, np.uint8).fill(1)
    return resource.getrusage(resource.RUSAGE_THREAD).ru_minflt - before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_workers_reuse_freed_memory_for_large_arrays(client):
    # Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_ set, which left every array above
    # 128 KiB to fresh pages from the kernel (1,024 faults per 4 MiB array); the plugin undoes that.
    client.register_plugin(batch.LoadPipeline())
    assert set(client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_")).values()) == {"65536"}
    faults = client.submit(_faults_of_large_arrays, pure=False).result()
    assert faults < 5_000


def test_jsonl_and_parquet_dumps(tmp_path, client):
    nordic, baltic = read_file(ARTICLES / "nordic-ceasefire-split.txt"), read_file(ARTICLES / "baltic-dutch-troops.txt")
    jsonl = tmp_path / "archive.jsonl"
    jsonl.write_text("\n".join([
        json.dumps({"text": nordic.text, "title": "Ministers split", "source": "Test wire", "date": "2025-03-03T08:00:00Z",
                    "url": "https://news.example/1", "id": "ignored"}),
        "",
        json.dumps({"title": "no text here"}),
        "{not json",
    ]) + "\n", encoding="utf-8")
    dump = tmp_path / "archive.parquet"
    pq.write_table(pa.table({"text": [baltic.text, nordic.text], "title": ["Troops", None],
                             "date": pa.array([pd.Timestamp("2025-03-12"), None], pa.timestamp("s"))}), dump)
    out = tmp_path / "ds"
    summary = run_in(client, [jsonl, dump], out)
    assert (summary.analysed, summary.errors, summary.duplicates) == (2, 2, 1)  # row 2 of the Parquet repeats line 1
    got = read_dataset(out)
    assert rows(got["articles"].drop(columns="text")) == rows(pd.DataFrame([
        {"id": nordic.id, "file": f"{jsonl}#1", "title": "Ministers split", "source": "Test wire", "date": "2025-03-03",
         "url": "https://news.example/1"},
        {"id": baltic.id, "file": f"{dump}#1", "title": "Troops", "source": "", "date": "2025-03-12", "url": ""},
    ]))
    assert rows(got["errors"][["file", "article"]]) == [{"file": f"{jsonl}#3", "article": ""},
                                                        {"file": f"{jsonl}#4", "article": ""}]
    reasons = dict(zip(got["errors"]["file"], got["errors"]["reason"]))
    assert reasons[f"{jsonl}#3"] == "no article text (the `text` field is missing or empty)."
    assert reasons[f"{jsonl}#4"].startswith("line 4 is not a JSON object (")
    from dataclasses import replace

    want = expected([(f"{jsonl}#1", replace(nordic, title="Ministers split", source="Test wire")),
                     (f"{dump}#1", replace(baltic, title="Troops"))])
    for table in ("actors", "positions", "reactions"):
        assert rows(got[table]) == rows(want[table]), table


# ------------------------------------------------------------------ bad command lines

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("make, message", [
    (lambda p: [str(p / "missing"), "--out", str(p / "ds")], "no such file or folder"),
    (lambda p: [str(ARTICLES), "--out", str(ARTICLES / "baltic-dutch-troops.txt")], "is a file"),
    (lambda p: [str(ARTICLES), "--out", str(ARTICLES)], "other files and no manifest.json"),
    (lambda p: [str(ARTICLES), "--out", str(p / "ds"), "--chunk-size", "0"], "--chunk-size 0"),
    (lambda p: [str(ARTICLES), "--out", str(p / "ds"), "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"],
     "--workers sets the size of the local cluster"),
    (lambda p: [str(ARTICLES), "--out", str(p / "ds"), "--scheduler", f"tcp://127.0.0.1:{free_port()}"],
     "cannot reach the Dask scheduler"),
])
def test_bad_command_lines_give_one_error_line(tmp_path, make, message):
    result = run_cli("batch", *make(tmp_path), timeout=120)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0], result.stderr


def test_a_second_run_on_the_same_folder_is_refused(tmp_path):
    first = batch.Dataset(tmp_path / "ds", pipeline_version(), ["x"])
    try:
        with pytest.raises(batch.AnalysisError, match="another batch run is writing"):
            batch.Dataset(tmp_path / "ds", pipeline_version(), ["x"])
    finally:
        first.close()


def test_local_cluster_workers_run_without_the_sampling_profiler():
    # Dask's profiler takes the GIL every 10 ms to walk the running task's stack, for a profile
    # nobody reads in a batch run.
    from distributed import Client

    cluster = batch._local_cluster(1)
    try:
        with Client(cluster) as c:
            on = c.run(lambda dask_worker: ("profile" in dask_worker.periodic_callbacks,
                                            dask.config.get("distributed.worker.profile.enabled")))
    finally:
        cluster.close()
    assert list(on.values()) == [(False, False)]
