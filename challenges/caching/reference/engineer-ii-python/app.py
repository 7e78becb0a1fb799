"""The HTTP side: routes, problem documents for every error, and one log line per request."""
import asyncio
import json
import logging
import re
import time
from typing import Optional

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from cache import PriceCache
from upstream import Lookup, PriceUpstream

SKU = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
log = logging.getLogger("prices")


def problem(status: int, title: str, detail: Optional[str] = None, headers: Optional[dict] = None, errors: Optional[dict] = None) -> Response:
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    return Response(json.dumps(body), status_code=status, media_type="application/problem+json", headers=headers)


class Prices:
    """Reads through the cache. Concurrent misses of one key wait on the same upstream call."""

    def __init__(self, upstream: PriceUpstream, cache: PriceCache) -> None:
        self._upstream = upstream
        self._cache = cache
        self._in_flight: dict[str, asyncio.Task] = {}

    async def lookup(self, sku: str, traceparent: Optional[str]) -> Lookup:
        body = self._cache.get(sku)
        if body is not None:
            return Lookup("found", body)
        call = self._in_flight.get(sku)
        if call is None:
            call = asyncio.create_task(self._fetch(sku, traceparent))
            self._in_flight[sku] = call
        # shield: a client that hangs up must not cancel the call the others are waiting on.
        return await asyncio.shield(call)

    async def _fetch(self, sku: str, traceparent: Optional[str]) -> Lookup:
        me = asyncio.current_task()
        try:
            result = await self._upstream.fetch(sku, traceparent)
            # An invalidation that arrived meanwhile has taken this call out of _in_flight: what it
            # brought back may predate the change, so it is not kept.
            if result.outcome == "found" and self._in_flight.get(sku) is me:
                self._cache.put(sku, result.body)
            if result.outcome in ("down", "timeout"):
                log.warning("upstream failed", extra={"fields": {"sku": sku, "outcome": result.outcome}})
            return result
        finally:
            if self._in_flight.get(sku) is me:
                del self._in_flight[sku]

    def invalidate(self, sku: str) -> None:
        self._cache.drop(sku)
        self._in_flight.pop(sku, None)


def create_app(upstream_url: str) -> FastAPI:
    app = FastAPI(title="Price Lookup", openapi_url=None, docs_url=None, redoc_url=None)
    prices = Prices(PriceUpstream(upstream_url), PriceCache(max_entries=500, ttl_seconds=5.0))

    @app.exception_handler(HTTPException)
    async def http_problem(_: Request, error: HTTPException) -> Response:
        # Unknown routes (404) and wrong methods (405, with Allow) reach here from the router.
        return problem(error.status_code, str(error.detail), headers=getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, error: RequestValidationError) -> Response:
        return problem(400, "The request is invalid", errors={"request": [str(e["msg"]) for e in error.errors()]})

    @app.middleware("http")
    async def log_requests(request: Request, call_next):
        started = time.perf_counter()
        response = await call_next(request)
        log.info("request handled", extra={"fields": {
            "method": request.method, "path": request.url.path, "status": response.status_code,
            "elapsedMs": round((time.perf_counter() - started) * 1000, 1)}})
        return response

    @app.get("/health/live")
    async def live() -> dict:
        return {"status": "live"}

    @app.get("/health/ready")
    async def ready() -> dict:
        # Ready without asking the upstream: cached prices are worth serving while it is down.
        return {"status": "ready"}

    @app.get("/prices/{sku}")
    async def read_price(sku: str, request: Request) -> Response:
        if not SKU.match(sku):
            return problem(400, "Not a SKU", "A SKU is 1 to 64 letters, digits, '-' or '_'.", errors={"sku": ["1 to 64 letters, digits, '-' or '_'"]})
        result = await prices.lookup(sku, request.headers.get("traceparent"))
        if result.outcome == "found":
            return Response(result.body, media_type="application/json")
        if result.outcome == "missing":
            return problem(404, "Unknown SKU", f"The pricing system has no price for {sku}.")
        if result.outcome == "timeout":
            return problem(504, "The pricing system did not answer in time")
        return problem(503, "The pricing system is unavailable")

    @app.post("/invalidations")
    async def invalidate(request: Request) -> Response:
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
            return problem(415, "Send the invalidation as application/json")
        try:
            event = json.loads(await request.body())
        except ValueError:
            return problem(400, "The body is not JSON")
        key = event.get("key") if isinstance(event, dict) else None
        if not isinstance(key, str) or not SKU.match(key):
            return problem(400, "The invalidation is invalid", errors={"key": ["1 to 64 letters, digits, '-' or '_'"]})
        prices.invalidate(key)
        log.info("invalidated", extra={"fields": {"sku": key}})
        return Response(status_code=204)

    return app
