"""The pricing upstream, called with the standard library's HTTP client on a worker thread."""
import asyncio
import http.client
import socket
from dataclasses import dataclass
from typing import Optional
from urllib.parse import quote, urlsplit

BUDGET_SECONDS = 2.0


@dataclass(frozen=True)
class Lookup:
    """What the upstream said: 'found' with the record's bytes, 'missing', 'down' or 'timeout'."""

    outcome: str
    body: Optional[bytes] = None


class PriceUpstream:
    def __init__(self, base_url: str) -> None:
        parts = urlsplit(base_url)
        self._host = parts.hostname or "localhost"
        self._port = parts.port or 80
        self._prefix = parts.path.rstrip("/")

    async def fetch(self, sku: str, traceparent: Optional[str] = None) -> Lookup:
        # The socket timeout bounds each read; wait_for bounds the whole call, so a slow trickle of
        # bytes cannot keep a client past the 2 s budget either.
        try:
            return await asyncio.wait_for(asyncio.to_thread(self._get, sku, traceparent), BUDGET_SECONDS)
        except (asyncio.TimeoutError, socket.timeout):
            return Lookup("timeout")
        except (OSError, http.client.HTTPException):
            return Lookup("down")

    def _get(self, sku: str, traceparent: Optional[str]) -> Lookup:
        headers = {"Accept": "application/json"}
        if traceparent:
            # Carry the caller's trace on, so the upstream's spans join it.
            headers["traceparent"] = traceparent
        connection = http.client.HTTPConnection(self._host, self._port, timeout=BUDGET_SECONDS)
        try:
            connection.request("GET", f"{self._prefix}/prices/{quote(sku, safe='')}", headers=headers)
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        if response.status == 200:
            return Lookup("found", body)
        if response.status == 404:
            return Lookup("missing")
        return Lookup("down")
