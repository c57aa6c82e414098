"""What the benchmarks share: `common` (paths, a quiet machine waited for, the load of other
processes, timed phases, percentiles, commit and machine, the result as JSON), `proctree`
(memory and CPU of a process tree from /proc), `served` (a real `mediarch serve` on a free
port) and `traced_mediarch` (`mediarch` with each search-index drain timed, run by path)."""
