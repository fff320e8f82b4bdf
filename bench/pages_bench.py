"""Benchmark: the public pages under production-like serving, this tree beside a baseline commit.

For each tree (the working tree, or ``BENCH_REV`` checked out as a git worktree, and the baseline
``BENCH_BASELINE`` checked out beside it) it builds the demo town in a throw-away SQLite database
(``migrate`` + ``load_demo`` + ``collectstatic``, both trees at once), starts gunicorn with 2 sync workers
on a free loopback port under ``wegweiser.site.settings.production``, and loads German home, an offer, an
event, the offers finder and a search with a bounded client of 16 connections (threads + http.client, one
warm-up second, then a fixed time per page): requests/s, p50 and p99, errors. Apart from the load, one
request per page in a Django test client counts the SQL queries (the second request: the first fills the
caches). When a tree's settings read ``WEGWEISER_PAGE_CACHE_SECONDS`` (the anonymous page cache), each
page is measured with it off (0) and on. Worktrees, servers and temporary files are removed at the end.

    .venv/bin/python bench/pages_bench.py
    BENCH_BASELINE=d54935d  (default HEAD~5; "none" measures only this tree)
    BENCH_REV=HEAD          (default: the working tree as it is, uncommitted changes included)
    BENCH_SECONDS=6  BENCH_ROUNDS=3  BENCH_CONNECTIONS=16  BENCH_WORKERS=2  BENCH_WARMUP_SECONDS=1  BENCH_CACHE_SECONDS=300
"""

from __future__ import annotations

import http.client
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = ["home", "offer", "event", "finder", "search"]
CACHE_SETTING = "WEGWEISER_PAGE_CACHE_SECONDS"
CACHE_SETTING_FROM_ENV = re.compile(CACHE_SETTING + r'\s*=\s*env_int\(\s*"(\w+)"')
HOST = "127.0.0.1"
MAX_REQUESTS_PER_RUN = 100_000  # a hard bound on one page's load, whatever the duration
# The services make bench.sh starts are for the other benchmarks: these pages run on SQLite and the
# database search backend, like a small town's single server.
DROPPED_ENV = ("DATABASE_URL", "ELASTICSEARCH_URL", "SEARCH_BACKEND", "CACHE_URL", "DJANGO_SETTINGS_MODULE")


def env_number(name: str, default: float) -> float:
    return float(os.environ.get(name) or default)


SECONDS = env_number("BENCH_SECONDS", 6)
WARMUP_SECONDS = env_number("BENCH_WARMUP_SECONDS", 1)
CONNECTIONS = int(env_number("BENCH_CONNECTIONS", 16))
WORKERS = int(env_number("BENCH_WORKERS", 2))
CACHE_SECONDS = int(env_number("BENCH_CACHE_SECONDS", 300))
ROUNDS = max(1, int(env_number("BENCH_ROUNDS", 3)))


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, check=True, capture_output=True, text=True).stdout.strip()


@dataclass
class Tree:
    """One checkout of the portal with its own demo database, static files and server."""

    label: str
    rev: str | None  # None: the working tree itself
    root: Path
    var_dir: Path
    description: str = ""
    modes: list[str] = field(default_factory=lambda: ["as is"])
    cache_env: str = ""  # the environment variable that sets the tree's page cache, if it has one
    urls: dict[str, str] = field(default_factory=dict)
    queries: dict[tuple[str, str], int | str] = field(default_factory=dict)
    results: dict[tuple[str, str], LoadResult] = field(default_factory=dict)

    def env(self, mode: str) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if key not in DROPPED_ENV}
        python_path = [str(self.root), str(self.root / "examples" / "wegweiser-housing")]
        env.update(
            DJANGO_SETTINGS_MODULE="wegweiser.site.settings.production",
            SECRET_KEY=SECRET_KEY,
            ALLOWED_HOSTS=f"{HOST},localhost",
            DATABASE_URL=f"sqlite:///{self.var_dir / 'wegweiser.sqlite3'}",
            WEGWEISER_VAR_DIR=str(self.var_dir),
            # Plain http on loopback: no redirect to https, no HSTS.
            SECURE_SSL_REDIRECT="0",
            SECURE_HSTS_SECONDS="0",
            EMAIL_URL="locmem://",
            LOG_LEVEL="WARNING",
            PYTHONPATH=os.pathsep.join([*python_path, env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        )
        if mode == "uncached":
            env[self.cache_env] = "0"
        elif mode == "cached":
            env[self.cache_env] = str(CACHE_SECONDS)
        return env

    @property
    def python(self) -> str:
        return str(REPO / ".venv" / "bin" / "python")


@dataclass
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    def __add__(self, other: LoadResult) -> LoadResult:
        return LoadResult(
            self.requests + other.requests,
            self.errors + other.errors,
            self.seconds + other.seconds,
            self.latencies + other.latencies,
        )

    @property
    def rate(self) -> float:
        return (self.requests - self.errors) / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))] * 1000


