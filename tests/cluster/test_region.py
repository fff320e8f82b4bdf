"""A region's set-up on loopback: two app servers, one Redis, a three-node Elasticsearch cluster.

While visitors search and an editor publishes for a minute, one Elasticsearch node is stopped and
started again: no search fails or falls back to the database, every published listing is found once.
Meanwhile a rate limit counted on one app server holds on the other, and a scheduled job started on both
servers at the same moment runs once, and a listing published or unpublished through the shared cache
reaches the pages each app server keeps. The services come from ``scripts/services.sh`` (the cluster and
Redis beside the test run's own Elasticsearch node; the test run's PostgreSQL database).
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection, transaction

from wegweiser.offers.factories import OfferPageFactory
from wegweiser.offers.models import OfferPage
from wegweiser.plugin_api.testing import forget_cached_rows
from wegweiser.search.es.connection import alias_name, get_client, reset_client
from wegweiser.search.es.indexes import delete_all_indexes, rebuild
from wegweiser.search.models import SearchQueryLog, Synonym
from wegweiser.site.models import ListingIndexPage, OrganisationPage, ScheduledJobRun
from wegweiser.site.page_cache import CACHE_HEADER

pytestmark = [pytest.mark.cluster, pytest.mark.django_db(transaction=True)]

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVICES = REPO_ROOT / "scripts" / "services.sh"
LOAD_SECONDS = float(os.environ.get("WEGWEISER_CLUSTER_LOAD_SECONDS", "60"))
SEARCHERS = 3
STOPPED_NODE = "2"
INDEX_PREFIX = f"wegweiser-cluster-{os.getpid()}"
API_LIMIT = 5
# A visitor's browser waits far longer than this; the app's own Elasticsearch timeout (15 s below) is shorter, so
# a search that hangs in the cluster shows up as a database fallback, not as a visitor giving up. On a 2-core
# machine that also runs the rest of the suite, a restarting node's JVM can hold a search for several seconds:
# that is slow, not failed (speed is measured in bench/, not here).
VISITOR_TIMEOUT = 60


def services(*args: str) -> str:
    done = subprocess.run(
        [str(SERVICES), *args], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 0, f"services.sh {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def region_env() -> dict[str, str]:
    lines = services("env", "region").splitlines()
    return dict(line.removeprefix("export ").split("=", 1) for line in lines)


def database_url() -> str:
    db = django_settings.DATABASES["default"]
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def fetch(url: str, timeout: float = 10) -> tuple[int, str, dict[str, str]]:
    """Status, body and headers of a cookie-less visitor's GET (status 0: no answer, the body says why)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, "", dict(error.headers)
    except OSError as error:
        return 0, str(error), {}


def get(url: str, timeout: float = 10) -> tuple[int, str]:
    status, body, _headers = fetch(url, timeout)
    return status, body


@pytest.fixture
def demo_town(demo_rows, transactional_db):
    """The demo town, committed so that the app servers see it; the flush after the test removes it."""
    with transaction.atomic():
        demo_rows.complete.restore(connection)
    forget_cached_rows()
    yield
    forget_cached_rows()


@pytest.fixture
def region(settings, demo_town):
    """Redis, the cluster and two app servers on this test run's database, under an index of its own."""
    if connection.vendor != "postgresql":
        pytest.fail(
            "The region test needs PostgreSQL (the app servers share its database): run it as make test does, "
            "with DATABASE_URL from scripts/services.sh env, or leave it out with -m 'not cluster'."
        )
    services("start", "redis")
    services("start", "elasticsearch", "--nodes", "3")
    urls = region_env()
    # This process publishes like a third app server (an editor's): through the same Redis, so the app
    # servers' kept pages and page-tree caches are forgotten when it publishes. Emptied first: Redis may
    # keep a former run's pages.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": urls["CACHE_URL"]}
    }
    cache.clear()
    settings.WEGWEISER_SEARCH = {
        **settings.WEGWEISER_SEARCH,
        "BACKEND": "elasticsearch",
        "ELASTICSEARCH_URL": urls["ELASTICSEARCH_URL"],
        "INDEX_PREFIX": INDEX_PREFIX,
        "REPLICAS": 1,
        "TIMEOUT": 5,
    }
    reset_client()
    rebuild()
    app_env = {
        "DATABASE_URL": database_url(),
        "ELASTICSEARCH_URL": urls["ELASTICSEARCH_URL"],
        "CACHE_URL": urls["CACHE_URL"],
        "ELASTICSEARCH_INDEX_PREFIX": INDEX_PREFIX,
        # Availability is tested here, not speed: a cold node on a busy machine must not trip the breaker.
        "ELASTICSEARCH_TIMEOUT": "15",
        "API_RATE_LIMIT": f"{API_LIMIT}/hour",
        "PAGE_CACHE_SECONDS": "300",
        "LOG_LEVEL": "WARNING",
    }
    env = {**os.environ, **app_env}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    try:
        subprocess.run(
            [str(SERVICES), "start", "app"], env=env, check=True, timeout=300, stdin=subprocess.DEVNULL
        )
        yield urls["WEGWEISER_APP_URLS"].split(",")
    finally:
        subprocess.run([str(SERVICES), "stop", "app"], timeout=120, stdin=subprocess.DEVNULL, check=False)
        delete_all_indexes()
        reset_client()
        services("start", "elasticsearch", "--nodes", "3")  # a node stopped by a failed test comes back


