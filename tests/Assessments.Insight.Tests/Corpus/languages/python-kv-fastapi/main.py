"""An in-memory key-value service with optional expiry, written with FastAPI.

Values live in one dictionary behind a lock; an entry past its deadline is treated as absent and
removed when it is next touched, so no background sweeper is needed.
"""
import threading
import time
from typing import Optional

from fastapi import FastAPI, HTTPException, Response
from pydantic import BaseModel

app = FastAPI(title="Key-value store")


class PutBody(BaseModel):
    value: str
    ttl_seconds: Optional[float] = None


class Entry:
    __slots__ = ("value", "expires_at", "version")

    def __init__(self, value: str, expires_at: Optional[float], version: int):
        self.value = value
        self.expires_at = expires_at
        self.version = version

    def expired(self, now: float) -> bool:
        return self.expires_at is not None and now >= self.expires_at


class Store:
    def __init__(self):
        self._entries: dict[str, Entry] = {}
        self._lock = threading.Lock()

    def put(self, key: str, value: str, ttl: Optional[float]) -> Entry:
        with self._lock:
            previous = self._entries.get(key)
            version = previous.version + 1 if previous else 1
            deadline = time.monotonic() + ttl if ttl else None
            entry = Entry(value, deadline, version)
            self._entries[key] = entry
            return entry

    def get(self, key: str) -> Optional[Entry]:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry.expired(time.monotonic()):
                del self._entries[key]
                return None
            return entry

    def delete(self, key: str) -> bool:
        with self._lock:
            return self._entries.pop(key, None) is not None

    def keys(self, prefix: str) -> list[str]:
        now = time.monotonic()
        with self._lock:
            return sorted(k for k, e in self._entries.items() if k.startswith(prefix) and not e.expired(now))


store = Store()


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}


@app.put("/kv/{key}")
def put_value(key: str, body: PutBody) -> dict:
    if body.ttl_seconds is not None and body.ttl_seconds <= 0:
        raise HTTPException(status_code=400, detail="ttl_seconds must be positive")
    entry = store.put(key, body.value, body.ttl_seconds)
    return {"key": key, "value": entry.value, "version": entry.version}


@app.get("/kv/{key}")
def get_value(key: str) -> dict:
    entry = store.get(key)
    if entry is None:
        raise HTTPException(status_code=404, detail=f"no value for {key}")
    return {"key": key, "value": entry.value, "version": entry.version}


@app.delete("/kv/{key}", status_code=204)
def delete_value(key: str) -> Response:
    if not store.delete(key):
        raise HTTPException(status_code=404, detail=f"no value for {key}")
    return Response(status_code=204)


@app.get("/kv")
def list_keys(prefix: str = "") -> dict:
    return {"keys": store.keys(prefix)}
