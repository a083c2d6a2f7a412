"""Peak memory of this process, for the benchmarks' tables, on every system.

`resource` is POSIX only, and its ru_maxrss counts kilobytes on Linux but
bytes on macOS; Windows has neither, and its tables say "n/a".
"""

from __future__ import annotations

import sys


def peak_megabytes() -> float | None:
    """The most memory this process has held (resident set), in MB; None on Windows."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    return megabytes(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, sys.platform)


def megabytes(max_rss: int, platform: str) -> float:
    """ru_maxrss in MB: macOS gives bytes, Linux and the BSDs kilobytes."""
    return max_rss / (1024 * 1024) if platform == "darwin" else max_rss / 1024


def peak_memory_text() -> str:
    """"123" (MB), or "n/a" where the system does not say."""
    peak = peak_megabytes()
    return "n/a" if peak is None else f"{peak:.0f}"