class Searchers:
    """A few visitors searching the app servers in turn until the deadline (bounded in time and count)."""

    def __init__(self, servers: list[str], words: list[str], seconds: float):
        self.servers, self.words, self.deadline = servers, words, time.monotonic() + seconds
        self.statuses: Counter[int] = Counter()
        self.failures: list[str] = []
        self.slowest: list[tuple[float, str]] = []
        self.threads = [threading.Thread(target=self.run, args=(n,), daemon=True) for n in range(SEARCHERS)]

    def run(self, number: int) -> None:
        for request in range(2000):
            if time.monotonic() > self.deadline:
                return
            server = self.servers[(number + request) % len(self.servers)]
            word = self.words[(number + request) % len(self.words)]
            started = time.monotonic()
            status, body = get(f"{server}/de/search/?q={quote(word)}", timeout=VISITOR_TIMEOUT)
            seconds = time.monotonic() - started
            self.statuses[status] += 1
            self.slowest = sorted([*self.slowest, (seconds, f"{time.strftime('%H:%M:%S')} {server}")])[-3:]
            if status != 200:
                self.failures.append(
                    f"{time.strftime('%H:%M:%S')} {server} {word}: {status} after {seconds:.1f} s {body[:200]}"
                )
            time.sleep(0.05)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        for thread in self.threads:
            thread.join(timeout=LOAD_SECONDS + 60)


def path_of(page) -> str:
    """The page's path on any of the app servers (they answer for the default site)."""
    return page.get_url_parts()[2]


def results_of(body: str) -> str:
    """The finder's results as text, for a failure's message."""
    start = body.find('id="finder-results"')
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body[start : start + 3000]))


def app_logs() -> str:
    """The end of each app server's log, for a failure's message."""
    logs = sorted((REPO_ROOT / ".services" / "app").glob("server*.log"))
    return "\n".join(
        f"{log.name}:\n" + "\n".join(log.read_text(errors="replace").splitlines()[-30:]) for log in logs
    )


