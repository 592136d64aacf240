CREATE TABLE "channel_daily_counts" (
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"inbound" integer NOT NULL,
	"outbound" integer NOT NULL,
	"answered_calls" integer NOT NULL,
	"abandoned_calls" integer NOT NULL,
	"wait_seconds" bigint NOT NULL,
	"waits_known" integer NOT NULL,
	"talk_seconds" bigint NOT NULL,
	"talks_known" integer NOT NULL,
	"cases_opened" integer NOT NULL,
	"cases_resolved" integer NOT NULL,
	CONSTRAINT "channel_daily_counts_pk" PRIMARY KEY("day","channel")
);
