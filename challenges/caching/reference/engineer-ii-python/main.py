"""Reference solution in Python (expected level: engineer-ii) for the Price Lookup challenge.

A read-through cache in front of the pricing upstream: copies live at most 5 seconds, invalidation
events drop them, the cache holds a bounded number of records (least recently used go first), one
upstream call per cold key is shared by everyone waiting for it, and the upstream gets 2 seconds
before the client hears 503 or 504. Errors are problem documents and logs are JSON lines.

What it leaves out, on purpose for this level: an expired copy is gone, so an outage turns into 503s
for every key as soon as its 5 seconds are up, and there are no metrics for whoever is on call.
"""
import os

import uvicorn

from app import create_app
from logs import LOG_CONFIG

if __name__ == "__main__":
    # uvicorn finishes in-flight requests on SIGTERM and exits with 0.
    uvicorn.run(
        create_app(os.environ.get("UPSTREAM_URL", "http://localhost:9000")),
        host="0.0.0.0",
        port=int(os.environ.get("PORT", "8080")),
        log_config=LOG_CONFIG,
        access_log=False,
    )
