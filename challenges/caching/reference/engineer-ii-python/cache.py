"""A bounded in-memory cache of upstream records, each kept for a fixed time after it was fetched."""
import time
from collections import OrderedDict
from typing import Optional


class PriceCache:
    """Least-recently-used eviction by count. Records are held as the bytes the upstream sent (some are
    tens of KiB), so the count bound is also a memory bound: 500 records stay well under 50 MiB."""

    def __init__(self, max_entries: int, ttl_seconds: float) -> None:
        self._max_entries = max_entries
        self._ttl = ttl_seconds
        self._entries: "OrderedDict[str, tuple[float, bytes]]" = OrderedDict()

    def get(self, sku: str) -> Optional[bytes]:
        entry = self._entries.get(sku)
        if entry is None:
            return None
        expires, body = entry
        if time.monotonic() >= expires:
            # Past the freshness window the copy is no use to us any more: drop it.
            del self._entries[sku]
            return None
        self._entries.move_to_end(sku)
        return body

    def put(self, sku: str, body: bytes) -> None:
        self._entries[sku] = (time.monotonic() + self._ttl, body)
        self._entries.move_to_end(sku)
        while len(self._entries) > self._max_entries:
            self._entries.popitem(last=False)

    def drop(self, sku: str) -> None:
        self._entries.pop(sku, None)

    def __len__(self) -> int:
        return len(self._entries)
