-- Outgoing webhooks: endpoints an admin configures, an outbox of events written in the same
-- transaction as the change they announce, one delivery row per (event, endpoint) that the sender
-- claims with FOR UPDATE SKIP LOCKED, and every attempt logged. Plus the ATS partners' API keys.

create table webhook_endpoints (
    id           uuid primary key,
    url          text not null,
    events       text[] not null,
    -- Needed in clear to sign each request (HMAC); shown once at creation, never returned or logged after.
    secret       text not null,
    description  text not null default '',
    created_by   text not null,
    created_at   timestamptz not null default now(),
    disabled_at  timestamptz
);

create table webhook_events (
    -- The id a receiver deduplicates by: the same on every retry and redelivery.
    id          uuid primary key,
    type        text not null,
    -- One event per occurrence, e.g. 'invitation.expired:<id>', so a scan that runs twice records it once.
    dedupe_key  text unique,
    payload     jsonb not null,
    created_at  timestamptz not null default now()
);

create table webhook_deliveries (
    id               uuid primary key,
    event_id         uuid not null references webhook_events (id),
    endpoint_id      uuid not null references webhook_endpoints (id),
    state            text not null check (state in ('pending', 'delivered', 'failed')),
    attempts         int not null default 0,
    -- When the sender may next claim it; a claim pushes it forward by the claim's lease, so a sender
    -- that dies mid-request leaves the delivery to be tried again, never lost.
    next_attempt_at  timestamptz not null default now(),
    last_status      int,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz not null default now(),
    unique (event_id, endpoint_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where state = 'pending';
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at desc);

-- Fan-out happens here, inside the transaction that records the event: every enabled endpoint
-- subscribed to the type gets a pending delivery, so an event and its deliveries exist together or not at all.
create function webhook_fan_out() returns trigger language plpgsql as $$
begin
    insert into webhook_deliveries (id, event_id, endpoint_id, state)
    select gen_random_uuid(), new.id, w.id, 'pending'
      from webhook_endpoints w
     where w.disabled_at is null and new.type = any (w.events);
    return new;
end
$$;
create trigger webhook_events_fan_out after insert on webhook_events for each row execute function webhook_fan_out();

create table webhook_attempts (
    id                bigint generated always as identity primary key,
    delivery_id       uuid not null references webhook_deliveries (id),
    attempt           int not null,
    status            int,
    latency_ms        double precision not null,
    error             text,
    response_excerpt  text,
    at                timestamptz not null default now()
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, id);

create table partner_api_keys (
    id           uuid primary key,
    name         text not null,
    key_hash     bytea not null unique,
    -- The first characters of the key, so an admin can tell keys apart without the key itself.
    prefix       text not null,
    created_by   text not null,
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz,
    last_used_at timestamptz
);

-- Invitations an ATS sent keep the partner's own ids, so status and result can be asked by them.
alter table invitations add column partner_key_id uuid references partner_api_keys (id);
alter table invitations add column partner_candidate text;

-- What a grading event says about a submission: who, which challenge, the outcome when there is one,
-- and where the report is (a path on the server: receivers prefix their configured base URL).
create function grading_event_payload(submission uuid) returns jsonb language sql stable as $$
    select jsonb_build_object(
        'submissionId', s.id,
        'kind', s.kind,
        'challengeId', s.challenge_id,
        'invitationId', s.invitation_id,
        'candidateName', i.candidate_name,
        'partnerCandidateId', i.partner_candidate,
        'status', r.status,
        'level', coalesce(s.override_level, r.level),
        'score', r.score,
        'reportPath', case when r.submission_id is not null then '/api/submissions/' || s.id || '/report' end)
      from submissions s
      left join invitations i on i.id = s.invitation_id
      left join reports r on r.submission_id = s.id
     where s.id = submission
$$;
