"""Benchmark validation, building and loading on synthetic corpora, side by side with the floors.

    python benchmarks/run.py --n 1000 10000 [--repeat 3] [--workdir DIR] [--seed 1]

Needs the ``bench`` extra (``pip install -e ".[bench]"``: orjson, check-jsonschema,
ruamel.yaml.clib). For each N it writes a synthetic tree (``benchmarks/synth.py``, reused when
present), builds its release once, and then measures, repeatedly and interleaved so that a busy
machine slows every contender alike:

* cold ``iraq-ct-news validate`` (the whole process, every rule, an empty cache) against
  ``check-jsonschema`` on the same article files with the committed ``schema/article.schema.json``,
  and against the floor: a process that parses the same article files with ``yaml.CSafeLoader``
  and does nothing else;
* ``validate`` again after one article changed (the cache filled by the cold runs);
* ``iraq-ct-news build`` (the whole process; Parquet too when pyarrow is installed);
* ``load()`` of the release against the floor ``orjson.loads`` of every line of the same
  ``articles.jsonl`` (each in its own process, timing the call and reading the peak RSS), and
  ``load()`` followed by touching every article (articles become models on first use);
* ``python -c "import iraq_ct_news"`` and ``iraq-ct-news --help`` against a bare interpreter;
* ``iraq-ct-news draft`` of one article, right after the build (registries read and kept in the
  cache) and once more (registries unchanged, taken from the cache).

It prints the medians, ratios and per-article costs, and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent
BIN = Path(sys.executable).parent
SCHEMA = REPOSITORY / "schema" / "article.schema.json"


def tool(name: str) -> list[str]:
    """The console script ``name`` of this interpreter's environment."""
    path = BIN / name
    if path.exists():
        return [str(path)]
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is not installed (pip install -e '.[bench]')")
    return [found]


@dataclass
class Sample:
    seconds: float
    peak_kb: int = 0


def run_measured(command: Sequence[str], *, env: dict[str, str] | None = None,
                 cwd: Path | None = None) -> tuple[Sample, str]:
    """Run ``command`` to completion: its wall time, its own peak RSS (``wait4``, so earlier
    children do not count) and its standard output."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=out, stderr=err,
                                   stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed ({code}):\n{err.read().decode()}")
    return Sample(elapsed, int(usage.ru_maxrss)), stdout


# -- programs run in child processes -------------------------------------------------------------

FLOOR_YAML = """
import sys, yaml
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as stream:
        yaml.load(stream.read(), Loader=yaml.CSafeLoader)
"""

FLOOR_ORJSON = """
import json, sys, time, orjson
started = time.perf_counter()
with open(sys.argv[1], "rb") as stream:
    records = [orjson.loads(line) for line in stream]
print(json.dumps({"seconds": time.perf_counter() - started, "records": len(records)}))
"""

LOAD = """
import json, sys, time
import iraq_ct_news
started = time.perf_counter()
ds = iraq_ct_news.load(sys.argv[1])
loaded = time.perf_counter() - started
touched = None
if sys.argv[2] == "touch":
    articles = list(ds.articles.values())
    touched = time.perf_counter() - started
