-- Disputes post journal entries of their own (see PostingRules): opened, won, lost.
ALTER TABLE journal_line DROP CONSTRAINT journal_line_kind;
ALTER TABLE journal_line ADD CONSTRAINT journal_line_kind CHECK (entry_kind IN (
    'capture', 'refund', 'settlement', 'settlement_reversal', 'dispute_opened', 'dispute_won', 'dispute_lost'));
