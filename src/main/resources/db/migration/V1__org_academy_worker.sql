-- Foundation: the union org tree, academies and worker profiles.

CREATE TABLE org_unit (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code      varchar(32)  NOT NULL UNIQUE,
    name      varchar(200) NOT NULL,
    kind      varchar(16)  NOT NULL CHECK (kind IN ('PROVINCE', 'CITY', 'INDUSTRY_UNION', 'COUNTY', 'TOWNSHIP', 'GRASSROOTS')),
    parent_id bigint REFERENCES org_unit (id),
    -- ids from the root down, '/1/7/42/': a subtree is every path that starts with its root's path
    path      varchar(200) NOT NULL UNIQUE,
    CHECK ((kind = 'PROVINCE') = (parent_id IS NULL))
);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);
CREATE INDEX org_unit_path_prefix_idx ON org_unit (path text_pattern_ops);

CREATE TABLE academy (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        varchar(64)  NOT NULL UNIQUE,
    name        varchar(200) NOT NULL,
    kind        varchar(16)  NOT NULL CHECK (kind IN ('HEADQUARTERS', 'BRANCH', 'TRAINING_BASE', 'COLLEGE')),
    parent_id   bigint REFERENCES academy (id),
    org_unit_id bigint       NOT NULL REFERENCES org_unit (id),
    CHECK (kind <> 'BRANCH' OR parent_id IS NOT NULL)
);
CREATE INDEX academy_parent_idx ON academy (parent_id);

-- Personal data: the ID number and phone are stored encrypted (AES-GCM, key from configuration);
-- the ID number is found through a keyed hash; the masked forms are not secret.
CREATE TABLE worker (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject          varchar(255) NOT NULL UNIQUE,
    name             varchar(100) NOT NULL,
    id_number_enc    bytea        NOT NULL,
    id_number_hash   bytea        NOT NULL UNIQUE,
    id_number_masked varchar(18)  NOT NULL,
    birth_date       date         NOT NULL,
    phone_enc        bytea        NOT NULL,
    phone_masked     varchar(32)  NOT NULL,
    union_member_no  varchar(64)  NOT NULL,
    employer         varchar(200) NOT NULL,
    employer_kind    varchar(32)  NOT NULL CHECK (employer_kind IN ('ENTERPRISE', 'NEW_EMPLOYMENT_FORM', 'PUBLIC_INSTITUTION')),
    frontline        boolean      NOT NULL,
    org_unit_id      bigint       NOT NULL REFERENCES org_unit (id),
    education_level  varchar(16)  NOT NULL CHECK (education_level IN ('HIGH_SCHOOL', 'ASSOCIATE', 'BACHELOR', 'MASTER')),
    skill_grade      varchar(16)  CHECK (skill_grade IN ('SKILL_5', 'SKILL_4', 'SKILL_3', 'SKILL_2', 'SKILL_1')),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX worker_org_unit_idx ON worker (org_unit_id);
