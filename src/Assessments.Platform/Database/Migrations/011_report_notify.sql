-- Servers keep graded report bodies in memory (the server's ReportCache), so every change to what a
-- report endpoint answers announces itself on the channel 'report_changed', inside the transaction that
-- makes it (delivered at commit, or never if it rolls back), and every server drops that submission's
-- entries. The payload is the submission id, or 'all' (a truncate).
--
-- reports: any row rewritten or removed (a regrade, a new grading attempt's report replacing the old
-- one, a report withdrawn). A first insert needs no word: until then every endpoint answers 404, which
-- no server caches, so a grading's completion adds no NOTIFY (which serialises commits) to the queue.
-- submissions: any update or delete, not only the override columns report.html depends on, so that
-- whatever later decides who may see a submission (archiving it, say) is announced without a new
-- trigger; submissions are updated rarely (an override), so this costs nothing on the hot paths.
-- grading_jobs is left out on purpose: the endpoints answer from reports alone, and the queue's every
-- claim and heartbeat would otherwise notify.

create function report_of_submission_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('report_changed', old.submission_id::text);
    if tg_op = 'UPDATE' and new.submission_id <> old.submission_id then
        perform pg_notify('report_changed', new.submission_id::text);
    end if;
    return null;
end
$$;

create function submission_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('report_changed', old.id::text);
    return null;
end
$$;

create function report_all_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('report_changed', 'all');
    return null;
end
$$;

create trigger reports_report_changed after update or delete on reports for each row execute function report_of_submission_changed();
create trigger reports_report_truncated after truncate on reports for each statement execute function report_all_changed();

create trigger submissions_report_changed after update or delete on submissions for each row execute function submission_changed();
create trigger submissions_report_truncated after truncate on submissions for each statement execute function report_all_changed();
