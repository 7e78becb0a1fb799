-- Servers cache who a token or session belongs to (the server's CallerCache), so every change that can
-- take a credential away announces itself on the channel 'auth_changed', inside the transaction that
-- makes it: PostgreSQL delivers the notification at commit, or never if the change rolls back.
-- Payloads name what changed: 'user:<id>', 'invitation:<id>', 'partner-key:<id>', 'session:<hex of
-- id_hash>', or 'all' (a truncate). Only the columns a credential depends on count, so that
-- bookkeeping (a partner key's last_used_at) does not empty the cache on every use.

create function auth_holder_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('auth_changed', tg_argv[0] || ':' || old.id);
    return null;
end
$$;

create function auth_session_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('auth_changed', 'session:' || encode(old.id_hash, 'hex'));
    return null;
end
$$;

create function auth_all_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('auth_changed', 'all');
    return null;
end
$$;

create trigger users_auth_changed after update on users for each row
    when ((old.name, old.role, old.token_hash) is distinct from (new.name, new.role, new.token_hash))
    execute function auth_holder_changed('user');
create trigger users_auth_deleted after delete on users for each row execute function auth_holder_changed('user');
create trigger users_auth_truncated after truncate on users for each statement execute function auth_all_changed();

create trigger invitations_auth_changed after update on invitations for each row
    when ((old.token_hash, old.expires_at, old.revoked_at, old.candidate_name, old.challenge_id)
          is distinct from (new.token_hash, new.expires_at, new.revoked_at, new.candidate_name, new.challenge_id))
    execute function auth_holder_changed('invitation');
create trigger invitations_auth_deleted after delete on invitations for each row execute function auth_holder_changed('invitation');
create trigger invitations_auth_truncated after truncate on invitations for each statement execute function auth_all_changed();

create trigger partner_api_keys_auth_changed after update on partner_api_keys for each row
    when ((old.name, old.key_hash, old.revoked_at) is distinct from (new.name, new.key_hash, new.revoked_at))
    execute function auth_holder_changed('partner-key');
create trigger partner_api_keys_auth_deleted after delete on partner_api_keys for each row execute function auth_holder_changed('partner-key');
create trigger partner_api_keys_auth_truncated after truncate on partner_api_keys for each statement execute function auth_all_changed();

-- A new session changes nothing anyone has cached; ending, shortening or deleting one does.
create trigger sessions_auth_changed after update on sessions for each row
    when ((old.expires_at, old.revoked_at) is distinct from (new.expires_at, new.revoked_at))
    execute function auth_session_changed();
create trigger sessions_auth_deleted after delete on sessions for each row execute function auth_session_changed();
create trigger sessions_auth_truncated after truncate on sessions for each statement execute function auth_all_changed();
