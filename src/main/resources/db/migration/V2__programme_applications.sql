-- The programme year and everything a case goes through: campaigns with their standards, courses,
-- quota pools and their ledger, applications with their history, enrollments and disbursements.

CREATE TABLE campaign (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year                     int          NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    name                     varchar(200) NOT NULL,
    opens_at                 timestamptz  NOT NULL,
    closes_at                timestamptz  NOT NULL,
    status                   varchar(16)  NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'ARCHIVED')),
    -- comma-separated, in order: 'EDUCATION,SKILL'; 'GRASSROOTS,TOWNSHIP,COUNTY,CITY'
    tracks                   varchar(40)  NOT NULL,
    review_stages            varchar(80)  NOT NULL,
    min_age                  int CHECK (min_age BETWEEN 14 AND 100),
    max_age                  int CHECK (max_age BETWEEN 14 AND 100),
    enrollment_share_percent int          NOT NULL DEFAULT 50 CHECK (enrollment_share_percent BETWEEN 0 AND 100),
    created_by               varchar(255) NOT NULL,
    created_at               timestamptz  NOT NULL DEFAULT now(),
    CHECK (closes_at > opens_at),
    CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)
);

CREATE TABLE subsidy_standard (
    campaign_id     bigint      NOT NULL REFERENCES campaign (id),
    level           varchar(16) NOT NULL,
    max_subsidy_fen int         NOT NULL CHECK (max_subsidy_fen > 0),
    PRIMARY KEY (campaign_id, level)
);

CREATE TABLE course (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id   bigint       NOT NULL REFERENCES campaign (id),
    academy_id    bigint       NOT NULL REFERENCES academy (id),
    name          varchar(200) NOT NULL,
    track         varchar(16)  NOT NULL CHECK (track IN ('EDUCATION', 'SKILL')),
    target_level  varchar(16)  NOT NULL,
    tuition_fen   int          NOT NULL CHECK (tuition_fen > 0),
    capacity      int          NOT NULL CHECK (capacity > 0),
    starts_on     date         NOT NULL,
    external_code varchar(64)  NOT NULL,
    UNIQUE (academy_id, campaign_id, external_code)
);
CREATE INDEX course_listing_idx ON course (campaign_id, track, target_level, id);

-- Places per (campaign, org unit, track). approved <= allocated is the invariant; the CHECK stands
-- behind the conditional updates that take and give back places.
CREATE TABLE quota_pool (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id bigint      NOT NULL REFERENCES campaign (id),
    org_unit_id bigint      NOT NULL REFERENCES org_unit (id),
    track       varchar(16) NOT NULL CHECK (track IN ('EDUCATION', 'SKILL')),
    allocated   int         NOT NULL CHECK (allocated >= 0),
    approved    int         NOT NULL DEFAULT 0 CHECK (approved >= 0),
    CONSTRAINT quota_pool_approved_within_allocated CHECK (approved <= allocated),
    UNIQUE (campaign_id, org_unit_id, track)
);

-- Every change to a pool. delta is the change in remaining places (allocated - approved).
CREATE TABLE quota_ledger (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pool_id         bigint       NOT NULL REFERENCES quota_pool (id),
    at              timestamptz  NOT NULL DEFAULT clock_timestamp(),
    delta           int          NOT NULL,
    allocated_after int          NOT NULL,
    approved_after  int          NOT NULL,
    reason          varchar(32)  NOT NULL CHECK (reason IN ('ALLOCATE', 'TRANSFER_IN', 'TRANSFER_OUT', 'APPROVE', 'WITHDRAW', 'CANCEL')),
    application_id  bigint,
    actor_subject   varchar(255) NOT NULL
);
CREATE INDEX quota_ledger_pool_idx ON quota_ledger (pool_id, id DESC);

