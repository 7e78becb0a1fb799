-- Who overrode a submission's level, and when: the report and the review page say it beside the
-- reason, without reading the audit log. Null for overrides made before this column existed.
alter table submissions add column override_by text;
alter table submissions add column overridden_at timestamptz;