def run_job_on_both_servers(name: str, urls: dict[str, str]) -> list[str]:
    """``run_scheduled_jobs NAME`` started twice at the same moment, as two servers' cron lines would."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wegweiser.site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url(),
        "CACHE_URL": urls["CACHE_URL"],
        "ELASTICSEARCH_URL": urls["ELASTICSEARCH_URL"],
        "ELASTICSEARCH_INDEX_PREFIX": INDEX_PREFIX,
        "PYTHONPATH": f"{REPO_ROOT}:{REPO_ROOT / 'examples' / 'wegweiser-housing'}",
    }
    command = [str(REPO_ROOT / ".venv" / "bin" / "python"), "manage.py", "run_scheduled_jobs", name]
    runs = [
        subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True
        )
        for _server in range(2)
    ]
    return [run.communicate(timeout=120)[0] for run in runs]


def test_a_region_keeps_searching_and_publishing_while_a_node_restarts(region):
    servers = region
    organisation = OrganisationPage.objects.live().first()
    words = [
        next(word for word in title.split() if len(word) >= 5)
        for title in OfferPage.objects.live()
        .filter(locale__language_code="de")
        .values_list("title", flat=True)[:8]
        if any(len(word) >= 5 for word in title.split())
    ]
    published: list[OfferPage] = []
    job_outputs: list[str] = []
    client = get_client(timeout=10)
    indexed_before = client.count(index=alias_name())["count"]

    def restart_one_node() -> None:
        time.sleep(LOAD_SECONDS / 5)
        services("stop", "elasticsearch", "--nodes", "3", "--node", STOPPED_NODE)
        services("start", "elasticsearch", "--nodes", "3", "--node", STOPPED_NODE)

    for server in servers:  # each server's first search opens its connections
        assert get(f"{server}/de/search/?q={quote(words[0])}", timeout=60)[0] == 200
    # The offers finder asked for words nothing has yet: kept by each server (a miss, then a hit).
    finder = ListingIndexPage.objects.live().get(listing_type="offer", locale__language_code="de")
    finder_path = path_of(finder)
    for server in servers:
        kept = [fetch(f"{server}{finder_path}?q=Clustertest")[2].get(CACHE_HEADER) for _twice in range(2)]
        assert kept == ["miss", "hit"], (server, kept)
    logged_before = SearchQueryLog.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    restarter = threading.Thread(target=restart_one_node, daemon=True)
    jobs = threading.Thread(
        target=lambda: job_outputs.extend(run_job_on_both_servers("core.clear_sessions", region_env())),
        daemon=True,
    )
    with Searchers(servers, words, LOAD_SECONDS) as searchers:
        restarter.start()
        jobs.start()
        api = [get(f"{servers[n % 2]}/api/v1/organisations/")[0] for n in range(API_LIMIT + 1)]
        number = 0
        while (time.monotonic() < searchers.deadline or number < 3) and number < 40:
            number += 1
            offer = OfferPageFactory(
                parent=organisation,
                title=f"Clustertest Angebot {number}",
                slug=f"clustertest-{number}",
                live=False,
            )
            offer.save_revision().publish()
            published.append(offer)
            time.sleep(LOAD_SECONDS / 20)
        restarter.join(timeout=240)
        jobs.join(timeout=240)
    assert not restarter.is_alive() and not jobs.is_alive()
    assert len(published) >= 3, published

    # Every search answered by Elasticsearch, none by the database fallback, none failed.
    print("searches:", searchers.statuses, "slowest:", searchers.slowest, *searchers.failures, sep="\n")  # noqa: T201
    if searchers.failures:
        print(app_logs())  # noqa: T201
    assert set(searchers.statuses) == {200}, searchers.statuses
    backends = Counter(SearchQueryLog.objects.filter(pk__gt=logged_before).values_list("backend", flat=True))
    assert backends == {"elasticsearch": searchers.statuses[200]}, backends

    # Every published listing findable on both servers, and indexed once.
    client.indices.refresh(index=alias_name())
    for offer in published:
        assert client.count(index=alias_name(), query={"term": {"page_id": offer.pk}})["count"] == 1, (
            offer.title
        )
        for server in servers:
            status, body = get(f"{server}/de/search/?q={quote(offer.title)}")
            assert status == 200 and offer.title in body, (server, offer.title)
    assert client.count(index=alias_name())["count"] == indexed_before + len(published)

    # The API's limit counted across both servers: the request past it is refused on either.
    assert api == [200] * API_LIMIT + [429], api

    # Publishing here reached the pages every app server kept: the finder that found nothing lists them now.
    for server in servers:
        status, body, headers = fetch(f"{server}{finder_path}?q=Clustertest")
        print(server, status, headers.get(CACHE_HEADER), results_of(body))  # noqa: T201 - shown if the test fails
        assert status == 200 and "Clustertest Angebot" in body, server
    # So does unpublishing: a listing kept on both servers is gone from each one's finder and address at once.
    gone = OfferPage.objects.get(pk=published[-1].pk)  # as published (the factory's copy still says draft)
    gone_path, gone_query = path_of(gone), f"{finder_path}?q={quote(gone.title)}"
    for server in servers:
        assert [fetch(f"{server}{gone_query}")[2].get(CACHE_HEADER) for _twice in range(2)] == ["miss", "hit"]
        assert gone_path in fetch(f"{server}{gone_query}")[1]
        assert get(f"{server}{gone_path}")[0] == 200
    gone.unpublish()
    for server in servers:
        status, body, headers = fetch(f"{server}{gone_query}")
        print(server, status, headers.get(CACHE_HEADER), results_of(body))  # noqa: T201 - shown if the test fails
        assert status == 200 and gone_path not in body, server
        assert get(f"{server}{gone_path}")[0] == 404, server

    # A synonym the office saves here is used at once by both servers, which keep the list in their memory
    # under a generation read from the shared cache: the search and the finder they kept find by it.
    unknown = f"{finder_path}?q=Zyxqv"
    for server in servers:
        assert [fetch(f"{server}{unknown}")[2].get(CACHE_HEADER) for _twice in range(2)] == ["miss", "hit"]
        assert "Clustertest Angebot" not in get(f"{server}/de/search/?q=Zyxqv")[1], server
    Synonym.objects.create(terms="Zyxqv, Clustertest")
    for server in servers:
        status, body = get(f"{server}/de/search/?q=Zyxqv")
        assert status == 200 and "Clustertest Angebot" in re.sub(r"<[^>]+>", "", body), server  # highlighted
        status, body, headers = fetch(f"{server}{unknown}")
        print(server, status, headers.get(CACHE_HEADER), results_of(body))  # noqa: T201 - shown if the test fails
        assert status == 200 and "Clustertest Angebot" in body, server

    # The clean-up started on both servers at once ran once.
    assert sum(output.count("core.clear_sessions: ok") for output in job_outputs) == 1, job_outputs
    assert ScheduledJobRun.objects.get(name="core.clear_sessions").last_status == "ok"
