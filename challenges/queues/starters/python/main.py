"""Starter kit for the Payment Jobs challenge, in Python with FastAPI.

It builds and starts as it is; the job endpoints answer 501 until you implement them.
Read ../brief.md for what the grader checks. uvicorn (see the Dockerfile) stops gracefully on SIGTERM.

Environment: DATA_DIR is the only writable directory that survives a restart; UPSTREAM_URL is the
payments provider's base address.
"""
from fastapi import FastAPI, Response

app = FastAPI(title="Payment Jobs")


def not_implemented() -> Response:
    return Response(status_code=501)


@app.get("/health/live")
def live() -> dict:
    return {"status": "alive"}


@app.get("/health/ready")
def ready() -> dict:
    return {"status": "ready"}


@app.post("/jobs")
def submit_job() -> Response:
    return not_implemented()


@app.get("/jobs")
def list_jobs() -> Response:
    return not_implemented()


@app.get("/jobs/{job_id}")
def read_job(job_id: str) -> Response:
    return not_implemented()


@app.get("/dead-letters")
def list_dead_letters() -> Response:
    return not_implemented()
