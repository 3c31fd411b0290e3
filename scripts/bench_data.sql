-- Benchmark data for scripts/bench: a large Kimai database generated inside MariaDB with
-- the SEQUENCE engine (INSERT ... SELECT from seq_1_to_N), loaded into a database that
-- already holds Kimai's schema (tests/data/kimai-schema.sql) and MariaDB's time zone
-- tables.  Deterministic apart from "now": every choice is a hash of the row number.
--
-- Set before sourcing (scripts/bench.py does):
--   @users, @customers, @projects   how many of each (at least 8, 2, 13)
--   @stopped                        stopped timesheets in total, e.g. 2000000
--   @running                        running timesheets (end_time NULL) on top of those
--
-- What the benchmark relies on:
--  * customer 1 (EUR, Europe/Berlin, all-time money and time budget) owns projects 1-12,
--    all visible; every month it has 600 records: 80 on project 1, the other 520 spread
--    over projects 2-12, by users 1-8;
--  * the data covers the 36 months up to now, the current month only up to now;
--  * ids follow start_time (records are entered as the work is done), the other
--    customers' projects are used with a skewed popularity, descriptions vary from empty
--    to about a thousand characters (with markup characters and non-ASCII text), a few
--    records are fixed-rate or not billable.

SET NAMES utf8mb4;
SET time_zone = '+00:00';
SET foreign_key_checks = 0, unique_checks = 0;

