-- Page sign-ins. The session cookie holds a random session id, stored here only as its SHA-256, never
-- the user's bearer token: a session expires, signing out revokes it, and it ends with the invitation
-- (revoked or expired) it was made from.
create table sessions (
    id_hash        bytea primary key,
    user_id        uuid references users (id) on delete cascade,
    invitation_id  uuid references invitations (id) on delete cascade,
    created_at     timestamptz not null default now(),
    expires_at     timestamptz not null,
    revoked_at     timestamptz,
    check ((user_id is null) <> (invitation_id is null))
);
create index sessions_expires on sessions (expires_at);
