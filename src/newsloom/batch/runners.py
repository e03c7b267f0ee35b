"""Where batch work runs: in this process (``local``) or on Ray (a local instance or a cluster).

A job is a *worker factory*: a picklable callable that builds the worker once (an embedder loads
its model there) and returns a function from one batch to its results. The local runner builds
one worker and maps the batches in order; the Ray runner starts one actor per CPU, each building
its own worker once, keeps a bounded number of batches in flight and yields results in input
order, so both runners give the same output for the same input.
"""

from __future__ import annotations

import importlib.util
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal, Protocol, TypeVar

from newsloom.errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")
Worker = Callable[[list[T]], list[R]]
WorkerFactory = Callable[[], Worker[T, R]]
RunnerName = Literal["local", "ray", "auto"]
# Batches queued per actor: enough to keep it busy while results travel back, no more (memory).
IN_FLIGHT_PER_ACTOR = 2


class Runner(Protocol):
    name: str
    # Seconds the last map_batches spent building its workers (process start, imports, model).
    startup_seconds: float

    def map_batches(
        self, factory: WorkerFactory[T, R], batches: Iterable[list[T]]
    ) -> Iterator[list[R]]: ...

    def close(self) -> None: ...


class LocalRunner:
    """The plain single-process loop."""

    name = "local"
    startup_seconds = 0.0

    def map_batches(
        self, factory: WorkerFactory[T, R], batches: Iterable[list[T]]
    ) -> Iterator[list[R]]:
        started = time.perf_counter()
        worker = factory()
        self.startup_seconds = time.perf_counter() - started
        for batch in batches:
            yield worker(batch)

    def close(self) -> None:
        return None


class _Actor:
    """Holds one worker (e.g. a loaded model) for the life of the job."""

    def __init__(self, factory: WorkerFactory[Any, Any]) -> None:
        self._worker = factory()

    def run(self, batch: list[Any]) -> list[Any]:
        return self._worker(batch)

    def ready(self) -> bool:
        return True


class RayRunner:
    """Actors on Ray: ``address=None`` starts a local instance with ``num_cpus`` CPUs."""

    name = "ray"
    startup_seconds = 0.0

    def __init__(self, address: str | None = None, num_cpus: int | None = None) -> None:
        try:
            import ray
        except ImportError as exc:
            raise ConfigError(
                "config: the ray runner needs ray (pip install 'newsloom[ray]')"
            ) from exc
        self._ray = ray
        self._started = False
        if not ray.is_initialized():
            if address:
                ray.init(address=address, log_to_driver=False)
            else:
                ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False)
            self._started = True
        self.actors = max(1, int(num_cpus or ray.available_resources().get("CPU", 1)))

    def map_batches(
        self, factory: WorkerFactory[T, R], batches: Iterable[list[T]]
    ) -> Iterator[list[R]]:
        ray = self._ray
        actor_class = ray.remote(num_cpus=1)(_Actor)
        started = time.perf_counter()
        actors = [actor_class.remote(factory) for _ in range(self.actors)]
        pending: deque[Any] = deque()
        try:
            ray.get([actor.ready.remote() for actor in actors])
            self.startup_seconds = time.perf_counter() - started
            for index, batch in enumerate(batches):
                if len(pending) >= self.actors * IN_FLIGHT_PER_ACTOR:
                    yield ray.get(pending.popleft())
                pending.append(actors[index % len(actors)].run.remote(batch))
            while pending:
                yield ray.get(pending.popleft())
        finally:
            for actor in actors:
                ray.kill(actor)

    def close(self) -> None:
        if self._started:
            self._ray.shutdown()
            self._started = False


def ray_available() -> bool:
    return importlib.util.find_spec("ray") is not None


def make_runner(
    name: RunnerName = "auto", *, address: str | None = None, num_cpus: int | None = None
) -> Runner:
    """``auto`` is Ray when it is installed, else the local loop."""
    if name == "auto":
        name = "ray" if ray_available() else "local"
    if name == "local":
        return LocalRunner()
    if name == "ray":
        return RayRunner(address=address, num_cpus=num_cpus)
    raise ConfigError(f"config: unknown runner {name!r} (local, ray or auto)")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter), without reading ahead."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