SET @pw = '$2y$13$Kimai.Portal.Bench.SaltefJC/zpDK8kSvT2WK6kiATUURzefUw2e';
SET @span_start = DATE_SUB(DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-01'), INTERVAL 35 MONTH);
SET @now = UTC_TIMESTAMP();
SET @span_days = DATEDIFF(@now, @span_start);
-- The customer's 600 records of a month: 80 on project 1, 520 on projects 2-12.
SET @bench_month_rows = 600;

-- ~3,000 characters to cut descriptions from: markup characters, quotes, non-ASCII.
SET @text = REPEAT(CONCAT(
  'Reviewed the pull request for the invoice export & fixed two <edge> cases. ',
  'Telefonat mit Frau Müller wegen der Änderungswünsche am Angebot. ',
  'Workshop "Roadmap 2025" prep: agenda, slides, room booking; sent invites. ',
  'Débogage du module de facturation — les totaux étaient arrondis deux fois. ',
  'Deploy to staging, smoke tests green, waiting for QA sign-off. ',
  'Meeting notes:\n- scope agreed\n- budget review next week\n- open: hosting costs. ',
  'データ移行の確認と顧客への報告書作成。 ',
  'Refactored the search index (3x faster); wrote tests, updated README. '), 6);

-- ---- users -------------------------------------------------------------------------------
CREATE TEMPORARY TABLE bench_zone (n INT PRIMARY KEY, tz VARCHAR(64), cur CHAR(3), cc CHAR(2));
INSERT INTO bench_zone VALUES
  (0, 'Europe/Berlin', 'EUR', 'DE'), (1, 'Europe/Berlin', 'EUR', 'DE'),
  (2, 'Europe/Berlin', 'EUR', 'DE'), (3, 'Europe/Vienna', 'EUR', 'AT'),
  (4, 'Europe/London', 'GBP', 'GB'), (5, 'America/New_York', 'USD', 'US'),
  (6, 'Europe/Paris', 'EUR', 'FR'), (7, 'Europe/Zurich', 'CHF', 'CH'),
  (8, 'Asia/Tokyo', 'JPY', 'JP'), (9, 'America/Los_Angeles', 'USD', 'US');

INSERT INTO kimai2_users (id, username, email, password, alias, enabled, registration_date,
                          roles, totp_enabled, system_account)
SELECT seq, CONCAT('user', LPAD(seq, 4, '0')), CONCAT('user', seq, '@example.com'), @pw,
       IF(seq % 17 = 0, NULL, CONCAT(
         ELT(1 + CRC32(CONCAT('f', seq)) % 12, 'Anna', 'Jürgen', 'María', 'Kenji', 'Olivia',
             'Noah', 'Zoë', 'Lukas', 'Amélie', 'Mateo', 'Hanna', 'Oskar'), ' ',
         ELT(1 + CRC32(CONCAT('l', seq)) % 12, 'Schmidt', 'García', 'Nakamura', 'Smith',
             'Dubois', 'Kowalski', 'Rossi', 'Jensen', 'O''Brien', 'Novák', 'Silva', 'Müller'))),
       1, @span_start, IF(seq = 1, 'a:1:{i:0;s:16:"ROLE_SUPER_ADMIN";}', 'a:0:{}'), 0, 0
FROM seq_1_to_100000 WHERE seq <= @users;

-- Users 1-8 (the benchmark customer's team) work in Berlin; the rest anywhere.
INSERT INTO kimai2_user_preferences (user_id, name, value)
SELECT u.id, 'timezone', IF(u.id <= 8, 'Europe/Berlin', z.tz)
FROM kimai2_users u JOIN bench_zone z ON z.n = u.id % 10;

CREATE TEMPORARY TABLE bench_user (id INT PRIMARY KEY, tz VARCHAR(64));
INSERT INTO bench_user SELECT user_id, value FROM kimai2_user_preferences WHERE name = 'timezone';

-- ---- customers, projects, activities -------------------------------------------------
INSERT INTO kimai2_customers (id, name, number, visible, country, currency, timezone,
                              budget, time_budget, budget_type, billable, created_at)
SELECT seq,
       IF(seq = 1, 'Bench Customer GmbH', CONCAT(
         ELT(1 + CRC32(CONCAT('ca', seq)) % 10, 'Acme', 'Globex', 'Initech', 'Umbrella',
             'Stark', 'Wayne', 'Tyrell', 'Müller & Söhne', 'Soylent', 'Hooli'), ' ',
         ELT(1 + CRC32(CONCAT('cb', seq)) % 6, 'GmbH', 'Inc.', 'Ltd', 'AG', 'SARL', 'KK'),
         ' ', seq)),
       CONCAT('C-', LPAD(seq, 5, '0')), IF(seq = 1 OR seq % 23 <> 0, 1, 0),
       IF(seq = 1, 'DE', z.cc), IF(seq = 1, 'EUR', z.cur), IF(seq = 1, 'Europe/Berlin', z.tz),
       CASE WHEN seq = 1 THEN 900000 WHEN seq % 3 = 0 THEN 5000 + seq % 50 * 1000 ELSE 0 END,
       CASE WHEN seq = 1 THEN 15000 * 3600 WHEN seq % 4 = 0 THEN (100 + seq % 400) * 3600
            ELSE 0 END,
       IF(seq > 1 AND seq % 5 = 0, 'month', NULL), 1, @span_start
FROM seq_1_to_100000 JOIN bench_zone z ON z.n = seq % 10
WHERE seq <= @customers;

-- Projects 1-12 belong to customer 1, the others cycle through customers 2..N.
INSERT INTO kimai2_projects (id, customer_id, name, order_number, visible, budget,
                             time_budget, budget_type, billable, global_activities, number,
                             created_at)
SELECT seq, IF(seq <= 12, 1, 2 + (seq - 13) % (@customers - 1)),
       CONCAT(ELT(1 + CRC32(CONCAT('pa', seq)) % 10, 'Website relaunch', 'Support',
                  'Mobile app', 'Data migration', 'SEO', 'Intranet', 'Shop <beta>',
                  'Consulting', 'API & integrations', 'Wartung'), ' ', seq),
       IF(seq % 3 = 0, CONCAT('PO-', seq), NULL), IF(seq <= 12 OR seq % 19 <> 0, 1, 0),
       CASE WHEN seq <= 12 THEN 40000 + seq * 5000 WHEN seq % 2 = 0 THEN 1000 + seq % 90 * 500
            ELSE 0 END,
       CASE WHEN seq <= 12 THEN (600 + seq * 50) * 3600 WHEN seq % 3 = 0
            THEN (20 + seq % 200) * 3600 ELSE 0 END,
       IF(seq IN (3, 7) OR (seq > 12 AND seq % 4 = 0), 'month', NULL), 1, 1,
       LPAD(seq % 100000, 5, '0'), @span_start
FROM seq_1_to_1000000 WHERE seq <= @projects;

INSERT INTO kimai2_activities (id, project_id, name, visible, billable, created_at)
SELECT seq, NULL, ELT(seq, 'Development', 'Design', 'Meeting', 'Support', 'Testing',
                      'Project management', 'Documentation', 'Travel', 'Research',
                      'Deployment', 'Review', 'Training'), 1, IF(seq = 8, 0, 1), @span_start
FROM seq_1_to_12;

-- ---- timesheets --------------------------------------------------------------------------
-- One row per record before ids are given: the local start (user's zone), duration, and
-- the hashes the other columns are cut from.
CREATE TEMPORARY TABLE bench_ts (
  k BIGINT NOT NULL, user_id INT NOT NULL, project_id INT NOT NULL, local_start DATETIME NOT NULL,
  duration INT NOT NULL, h BIGINT NOT NULL
) ENGINE = Aria;

-- The benchmark customer: 600 records in each of the 36 months, on working hours of days
-- spread over the month.
INSERT INTO bench_ts
SELECT m.seq * 1000 + r.seq,
       1 + r.seq % 8,
       IF(r.seq < 80, 1, 2 + (r.seq - 80) % 11),
       DATE_ADD(DATE_ADD(@span_start, INTERVAL m.seq MONTH),
                INTERVAL (r.seq * 28 DIV @bench_month_rows) * 86400
                         + (7 + r.seq % 8 + (r.seq DIV 8) % 3) * 3600
                         + CRC32(CONCAT('bm', m.seq, ':', r.seq)) % 4 * 900 SECOND),
       900 * (1 + CRC32(CONCAT('bd', m.seq, ':', r.seq)) % 8),
       CRC32(CONCAT('bh', m.seq, ':', r.seq))
FROM seq_0_to_35 m JOIN seq_0_to_999 r ON r.seq < @bench_month_rows;
DELETE FROM bench_ts WHERE local_start >= @now - INTERVAL 1 DAY;
SET @bench_rows = (SELECT COUNT(*) FROM bench_ts);

-- Everyone else: projects 13.. with a skewed popularity (a few busy ones, a long tail),
-- working days, 15 minutes to 8 hours.
INSERT INTO bench_ts
SELECT 100000000 + seq,
       1 + CRC32(CONCAT('u', seq)) % @users,
       13 + FLOOR((@projects - 13) * POW((CRC32(CONCAT('p', seq)) % 1000003) / 1000003, 2)),
       DATE_ADD(@span_start,
                INTERVAL CRC32(CONCAT('d', seq)) % @span_days * 86400
                         + (7 + CRC32(CONCAT('t', seq)) % 11) * 3600
                         + CRC32(CONCAT('m', seq)) % 4 * 900 SECOND),
       900 * (1 + CRC32(CONCAT('l', seq)) % 32),
       CRC32(CONCAT('h', seq))
FROM seq_1_to_10000000 WHERE seq <= @stopped - @bench_rows;
-- Weekend work is rare: most weekend records move to the Friday before.
UPDATE bench_ts SET local_start = local_start - INTERVAL (WEEKDAY(local_start) - 4) DAY
WHERE k > 100000000 AND WEEKDAY(local_start) >= 5 AND h % 10 <> 0;
UPDATE bench_ts SET local_start = @now - INTERVAL 2 DAY
WHERE k > 100000000 AND local_start >= @now - INTERVAL 1 DAY;

-- Ids in start order, as when people enter their time as they go.
INSERT INTO kimai2_timesheet (`user`, activity_id, project_id, start_time, end_time,
                              duration, description, rate, fixed_rate, hourly_rate, exported,
                              timezone, internal_rate, billable, category, modified_at,
                              date_tz, `break`)
SELECT x.user_id, 1 + x.h % 12, x.project_id, x.utc_start,
       x.utc_start + INTERVAL x.duration SECOND, x.duration,
       CASE WHEN x.h % 100 < 6 THEN NULL
            WHEN x.h % 100 < 10 THEN ''
            -- from a sentence start on, cut to a varied length
            ELSE SUBSTRING(@text, LOCATE('. ', @text, 1 + (x.h DIV 100) % 1500) + 2,
                           CASE WHEN x.h % 100 < 60 THEN 12 + (x.h DIV 7) % 50
                                WHEN x.h % 100 < 92 THEN 60 + (x.h DIV 7) % 160
                                ELSE 220 + (x.h DIV 7) % 800 END) END,
       IF(x.fixed, x.hourly, ROUND(x.hourly * x.duration / 3600, 2)),
       IF(x.fixed, x.hourly, NULL), IF(x.fixed, NULL, x.hourly),
       IF(x.utc_start < @now - INTERVAL 2 MONTH, 1, 0), x.tz,
       ROUND(x.hourly * 0.6 * x.duration / 3600, 2), IF(x.h % 13 = 0, 0, 1), 'work',
       x.utc_start + INTERVAL x.duration SECOND, DATE(x.local_start), 0
FROM (
  SELECT b.*, u.tz, CONVERT_TZ(b.local_start, u.tz, '+00:00') AS utc_start,
         b.h % 37 = 0 AS fixed,
         -- hourly rates per project, a few users above the project's rate
         40 + (b.project_id * 7) % 120 + IF(b.user_id % 5 = 0, 15, 0) AS hourly
  FROM bench_ts b JOIN bench_user u ON u.id = b.user_id
) x
ORDER BY x.utc_start, x.k;

-- Running records: the portal must never show or count them.
INSERT INTO kimai2_timesheet (`user`, activity_id, project_id, start_time, end_time,
                              duration, description, rate, hourly_rate, timezone, billable,
                              category, date_tz)
SELECT 1 + (seq - 1) % @users, 1, IF(seq % 2 = 0, 1, 13 + seq), @now - INTERVAL seq MINUTE,
       NULL, 0, 'running', 0, 80, 'Europe/Berlin', 1, 'work', DATE(@now)
FROM seq_1_to_100000 WHERE seq <= @running;

DROP TEMPORARY TABLE bench_ts;
DROP TEMPORARY TABLE bench_user;
DROP TEMPORARY TABLE bench_zone;
SET foreign_key_checks = 1, unique_checks = 1;
ANALYZE TABLE kimai2_timesheet, kimai2_projects, kimai2_customers, kimai2_users;
