"""Fetch a URL a partner typed in without letting it reach the portal's own network.

A calendar address is chosen by a partner, yet fetched by the server: without care it reaches
services on loopback or the internal network, and error texts would tell open ports from closed ones.
Here every host is resolved once, each of its addresses must be public, the connection goes to the
checked address (no second lookup, so DNS rebinding cannot swap it), redirects are followed by hand
with the same check, and size and total time are bounded. Whatever goes wrong before an answer
arrives raises the same :class:`FetchRefused`, so the caller can show one neutral text for all of it.

``WEGWEISER_FETCH_ALLOWED_NETWORKS`` (a list of CIDR networks, empty by default) lets the test suite
reach its own server on 127.0.0.1; an installation has no reason to set it.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5
CHUNK_BYTES = 64 * 1024

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchRefused(Exception):
    """The address could not be fetched: unreachable, refused, not public or too slow (never says which)."""


class FetchTooLarge(Exception):
    """The answer is larger than the caller allows."""


@dataclass
class FetchHTTPError(Exception):
    """A public server answered with an error status (its own words, nothing about our network)."""

    status: int
    reason: str

    def __str__(self) -> str:
        return f"HTTP {self.status} {self.reason}".strip()


def _allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [
        ipaddress.ip_network(network, strict=False)
        for network in getattr(settings, "WEGWEISER_FETCH_ALLOWED_NETWORKS", [])
    ]


def is_public_address(address: IPAddress) -> bool:
    """Globally routable unicast, with IPv4 hidden in IPv6 (mapped, 6to4, Teredo) checked as IPv4."""
    if any(address in network for network in _allowed_networks()):
        return True
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo and address.teredo[1])
        if embedded is not None:
            return is_public_address(embedded)
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str
    port: int
    path: str
    address: str


def _split(url: str) -> tuple[str, str, int, str]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise FetchRefused from error
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        raise FetchRefused
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80), path


def resolve_public(url: str) -> _Target:
    """Resolve the URL's host once; every address it has must be public. The first one is used."""
    scheme, host, port, path = _split(url)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise FetchRefused from error
    addresses = []
    for _family, _type, _proto, _canonname, sockaddr in infos:
        try:
            addresses.append(ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0]))
        except ValueError as error:
            raise FetchRefused from error
    if not addresses or not all(is_public_address(address) for address in addresses):
        raise FetchRefused
    return _Target(scheme, host, port, path, str(addresses[0]))


def check_public_url(url: str) -> None:
    """Raise :class:`FetchRefused` unless the URL is http(s) and its host resolves to public addresses."""
    resolve_public(url)


def _connection(target: _Target, timeout: float) -> http.client.HTTPConnection:
    connection_class = http.client.HTTPSConnection if target.scheme == "https" else http.client.HTTPConnection
    connection = connection_class(target.host, target.port, timeout=timeout)

    def connect_to_checked_address(_address, conn_timeout, source_address=None):
        # The host name stays for Host, SNI and certificate checks; the socket goes to the checked IP.
        return socket.create_connection((target.address, target.port), conn_timeout, source_address)

    connection._create_connection = connect_to_checked_address
    return connection


def fetch_public_url(url: str, *, max_bytes: int, timeout: float, user_agent: str) -> bytes:
    """The body of ``url`` (at most ``max_bytes``), fetched only from public addresses, within ``timeout``.

    Raises :class:`FetchRefused`, :class:`FetchHTTPError` or :class:`FetchTooLarge`.
    """
    deadline = time.monotonic() + timeout
    for _hop in range(MAX_REDIRECTS + 1):
        target = resolve_public(url)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchRefused
        connection = _connection(target, remaining)
        try:
            connection.request(
                "GET", target.path, headers={"User-Agent": user_agent, "Accept-Encoding": "identity"}
            )
            response = connection.getresponse()
            if response.status in REDIRECT_STATUSES:
                location = response.getheader("Location")
                if not location:
                    raise FetchHTTPError(response.status, response.reason)
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchHTTPError(response.status, response.reason)
            return _read_bounded(response, max_bytes, deadline)
        except (OSError, http.client.HTTPException) as error:
            raise FetchRefused from error
        finally:
            connection.close()
    raise FetchRefused


def _read_bounded(response: http.client.HTTPResponse, max_bytes: int, deadline: float) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.isdecimal() and int(declared) > max_bytes:
        raise FetchTooLarge
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchRefused
        chunk = response.read1(CHUNK_BYTES) if hasattr(response, "read1") else response.read(CHUNK_BYTES)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchTooLarge
        chunks.append(chunk)