SECRET_KEY = secrets.token_urlsafe(64)


CHILDREN: set[subprocess.Popen] = set()  # stopped at the end, whatever happened
STOPPING = threading.Event()  # set while cleaning up: a build thread starts nothing more


def start_child(tree: Tree, mode: str, command: list[str], **streams) -> subprocess.Popen:
    if STOPPING.is_set():
        raise RuntimeError("stopping")
    child = subprocess.Popen(
        command, cwd=tree.root, env=tree.env(mode), start_new_session=True, text=True, **streams
    )
    CHILDREN.add(child)
    return child


def run_child(tree: Tree, mode: str, command: list[str], **streams) -> tuple[int, str, str]:
    child = start_child(tree, mode, command, **streams)
    out, err = child.communicate()
    CHILDREN.discard(child)
    return child.returncode, out, err


def stop_process(child: subprocess.Popen) -> None:
    """SIGTERM to the child's process group (gunicorn's workers, a script's commands), then SIGKILL."""
    if child.poll() is None:
        os.killpg(child.pid, signal.SIGTERM)
        try:
            child.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    CHILDREN.discard(child)


def run_logged(tree: Tree, log: Path, command: list[str], mode: str = "as is") -> None:
    with log.open("a") as out:
        out.write(f"$ {' '.join(command)}\n")
        out.flush()
        returncode, _out, _err = run_child(tree, mode, command, stdout=out, stderr=subprocess.STDOUT)
    if returncode:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-30:])
        raise RuntimeError(f"{tree.label}: {' '.join(command)} failed ({returncode}):\n{tail}")


def check_out(tree: Tree) -> None:
    """A git worktree of the tree's revision beside this one, sharing this checkout's virtualenv."""
    git("worktree", "add", "--detach", str(tree.root), tree.rev)
    (tree.root / ".venv").symlink_to(REPO / ".venv")
    node_modules = REPO / "frontend" / "node_modules"
    same_lock = all(
        (REPO / "frontend" / name).read_bytes() == (tree.root / "frontend" / name).read_bytes()
        for name in ("package.json", "package-lock.json")
    )
    if node_modules.is_dir() and same_lock:
        (tree.root / "frontend" / "node_modules").symlink_to(node_modules)


