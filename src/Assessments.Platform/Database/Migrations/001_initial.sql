-- The platform's system of record: users, invitations, submissions (archives kept as bytea so that
-- runner hosts need no shared disk), the grading queue, reports, reviews and the audit log.

create table users (
    id          uuid primary key,
    name        text not null unique,
    role        text not null check (role in ('admin', 'interviewer')),
    token_hash  bytea not null unique,
    created_at  timestamptz not null default now()
);

create table invitations (
    id              uuid primary key,
    challenge_id    text not null,
    candidate_name  text not null,
    token_hash      bytea not null unique,
    expires_at      timestamptz not null,
    revoked_at      timestamptz,
    created_by      uuid references users (id),
    created_at      timestamptz not null default now()
);

create table calibration_runs (
    id            uuid primary key,
    challenge_id  text not null,
    created_by    uuid references users (id),
    created_at    timestamptz not null default now()
);

create table submissions (
    id                  uuid primary key,
    challenge_id        text not null,
    kind                text not null check (kind in ('candidate', 'calibration')),
    invitation_id       uuid references invitations (id),
    calibration_run_id  uuid references calibration_runs (id),
    reference_name      text,
    expected_level      text,
    archive             bytea not null,
    archive_bytes       bigint not null,
    content_sha256      text not null,
    override_level      text,
    override_reason     text,
    created_at          timestamptz not null default now(),
    check ((kind = 'candidate') = (invitation_id is not null))
);
create index submissions_invitation on submissions (invitation_id);
create index submissions_calibration on submissions (calibration_run_id);

-- The grading queue. A worker claims a job (FOR UPDATE SKIP LOCKED), holds it while lease_until is
-- in the future, renews it by heartbeat; every write of a result is fenced by (owner, attempt).
create table grading_jobs (
    id             uuid primary key,
    submission_id  uuid not null unique references submissions (id),
    invitation_id  uuid references invitations (id),
    state          text not null check (state in ('queued', 'running', 'finished', 'failed')),
    attempt        int not null default 0,
    max_attempts   int not null,
    run_after      timestamptz not null default now(),
    owner          text,
    lease_until    timestamptz,
    last_error     text,
    enqueued_at    timestamptz not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz
);
create index grading_jobs_claimable on grading_jobs (enqueued_at) where state in ('queued', 'running');
-- One active grading per candidate: a second upload while one is queued or running is refused.
create unique index grading_jobs_one_active_per_invitation on grading_jobs (invitation_id) where state in ('queued', 'running');

create table reports (
    submission_id  uuid primary key references submissions (id),
    job_id         uuid not null references grading_jobs (id),
    attempt        int not null,
    status         text not null,
    level          text not null,
    score          int not null,
    report         jsonb not null,
    html           text not null,
    created_at     timestamptz not null default now()
);

create table notes (
    id             bigint generated always as identity primary key,
    submission_id  uuid not null references submissions (id),
    author         text not null,
    body           text not null,
    created_at     timestamptz not null default now()
);

create table audit_log (
    id         bigint generated always as identity primary key,
    actor      text not null,
    action     text not null,
    entity     text not null,
    entity_id  text not null,
    before     jsonb,
    after      jsonb,
    at         timestamptz not null default now()
);
