-- Delivery logs written before issue 14 kept the network's own words (ECONNREFUSED, DNS errors):
-- rewrite them as the failure classes of domain/webhooks.ts, which is all receivers may read.
UPDATE "webhook_attempts" SET "error" = CASE
  WHEN "status_code" BETWEEN 300 AND 399 THEN 'HTTP_3XX'
  WHEN "status_code" BETWEEN 400 AND 499 THEN 'HTTP_4XX'
  WHEN "status_code" BETWEEN 500 AND 599 THEN 'HTTP_5XX'
  WHEN "status_code" IS NOT NULL THEN 'HTTP_OTHER'
  WHEN "error" LIKE 'No answer within %' THEN 'TIMEOUT'
  ELSE 'CONNECTION_FAILED'
END
WHERE "error" IS NOT NULL;
