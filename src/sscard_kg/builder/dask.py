"""Extraction on a Dask cluster: each task extracts and validates a batch of articles, the client
writes each batch's graphs to an N-Quads shard, and the build bulk-loads the shards.

The tasks are the same `batch.run_batch` the local worker processes run, so a cluster build and a
local build give the same store. Files are read (and hashed) by the client and sent with the
task, so the cluster's workers need no access to the client's disk; URLs are fetched by the
workers. Needs the `distributed` package (`pip install 'sscard-kg[dask]'`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..config import Limits
from .batch import Outcome, Task, run_batch
from ..errors import ExtractionError, SscardError

IN_FLIGHT_PER_THREAD = 3


def extract_shard(tasks: list[Task], stamp: str, limits: Limits) -> tuple[list[Outcome], bytes]:
    """A cluster task: the batch's outcomes (graphs left out) and its valid graphs as one N-Quads shard."""
    outcomes = run_batch(tasks, stamp, limits)
    shard = b"".join(o.nquads for o in outcomes if o.nquads is not None and not o.error)
    for outcome in outcomes:
        outcome.nquads = None
    return outcomes, shard


def run_on_dask(chunks: list[list[Task]], stamp: str, limits: Limits, scheduler, shard_dir: Path
                ) -> Iterator[tuple[list[Outcome], Path | None]]:
    """Run the chunks on the cluster at `scheduler` (an address, or a Client); yield outcomes and shard paths."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise SscardError("the dask executor needs the distributed package: pip install 'sscard-kg[dask]'") from None
    shard_dir.mkdir(parents=True, exist_ok=True)
    own = not isinstance(scheduler, Client)
    try:
        client = Client(scheduler, set_as_default=False, timeout="10s") if own else scheduler
    except OSError as exc:
        raise SscardError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        threads = max(1, sum(client.nthreads().values()))
        pending = iter(enumerate(chunks))
        running = as_completed(loop=client.loop)
        index_of = {}

        def submit(count: int) -> None:
            for index, chunk in pending:
                future = client.submit(extract_shard, chunk, stamp, limits, pure=False)
                index_of[future.key] = index
                running.add(future)
                count -= 1
                if count <= 0:
                    return

        submit(threads * IN_FLIGHT_PER_THREAD)
        for future in running:
            index = index_of.pop(future.key)
            try:
                outcomes, shard = future.result()
            except Exception as exc:  # a lost worker or a task error: the chunk's articles fail, others go on
                reason = f"the cluster task failed: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                outcomes = [Outcome(t.ref.location, t.ref.key, error=ExtractionError(t.ref.location, reason))
                            for t in chunks[index]]
                shard = b""
            future.release()
            path = None
            if shard:
                path = shard_dir / f"shard-{index:06d}.nq"
                path.write_bytes(shard)
            yield outcomes, path
            submit(1)
    finally:
        if own:
            client.close()
