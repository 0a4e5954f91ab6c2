-- Part two's reasons for a pool change (contract: "Ledger reasons gain TAKE_AT_SUBMISSION, PROMOTE, REJECT and
-- OBJECTION_UPHELD beside part one's"). The application life cycle gives a held place back under the reason of
-- the transition that frees it.
ALTER TABLE quota_ledger DROP CONSTRAINT quota_ledger_reason_check;
ALTER TABLE quota_ledger ADD CONSTRAINT quota_ledger_reason_check CHECK (reason IN ('ALLOCATE', 'TRANSFER_IN', 'TRANSFER_OUT',
    'APPROVE', 'WITHDRAW', 'CANCEL', 'REJECT', 'TAKE_AT_SUBMISSION', 'PROMOTE', 'OBJECTION_UPHELD'));
