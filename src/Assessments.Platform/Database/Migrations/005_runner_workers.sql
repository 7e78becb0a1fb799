-- The grading slots of every running worker, as the platform sees them (issue 22): a worker writes its
-- row when it starts, whenever a grading starts or ends in one of its slots, and on every heartbeat,
-- and removes it when it stops. A row not seen for a while belongs to a worker that died (kill -9).
create table runner_workers (
    worker_id  text primary key,
    host       text not null,
    cpus       integer not null,
    slots      integer not null,
    busy       integer not null default 0,
    -- How often it says it is alive: three missed heartbeats make it stale.
    heartbeat_seconds double precision not null,
    started_at timestamptz not null,
    seen_at    timestamptz not null
);