CREATE TABLE application (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    worker_id         bigint       NOT NULL REFERENCES worker (id),
    campaign_id       bigint       NOT NULL REFERENCES campaign (id),
    course_id         bigint       NOT NULL REFERENCES course (id),
    academy_id        bigint       NOT NULL REFERENCES academy (id),
    client_request_id varchar(100) NOT NULL,
    track             varchar(16)  NOT NULL CHECK (track IN ('EDUCATION', 'SKILL')),
    from_level        varchar(16),
    target_level      varchar(16)  NOT NULL,
    subsidy_fen       int          NOT NULL CHECK (subsidy_fen >= 0),
    status            varchar(16)  NOT NULL CHECK (status IN ('SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'REJECTED',
                                                              'WITHDRAWN', 'ENROLLED', 'COMPLETED', 'CANCELLED')),
    -- the review stage the case waits at, and the org unit that reviews it there (null outside review)
    current_stage     varchar(16) CHECK (current_stage IN ('GRASSROOTS', 'TOWNSHIP', 'COUNTY', 'CITY', 'PROVINCE')),
    stage_unit_id     bigint REFERENCES org_unit (id),
    -- the worker's workplace union and its path at submission, for scope filters
    org_unit_id       bigint       NOT NULL REFERENCES org_unit (id),
    org_path          varchar(200) NOT NULL,
    -- the pool whose place this case holds: set exactly while APPROVED, ENROLLED or COMPLETED
    quota_pool_id     bigint REFERENCES quota_pool (id),
    version           int          NOT NULL DEFAULT 1 CHECK (version >= 1),
    submitted_at      timestamptz  NOT NULL DEFAULT clock_timestamp(),
    updated_at        timestamptz  NOT NULL DEFAULT clock_timestamp(),
    approved_at       timestamptz,
    UNIQUE (worker_id, client_request_id),
    CONSTRAINT application_place_matches_status
        CHECK ((status IN ('APPROVED', 'ENROLLED', 'COMPLETED')) = (quota_pool_id IS NOT NULL)),
    CHECK ((status IN ('SUBMITTED', 'IN_REVIEW')) = (current_stage IS NOT NULL AND stage_unit_id IS NOT NULL))
);
-- one live application per worker and campaign, held by the database
CREATE UNIQUE INDEX application_one_live_per_campaign ON application (worker_id, campaign_id)
    WHERE status NOT IN ('REJECTED', 'WITHDRAWN', 'CANCELLED');
CREATE INDEX application_worker_idx ON application (worker_id, submitted_at DESC, id DESC);
CREATE INDEX application_review_queue_idx ON application (campaign_id, current_stage, stage_unit_id, submitted_at, id)
    WHERE status IN ('SUBMITTED', 'IN_REVIEW');
CREATE INDEX application_academy_sync_idx ON application (academy_id, updated_at, id) WHERE approved_at IS NOT NULL;
CREATE INDEX application_campaign_scope_idx ON application (campaign_id, org_path text_pattern_ops);
CREATE INDEX application_pool_idx ON application (quota_pool_id) WHERE quota_pool_id IS NOT NULL;

CREATE TABLE application_history (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id bigint       NOT NULL REFERENCES application (id),
    at             timestamptz  NOT NULL DEFAULT clock_timestamp(),
    actor_subject  varchar(255) NOT NULL,
    actor_role     varchar(16)  NOT NULL,
    action         varchar(32)  NOT NULL,
    from_status    varchar(16),
    to_status      varchar(16)  NOT NULL,
    comment        varchar(2000)
);
CREATE INDEX application_history_app_idx ON application_history (application_id, id);

CREATE TABLE enrollment (
    application_id   bigint PRIMARY KEY REFERENCES application (id),
    academy_id       bigint      NOT NULL REFERENCES academy (id),
    external_ref     varchar(100) NOT NULL,
    status           varchar(16) NOT NULL CHECK (status IN ('ENROLLED', 'DROPPED', 'COMPLETED')),
    enrolled_at      timestamptz,
    completed_at     timestamptz,
    dropped_at       timestamptz,
    certificate_no   varchar(100),
    tuition_paid_fen int CHECK (tuition_paid_fen >= 0),
    -- occurredAt of the newest event applied: older events are STALE
    last_event_at    timestamptz NOT NULL,
    UNIQUE (academy_id, external_ref),
    CHECK (status <> 'COMPLETED' OR certificate_no IS NOT NULL)
);

CREATE TABLE disbursement (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id bigint       NOT NULL REFERENCES application (id),
    stage          varchar(16)  NOT NULL CHECK (stage IN ('ENROLLMENT', 'COMPLETION')),
    amount_fen     int          NOT NULL CHECK (amount_fen >= 0),
    status         varchar(16)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PAID')),
    created_at     timestamptz  NOT NULL DEFAULT clock_timestamp(),
    paid_at        timestamptz,
    reference      varchar(100),
    paid_by        varchar(255),
    UNIQUE (application_id, stage),
    CHECK ((status = 'PAID') = (paid_at IS NOT NULL AND reference IS NOT NULL))
);
CREATE INDEX disbursement_pending_idx ON disbursement (created_at, id) WHERE status = 'PENDING';

-- History and the quota ledger are append-only, in the database itself.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER application_history_append_only BEFORE UPDATE OR DELETE ON application_history
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER quota_ledger_append_only BEFORE UPDATE OR DELETE ON quota_ledger
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER application_history_no_truncate BEFORE TRUNCATE ON application_history
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER quota_ledger_no_truncate BEFORE TRUNCATE ON quota_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
