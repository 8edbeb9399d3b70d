"""What a batch chunk costs inside a Dask worker, by CPU time (robust on a shared machine).

Starts a LocalCluster of 2 worker processes as ``analysis batch`` does (``batch._local_cluster``,
the pipeline loaded by the worker plugin), runs the same 4 chunks of 64 articles (built as in
bench/benchmark_extract.py), and reports per chunk: wall time, the worker process's CPU time
(every thread: the task, Dask's event loop, its profiler when on) and the task thread's own CPU
time. The difference of the last two is what the worker spends around the task. ``--profile``
runs the workers with Dask's sampling profiler on (Dask's default) for comparison. Run:
    python bench/benchmark_batch_worker.py [--profile] [--chunks 4] [--chunk-size 64]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def timed_chunk(payload, version):
    import time

    from analysis.batch import analyse_chunk

    wall, process, thread = time.perf_counter(), time.process_time(), time.thread_time()
    analyse_chunk(payload, version)
    return time.perf_counter() - wall, time.process_time() - process, time.thread_time() - thread


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", action="store_true", help="workers with Dask's sampling profiler on")
    parser.add_argument("--chunks", type=int, default=4)
    parser.add_argument("--chunk-size", type=int, default=64)
    args = parser.parse_args()
    import dask
    from distributed import Client

    from analysis import batch
    from analysis.store import pipeline_version
    from benchmark_extract import build_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        build_corpus(folder, args.chunks * args.chunk_size)
        items = list(batch.read_items(batch.expand_inputs([str(folder)])))
    payloads = [[(i.article.id, i.name, i.article.text) for i in items[k:k + args.chunk_size]]
                for k in range(0, len(items), args.chunk_size)]
    if args.profile:  # the cluster batch started before: Dask's defaults, profiler on
        from distributed import LocalCluster

        with dask.config.set({"distributed.worker.profile.enabled": True}):
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True)
    else:
        cluster = batch._local_cluster(2)
    try:
        with Client(cluster) as client:
            client.register_plugin(batch.LoadPipeline())
            version = pipeline_version()
            client.gather([client.submit(timed_chunk, payloads[0][:4], version, pure=False) for _ in range(2)])
            rows = client.gather([client.submit(timed_chunk, p, version, pure=False) for p in payloads])
    finally:
        cluster.close()
    print(f"profiler {'on' if args.profile else 'off'}: per chunk of {args.chunk_size} articles "
          "(wall s, worker process CPU s, task thread CPU s):")
    for r in rows:
        print("  " + ", ".join(f"{x:.2f}" for x in r))
    around = [p - t for _, p, t in rows]
    print(f"  median worker CPU {statistics.median(p for _, p, _ in rows):.2f} s, of which around the task "
          f"{statistics.median(around):.2f} s", flush=True)


if __name__ == "__main__":
    main()
