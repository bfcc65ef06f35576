-- A new outbox mail queues the delivery job (graphile-worker, task 'deliver-mail', one pending job
-- at most under its key) when its transaction commits: delivery starts at once instead of at the
-- next scheduled pass, and a rolled-back event queues nothing. Deferred to the commit so that the
-- job key's row is locked for an instant, not for the rest of the event's transaction (where
-- mail-writing transactions would queue up behind one another). Once per transaction.
create function queue_mail_delivery() returns trigger
language plpgsql as $$
begin
  if current_setting('liaison.mail_delivery_queued', true) is distinct from 'yes' then
    perform set_config('liaison.mail_delivery_queued', 'yes', true);
    perform graphile_worker.add_job('deliver-mail', '{}'::json, job_key => 'deliver-mail');
  end if;
  return null;
end;
$$;

create constraint trigger mail_outbox_queues_delivery
  after insert on mail_outbox
  deferrable initially deferred
  for each row execute function queue_mail_delivery();
