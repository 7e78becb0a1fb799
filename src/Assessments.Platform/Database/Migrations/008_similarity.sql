-- Similarity across a challenge's cohort (issue 23). Every graded submission and every reference
-- solution of a challenge becomes a document: its normalised token stream (to score pairs exactly and
-- to locate regions) and its winnowed fingerprints in an inverted index, fingerprint -> documents.
-- A new submission finds its candidates through the index, never by comparing with everyone.

create table similarity_documents (
    id                 int generated always as identity primary key,
    challenge_id       text not null,
    -- A candidate's submission, or one of the challenge's reference solutions (by level name).
    submission_id      uuid unique references submissions (id) on delete cascade,
    reference_name     text,
    invitation_id      uuid,
    -- Fingerprints of different algorithm versions do not compare; a reindex rebuilds the old ones.
    algorithm_version  text not null,
    -- The challenge's starter kit as it was excluded (its content hash), so a changed kit shows up too.
    starter_sha256     text not null,
    counted_tokens     int not null,
    paths              text[] not null,
    stream             bytea not null,
    limits_reached     text[] not null default '{}',
    indexed_at         timestamptz not null default now(),
    check ((submission_id is null) <> (reference_name is null))
);
create unique index similarity_documents_reference on similarity_documents (challenge_id, reference_name, algorithm_version) where reference_name is not null;
create index similarity_documents_challenge on similarity_documents (challenge_id, algorithm_version);

-- The inverted index. The key leads with the fingerprint so a lookup of many fingerprints is one
-- index scan per value; (hash, challenge, document) packs into 16 bytes without padding.
create table similarity_postings (
    hash          bigint not null,
    challenge_key int not null,
    document_id   int not null references similarity_documents (id) on delete cascade,
    primary key (hash, challenge_key, document_id)
);
create index similarity_postings_document on similarity_postings (document_id);

-- A small key per challenge for the postings (a text id in every posting would double the index).
create table similarity_challenges (
    key           int generated always as identity primary key,
    challenge_id  text not null unique
);

-- Pairs at or above the flag threshold: a reason for an interviewer to look, never a verdict.
-- Side a is the reference or the submission indexed first; regions are oriented a then b.
create table similarity_pairs (
    id                   uuid primary key,
    challenge_id         text not null,
    submission_a         uuid references submissions (id) on delete cascade,
    reference_a          text,
    submission_b         uuid not null references submissions (id) on delete cascade,
    similarity           real not null,
    shared_tokens_a      int not null,
    shared_tokens_b      int not null,
    tokens_a             int not null,
    tokens_b             int not null,
    regions              jsonb not null,
    algorithm_version    text not null,
    found_at             timestamptz not null default now(),
    review               text not null default 'unreviewed' check (review in ('unreviewed', 'independent', 'copied')),
    review_note          text,
    reviewed_by          text,
    reviewed_at          timestamptz,
    check ((submission_a is null) <> (reference_a is null)),
    check (submission_a is null or submission_a <> submission_b)
);
create unique index similarity_pairs_submissions on similarity_pairs (least(submission_a, submission_b), greatest(submission_a, submission_b)) where submission_a is not null;
create unique index similarity_pairs_references on similarity_pairs (submission_b, reference_a) where reference_a is not null;
create index similarity_pairs_a on similarity_pairs (submission_a);
create index similarity_pairs_challenge on similarity_pairs (challenge_id, similarity desc);