def prepare(tree: Tree) -> None:
    """Assets, translations, the demo town in a fresh SQLite database, collected static files."""
    log = tree.var_dir / "prepare.log"
    started = time.perf_counter()
    if tree.rev is not None or not (tree.root / "wegweiser" / "static" / "vendor").is_dir():
        run_logged(tree, log, ["scripts/build_assets.sh"])
    run_logged(tree, log, ["scripts/messages.sh", "compile"])
    run_logged(tree, log, [tree.python, "manage.py", "migrate", "--verbosity", "0"])
    run_logged(tree, log, [tree.python, "manage.py", "load_demo"])
    run_logged(tree, log, [tree.python, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"])
    settings_text = (tree.root / "wegweiser" / "site" / "settings" / "base.py").read_text()
    if found := CACHE_SETTING_FROM_ENV.search(settings_text):
        tree.cache_env = found.group(1)
        tree.modes = ["uncached", "cached"]
    for mode in tree.modes:
        probe(tree, mode)
    print(f"  {tree.label}: demo town ready and queries counted in {time.perf_counter() - started:.0f} s")


def probe(tree: Tree, mode: str) -> None:
    """The pages' URLs in this tree's demo, and the SQL queries of one (second) request to each."""
    command = [tree.python, str(Path(__file__).resolve()), "--probe"]
    returncode, out, err = run_child(tree, mode, command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if returncode:
        raise RuntimeError(f"{tree.label}: counting queries failed:\n{err[-3000:]}")
    found = json.loads(out.strip().splitlines()[-1])
    for page in PAGES:
        tree.urls[page] = found[page]["url"]
        status = found[page]["status"]
        tree.queries[page, mode] = found[page]["queries"] if status == 200 else f"HTTP {status}"


def probe_main() -> None:
    """Run inside a tree (``--probe``): Django set up with that tree's code and database."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Page

    def first_page(model: str) -> str:
        page = (
            Page.objects.live()
            .filter(locale__language_code="de", content_type__model=model)
            .order_by("path")
            .first()
        )
        return page.specific.get_url_parts()[2]

    with translation.override("de"):
        search = reverse("search:search")
    urls = {
        "home": "/de/",
        "offer": first_page("offerpage"),
        "event": first_page("eventpage"),
        "finder": "/de/angebote/",
        "search": f"{search}?q=deutsch",
    }
    client = Client(HTTP_HOST=HOST, raise_request_exception=False)
    found = {}
    for page, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        found[page] = {"url": url, "status": response.status_code, "queries": len(queries)}
    print(json.dumps(found))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(tree: Tree, mode: str, port: int) -> subprocess.Popen:
    log = (tree.var_dir / f"gunicorn-{mode.replace(' ', '-')}.log").open("a")
    command = [tree.python, "-m", "gunicorn", "--workers", str(WORKERS), "--bind", f"{HOST}:{port}",
               "--chdir", str(tree.root), "--log-level", "warning", "wegweiser.site.wsgi:application"]  # fmt: skip
    server = start_child(tree, mode, command, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"{tree.label}: gunicorn exited ({server.returncode}), see {log.name}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=5)
            connection.request("GET", "/de/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.25)
    stop_process(server)
    raise RuntimeError(f"{tree.label}: gunicorn did not answer within 60 s")


def load(port: int, path: str, seconds: float) -> LoadResult:
    """CONNECTIONS clients, each sending the next request when its last one was answered."""
    started = time.perf_counter()
    deadline = started + seconds
    latencies: list[list[float]] = [[] for _ in range(CONNECTIONS)]
    errors = [0] * CONNECTIONS
    per_client = MAX_REQUESTS_PER_RUN // CONNECTIONS

    def client(index: int) -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        mine = latencies[index]
        while time.perf_counter() < deadline and len(mine) < per_client:
            sent = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Accept-Language": "de"})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors[index] += 1
            except (OSError, http.client.HTTPException):
                errors[index] += 1
                connection.close()
            mine.append(time.perf_counter() - sent)
        connection.close()

    threads = [threading.Thread(target=client, args=(index,)) for index in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [latency for mine in latencies for latency in mine]
    return LoadResult(len(every), sum(errors), time.perf_counter() - started, every)


def measure(trees: list[Tree]) -> None:
    """All servers up at once, idle but for the one being loaded: page by page, each tree and mode in
    turn, in ROUNDS rounds of BENCH_SECONDS / ROUNDS, so that a change in the machine's other load falls
    on both sides of a ratio alike."""
    servers = {}
    try:
        for tree in trees:
            for mode in tree.modes:
                servers[tree.label, mode] = (start_server(tree, mode, port := free_port()), port)
        for round_number in range(1, ROUNDS + 1):
            for page in PAGES:
                for tree in trees:
                    for mode in tree.modes:
                        port, url = servers[tree.label, mode][1], tree.urls[page]
                        if round_number == 1:
                            load(port, url, WARMUP_SECONDS)
                        result = load(port, url, SECONDS / ROUNDS)
                        if round_number > 1:
                            result = tree.results[page, mode] + result
                        tree.results[page, mode] = result
                        print(f"  round {round_number}: {page} {tree.label} ({mode}): {result.rate:.1f}/s")
    finally:
        for server, _port in servers.values():
            stop_process(server)


def describe(rev: str) -> str:
    return git("log", "-1", "--format=%h %s", rev)[:72]


def report(trees: list[Tree]) -> None:
    current = trees[0]
    baseline = trees[1] if len(trees) > 1 else None
    print()
    print(
        f"Pages: gunicorn with {WORKERS} sync workers, production settings over plain http on {HOST}, "
        f"SQLite demo town (migrate + load_demo), {CONNECTIONS} connections, {SECONDS:g} s per page ({ROUNDS} "
        f"rounds) after {WARMUP_SECONDS:g} s warm-up; queries: the second request in a test client"
    )
    for tree in trees:
        print(f"  {tree.label}: {tree.description}")
        caching = (
            f"{tree.cache_env}=0 (uncached) / {CACHE_SECONDS} (cached)"
            if len(tree.modes) > 1
            else f"no {CACHE_SETTING} in its settings: no page cache, measured as is"
        )
        print(f"    cache: {caching}")
    print()
    columns = ["page", "mode", "path", "queries", "req/s", "p50 ms", "p99 ms", "errors"]
    if baseline:
        columns += ["base queries", "base req/s", "base p50", "base p99", "base err", "req/s ratio"]
    rows = [columns]
    for mode in current.modes:
        # Like against like; against a baseline without a page cache, both modes face its only one.
        base_mode = mode if baseline and mode in baseline.modes else baseline and baseline.modes[0]
        for page in PAGES:
            result = current.results[page, mode]
            row = [page, mode, current.urls[page], str(current.queries[page, mode]), f"{result.rate:.1f}",
                   f"{result.percentile(0.5):.0f}", f"{result.percentile(0.99):.0f}", str(result.errors)]  # fmt: skip
            if baseline:
                base = baseline.results[page, base_mode]
                ratio = result.rate / base.rate if base.rate else float("nan")
                row += [str(baseline.queries[page, base_mode]), f"{base.rate:.1f}",
                        f"{base.percentile(0.5):.0f}", f"{base.percentile(0.99):.0f}", str(base.errors),
                        f"{ratio:.2f}×"]  # fmt: skip
            rows.append(row)
    widths = [max(len(row[index]) for row in rows) for index in range(len(columns))]
    for number, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if number == 0:
            print("  ".join("-" * width for width in widths))


def resolve(variable: str, rev: str) -> str:
    try:
        return git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except subprocess.CalledProcessError:
        sys.exit(f"{variable}={rev} names no commit of this repository")


def main() -> int:
    sys.stdout.reconfigure(line_buffering=True)
    baseline_rev = os.environ.get("BENCH_BASELINE", "HEAD~5")
    current_rev = os.environ.get("BENCH_REV") or None
    current = resolve("BENCH_REV", current_rev) if current_rev else None
    baseline = resolve("BENCH_BASELINE", baseline_rev) if baseline_rev.lower() != "none" else None
    scratch = Path(tempfile.mkdtemp(prefix="wegweiser-pages-bench-"))
    trees = []
    if current:
        trees.append(Tree("current", current, scratch / "current-src", scratch / "current-var",
                          f"{current_rev} = {describe(current)} (clean worktree)"))  # fmt: skip
    else:
        dirty = " + uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else ""
        trees.append(Tree("current", None, REPO, scratch / "current-var",
                          f"working tree: HEAD {describe('HEAD')}{dirty}"))  # fmt: skip
    if baseline:
        trees.append(Tree("baseline", baseline, scratch / "baseline-src", scratch / "baseline-var",
                          f"{baseline_rev} = {describe(baseline)} (worktree)"))  # fmt: skip

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    started = time.perf_counter()
    try:
        for tree in trees:
            tree.var_dir.mkdir()
            if tree.rev is not None:
                check_out(tree)
        print(f"Building the demo town for {len(trees)} tree(s) side by side (in {scratch}) ...", flush=True)
        failures: list[BaseException] = []

        def prepare_or_note(tree: Tree) -> None:
            try:
                prepare(tree)
            except Exception as error:  # reported below, after the other tree's build
                failures.append(error)

        builders = [threading.Thread(target=prepare_or_note, args=(tree,), daemon=True) for tree in trees]
        for builder in builders:
            builder.start()
        for builder in builders:
            builder.join()
        if failures:
            raise failures[0]
        print("Measuring (one server loaded at a time) ...", flush=True)
        measure(trees)
        report(trees)
        print(f"\n(total {time.perf_counter() - started:.0f} s)")
        return 0
    finally:
        STOPPING.set()
        for child in list(CHILDREN):
            stop_process(child)
        for tree in trees:
            if tree.rev is not None and tree.root.exists():
                for link in (tree.root / ".venv", tree.root / "frontend" / "node_modules"):
                    if link.is_symlink():
                        link.unlink()  # the shared virtualenv and npm packages stay as they are
                subprocess.run(
                    ["git", "worktree", "remove", "--force", str(tree.root)], cwd=REPO, check=False
                )
        subprocess.run(["git", "worktree", "prune"], cwd=REPO, check=False)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--probe"]:
        probe_main()
    else:
        sys.exit(main())
