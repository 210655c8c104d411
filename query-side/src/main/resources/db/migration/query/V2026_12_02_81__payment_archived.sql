-- Archived payments (DELETE /api/payments/{id}: canceled, then archived; nothing is erased). They leave the list, the
-- export and the feed unless those ask for archived=true. Few payments are archived, so the list's indexes stay as
-- they are: a page reads its index in order and passes over the rare archived row.
ALTER TABLE payment_view ADD COLUMN archived BOOLEAN NOT NULL DEFAULT false;
