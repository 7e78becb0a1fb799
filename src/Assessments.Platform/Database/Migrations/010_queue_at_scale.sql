-- The grading queue at 100k jobs (issue 24).
--
-- Every claim first dead-letters jobs whose lease ran out on their last attempt. Without an index on
-- the leases that sweep read the whole table (22 ms at 100k rows, on every claim); running jobs are
-- few, so a partial index on them keeps it to a handful of pages.
create index grading_jobs_leases on grading_jobs (lease_until) where state = 'running';

-- The claim orders by (enqueued_at, id): with both in the index it reads the first due entry and
-- stops, instead of sorting the jobs that share a timestamp.
drop index grading_jobs_claimable;
create index grading_jobs_claimable on grading_jobs (enqueued_at, id) where state in ('queued', 'running');

-- Finished jobs past the retention (Worker:FinishedJobRetentionDays) move here, so that the queue
-- table holds what is waiting, running, dead-lettered and recently finished, not every grading ever
-- made. Same columns; nothing claims, renews or requeues from here.
create table grading_jobs_archive (like grading_jobs including defaults including constraints);
alter table grading_jobs_archive add primary key (id);
alter table grading_jobs_archive add unique (submission_id);
alter table grading_jobs_archive add foreign key (submission_id) references submissions (id);
alter table grading_jobs_archive add foreign key (invitation_id) references invitations (id);
alter table grading_jobs_archive add column archived_at timestamptz not null default now();

-- A report names its job, which may now live in either table: the reference is kept as a plain id.
alter table reports drop constraint reports_job_id_fkey;

-- What readers of a submission's grading (state, attempt, finished_at) join, wherever its job lives.
create view grading_jobs_all as
    select id, submission_id, invitation_id, state, attempt, max_attempts, run_after, owner, lease_until,
           last_error, enqueued_at, started_at, finished_at
      from grading_jobs
    union all
    select id, submission_id, invitation_id, state, attempt, max_attempts, run_after, owner, lease_until,
           last_error, enqueued_at, started_at, finished_at
      from grading_jobs_archive;