print(json.dumps({"seconds": loaded, "touched": touched, "records": len(ds.articles)}))
"""


# -- one corpus ------------------------------------------------------------------------------------


@dataclass
class Stage:
    name: str
    samples: list[Sample] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(sample.seconds for sample in self.samples)

    @property
    def peak_mb(self) -> float:
        return statistics.median(sample.peak_kb for sample in self.samples) / 1024


def prepare(n: int, workdir: Path, seed: int) -> Path:
    tree = workdir / f"synth-{n}-seed{seed}"
    marker = tree / ".synth-complete"
    if not marker.exists():
        print(f"writing a synthetic tree of {n} articles to {tree} …", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE / "synth.py"), "--n", str(n), "--out", str(tree),
                        "--seed", str(seed)], check=True)
        marker.write_text("", encoding="utf-8")
    if not (tree / "dataset" / "articles.jsonl").exists():
        print("building its release …", file=sys.stderr)
        subprocess.run([*tool("iraq-ct-news"), "build", "--root", str(tree), "--no-cache"],
                       check=True, stdout=subprocess.DEVNULL)
    # Older than the cache's settling time, as a checked-out tree is: wait it out once.
    time.sleep(3.5)
    return tree


def edit_one_article(tree: Path, round_number: int) -> None:
    """A valid edit of one article: its summary, with the revision and date bumped."""
    path = sorted((tree / "curated" / "articles").glob("*.yaml"))[round_number % 7]
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("revision: "):
            lines[index] = f"revision: {int(line.split()[1]) + 1}"
        elif line.startswith("modified: "):
            day = datetime.date.fromisoformat(line.split()[1].strip("'")) + datetime.timedelta(1)
            lines[index] = f"modified: '{day.isoformat()}'"
        elif line.startswith("  en: ") and lines[index - 1] == "summary:":
            lines[index] = f"  en: Edited for benchmark round {round_number}. " + line[6:]
    path.write_text("\n".join(lines), encoding="utf-8")


def measure(n: int, workdir: Path, repeat: int, seed: int) -> dict[str, Stage]:
    tree = prepare(n, workdir, seed)
    articles = sorted(str(p) for p in (tree / "curated" / "articles").glob("*.yaml"))
    release = tree / "dataset"
    validate = [*tool("iraq-ct-news"), "validate", "--root", str(tree)]
    stages = {name: Stage(name) for name in (
        "validate cold", "check-jsonschema", "CSafeLoader floor", "validate warm (1 edit)",
        "build", "load()", "orjson floor", "load() + touch all", "bare python", "import",
        "--help", "draft", "draft again",
    )}
    scratch = Path(tempfile.mkdtemp(prefix="ictn-bench-cache-"))
    try:
        for round_number in range(repeat):
            print(f"  N={n} round {round_number + 1}/{repeat}", file=sys.stderr)
            cache = scratch / f"round-{round_number}"
            env = {**os.environ, "IRAQ_CT_NEWS_CACHE_DIR": str(cache)}
            sample, out = run_measured(validate, env=env)
            if "0 error(s), 0 warning(s)" not in out:
                raise SystemExit(f"the synthetic tree is not clean:\n{out[-2000:]}")
            stages["validate cold"].samples.append(sample)
            sample, out = run_measured(
                [*tool("check-jsonschema"), "--schemafile", str(SCHEMA), *articles]
            )
            stages["check-jsonschema"].samples.append(sample)
            stages["CSafeLoader floor"].samples.append(
                run_measured([sys.executable, "-c", FLOOR_YAML, *articles])[0]
            )
            edit_one_article(tree, round_number)
            sample, out = run_measured(validate, env=env)
            if "0 error(s), 0 warning(s)" not in out:
                raise SystemExit(f"the edited tree is not clean:\n{out[-2000:]}")
            stages["validate warm (1 edit)"].samples.append(sample)
            stages["build"].samples.append(
                run_measured([*tool("iraq-ct-news"), "build", "--root", str(tree)], env=env)[0]
            )
            draft = [*tool("iraq-ct-news"), "draft", "--root", str(tree), articles[0]]
            stages["draft"].samples.append(run_measured(draft, env=env)[0])
            # Again with the same registries: they come from the cache the first run filled.
            stages["draft again"].samples.append(run_measured(draft, env=env)[0])
            for stage, program, argument in (
                ("load()", LOAD, "load"),
                ("orjson floor", FLOOR_ORJSON, None),
                ("load() + touch all", LOAD, "touch"),
            ):
                target = release / "articles.jsonl" if argument is None else release
                extra = [] if argument is None else [argument]
                sample, out = run_measured([sys.executable, "-c", program, str(target), *extra])
                report = json.loads(out)
                seconds = report["touched"] if argument == "touch" else report["seconds"]
                stages[stage].samples.append(Sample(seconds, sample.peak_kb))
            for stage, command in (
                ("bare python", [sys.executable, "-c", "pass"]),
                ("import", [sys.executable, "-c", "import iraq_ct_news"]),
                ("--help", [*tool("iraq-ct-news"), "--help"]),
            ):
                best = min(run_measured(command)[0].seconds for _ in range(5))
                stages[stage].samples.append(Sample(best))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return stages


# -- report ----------------------------------------------------------------------------------------


def table(n: int, stages: dict[str, Stage]) -> str:
    def s(name: str) -> float:
        return stages[name].median

    bare = s("bare python")
    rows = [
        ("validate cold (all rules, 2 workers)", s("validate cold"), f"{s('check-jsonschema') / s('validate cold'):.1f}× faster than check-jsonschema; {s('validate cold') / s('CSafeLoader floor'):.2f}× the CSafeLoader floor"),
        ("check-jsonschema (schema only)", s("check-jsonschema"), ""),
        ("CSafeLoader floor (parse only)", s("CSafeLoader floor"), ""),
        ("validate warm (1 article edited)", s("validate warm (1 edit)"), f"{100 * s('validate warm (1 edit)') / s('validate cold'):.1f}% of cold"),
        ("build", s("build"), f"{s('build') / s('validate cold'):.2f}× cold validate"),
        ("draft of one article", s("draft"), "the whole process, registries read"),
        ("draft again (registries unchanged)", s("draft again"), "the registries from the cache"),
        ("load()", s("load()"), f"{s('load()') / s('orjson floor'):.2f}× the orjson floor; peak {stages['load()'].peak_mb:.0f} MB = {stages['load()'].peak_mb / stages['orjson floor'].peak_mb:.2f}× the floor's"),
        ("orjson.loads floor", s("orjson floor"), f"peak {stages['orjson floor'].peak_mb:.0f} MB"),
        ("load() + touch every article", s("load() + touch all"), f"peak {stages['load() + touch all'].peak_mb:.0f} MB"),
        ("import iraq_ct_news", s("import"), f"+{1000 * (s('import') - bare):.0f} ms over a bare interpreter"),
        ("iraq-ct-news --help", s("--help"), f"+{1000 * (s('--help') - bare):.0f} ms over a bare interpreter"),
        ("bare interpreter", bare, ""),
    ]
    lines = [f"### N = {n:,} articles (median of {len(stages['validate cold'].samples)} runs)", "",
             "| stage | median | per article | notes |", "|---|---:|---:|---|"]
    for name, seconds, notes in rows:
        per = f"{1000 * seconds / n:.3f} ms" if not any(word in name for word in ("interpreter", "import", "help", "draft")) else ""
        lines.append(f"| {name} | {seconds:.3f} s | {per} | {notes} |")
    return "\n".join(lines)


def linearity(results: dict[int, dict[str, Stage]]) -> str:
    sizes = sorted(results)
    if len(sizes) < 2:
        return ""
    small, large = sizes[0], sizes[-1]
    lines = [f"### Per-article cost, N = {small:,} against N = {large:,}", "",
             f"| stage | per article at {small:,} | per article at {large:,} | change |",
             "|---|---:|---:|---:|"]
    for name in ("validate cold", "validate warm (1 edit)", "build", "load()",
                 "load() + touch all", "check-jsonschema", "CSafeLoader floor", "orjson floor"):
        a = results[small][name].median / small
        b = results[large][name].median / large
        lines.append(f"| {name} | {1000 * a:.3f} ms | {1000 * b:.3f} ms | {100 * (b / a - 1):+.0f}% |")
    return "\n".join(lines)


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        pass
    return (f"{model}, {cores} usable CPU(s){memory}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "iraq-ct-news-bench")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = {n: measure(n, args.workdir, args.repeat, args.seed) for n in args.n}
    print(f"Machine: {machine()}\n")
    for n, stages in results.items():
        print(table(n, stages), end="\n\n")
    print(linearity(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
