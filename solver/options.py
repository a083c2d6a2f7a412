"""How hard and how the engine searches; every default is an option."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_WEIGHTS: dict[int, int] = {1: 1, 2: 2, 3: 5}


@dataclass(frozen=True)
class SolveOptions:
    """Search settings. `workers=0` uses every core of the machine."""

    time_limit_seconds: float = 60.0
    workers: int = 0
    random_seed: int = 0
    priority_weights: dict[int, int] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    log_search: bool = False

    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else max(1, os.cpu_count() or 1)
