-- Failed authentications counted per client address in the database, so that the allowance
-- (Assessments:FailedAuthenticationsPerMinute) holds for the platform, not for each server behind a
-- load balancer: a guesser spread over several servers is stopped after the same number of tries.
-- One row per address with its own one-minute window from its first failure; rows whose window has
-- ended are reset by the next failure or swept by any server. Unlogged: a crash loses at most a
-- minute of counts, and no row is worth a WAL write per wrong token.
-- An address using up its allowance is announced on 'auth_throttled' (payload '<address> <ms left>'),
-- so that every server refuses it without asking the database on each request.

create unlogged table failed_authentications (
    address      text primary key,
    failures     int not null,
    window_ends  timestamptz not null
);

create index failed_authentications_window_ends on failed_authentications (window_ends);
