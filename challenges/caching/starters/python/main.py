"""Starter kit for the Price Lookup challenge, in Python with FastAPI.

It builds and starts as it is; the price endpoints answer 501 until you implement them.
Read ../brief.md for what the grader checks. uvicorn (see the Dockerfile) stops gracefully on SIGTERM.

Environment: UPSTREAM_URL is the pricing upstream's base address (http://upstream:8080 when graded).
"""
import logging
import os

from fastapi import FastAPI, Response

UPSTREAM_URL = os.environ.get("UPSTREAM_URL", "http://localhost:9000")
logging.getLogger("uvicorn.error").info("upstream at %s", UPSTREAM_URL)

app = FastAPI(title="Price Lookup")


def not_implemented() -> Response:
    return Response(status_code=501)


@app.get("/health/live")
def live() -> dict:
    return {"status": "live"}


@app.get("/health/ready")
def ready() -> dict:
    return {"status": "ready"}


@app.get("/prices/{sku}")
def read_price(sku: str) -> Response:
    return not_implemented()


@app.post("/invalidations")
def invalidate() -> Response:
    return not_implemented()
