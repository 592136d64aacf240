-- Every statement that writes case events announces them on the case_events channel (custom
-- migration: drizzle-kit does not express triggers). NOTIFY is delivered at commit and once per
-- transaction, so a command that writes several events rings once; writers no longer send a
-- pg_notify statement of their own (one round trip less per command).
CREATE FUNCTION case_events_announce() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
    BEGIN
      PERFORM pg_notify('case_events', '');
      RETURN NULL;
    END
  $$;--> statement-breakpoint
CREATE TRIGGER case_events_announce AFTER INSERT ON case_events
  FOR EACH STATEMENT EXECUTE FUNCTION case_events_announce();
