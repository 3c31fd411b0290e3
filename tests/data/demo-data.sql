-- Demo data for an empty Kimai database (tests/data/kimai-schema.sql loaded first).
--
-- Users with display names, customers in several currencies and time zones, projects,
-- activities and about three months of timesheets up to today, with rates and
-- descriptions.  Used by scripts/demo, by tests and by the benchmark.  It is generated
-- relative to today but deterministic otherwise (no RAND(): a hash of the day, the user
-- and the slot decides), so two loads on the same day give the same rows.
--
-- Needs MariaDB's time zone tables (mariadb-tzinfo-to-sql /usr/share/zoneinfo | mariadb
-- mysql): start_time/end_time are stored in UTC like Kimai does, converted from each
-- user's local working hours with CONVERT_TZ.  Without the tables CONVERT_TZ yields NULL
-- and the timesheet insert fails on its NOT NULL column instead of loading wrong times.
--
-- What is special, so tests can rely on it:
--  * customer 2 (Globex, USD, America/New_York) has a monthly money and time budget;
--  * project 1 (Website Relaunch, Acme, EUR) has an all-time money and time budget;
--  * project 3 is hidden (visible = 0), customer 5 is hidden;
--  * customer 4 and project 7 carry HTML-special characters in their names;
--  * user 4 has no alias (Kimai then shows the username);
--  * some records are not billable, some have a fixed rate, one is still running
--    (end_time NULL) and must never be shown or counted.

SET NAMES utf8mb4;
SET time_zone = '+00:00';

-- bcrypt of "changeme", as in the Kimai dumps (nobody logs in to the demo's Kimai).
SET @pw = '$2y$13$Kimai.Portal.Test.SalefJC/zpDK8kSvT2WK6kiATUURzefUw2e';

INSERT INTO kimai2_users (id, username, email, password, alias, enabled, registration_date,
                          roles, totp_enabled, system_account) VALUES
  (1, 'admin',  'admin@example.com',  @pw, 'Anna Admin',  1, NOW(), 'a:1:{i:0;s:16:"ROLE_SUPER_ADMIN";}', 0, 0),
  (2, 'jdoe',   'jdoe@example.com',   @pw, 'John Doe',    1, NOW(), 'a:0:{}', 0, 0),
  (3, 'msmith', 'msmith@example.com', @pw, 'María Smith', 1, NOW(), 'a:0:{}', 0, 0),
  (4, 'kwang',  'kwang@example.com',  @pw, NULL,          1, NOW(), 'a:1:{i:0;s:12:"ROLE_TEAMLEAD";}', 0, 0);

INSERT INTO kimai2_user_preferences (user_id, name, value) VALUES
  (1, 'timezone', 'Europe/Berlin'),    (1, 'language', 'en'), (1, 'locale', 'en'),
  (2, 'timezone', 'Europe/Berlin'),    (2, 'language', 'de'), (2, 'locale', 'de'),
  (3, 'timezone', 'America/New_York'), (3, 'language', 'en'), (3, 'locale', 'en'),
  (4, 'timezone', 'Asia/Tokyo'),       (4, 'language', 'ja'), (4, 'locale', 'ja');

INSERT INTO kimai2_customers (id, name, number, visible, country, currency, timezone,
                              budget, time_budget, budget_type, billable, created_at) VALUES
  (1, 'Acme Corporation',        'C-0001', 1, 'DE', 'EUR', 'Europe/Berlin',     0,     0,      NULL,    1, NOW()),
  (2, 'Globex Inc.',             'C-0002', 1, 'US', 'USD', 'America/New_York',  15000, 360000, 'month', 1, NOW()),
  (3, 'Tanaka Kōgyō 株式会社',   'C-0003', 1, 'JP', 'JPY', 'Asia/Tokyo',        0,     0,      NULL,    1, NOW()),
  (4, 'Wayne & Sons <Ltd>',      'C-0004', 1, 'GB', 'GBP', 'Europe/London',     0,     0,      NULL,    1, NOW()),
  (5, 'Hidden Holding AG',       'C-0005', 0, 'CH', 'CHF', 'Europe/Zurich',     0,     0,      NULL,    1, NOW());

INSERT INTO kimai2_projects (id, customer_id, name, order_number, visible, budget, time_budget,
                             budget_type, billable, global_activities, created_at) VALUES
  (1, 1, 'Website Relaunch',         'PO-2024-17', 1, 40000, 1440000, NULL, 1, 1, NOW()),
  (2, 1, 'Support & Maintenance',    NULL,         1, 0,     0,       NULL, 1, 1, NOW()),
  (3, 1, 'Old Intranet',             NULL,         0, 0,     0,       NULL, 1, 1, NOW()),
  (4, 2, 'Mobile App',               'GX-881',     1, 0,     0,       NULL, 1, 1, NOW()),
  (5, 2, 'Data Migration',           NULL,         1, 0,     0,       NULL, 1, 1, NOW()),
  (6, 3, '翻訳プロジェクト',          NULL,         1, 0,     0,       NULL, 1, 1, NOW()),
  (7, 4, 'Consulting "Q3" <Phase 2>', NULL,        1, 0,     0,       NULL, 1, 1, NOW()),
  (8, 5, 'Secret Project',           NULL,         1, 0,     0,       NULL, 1, 1, NOW());

INSERT INTO kimai2_activities (id, project_id, name, visible, billable, created_at) VALUES
  (1, NULL, 'Development', 1, 1, NOW()),
  (2, NULL, 'Meetings',    1, 1, NOW()),
  (3, NULL, 'Design',      1, 1, NOW()),
  (4, NULL, 'Support',     1, 1, NOW()),
  (5, 1,    'Travel',      1, 0, NOW());

-- Who works on what, at which hourly rate (in the project's customer currency), in which
-- time zone.  `weight` of 0..9 sets how often the pair shows up.
CREATE TEMPORARY TABLE demo_work (
  user_id INT, project_id INT, rate DOUBLE, tz VARCHAR(64), weight INT
);
INSERT INTO demo_work VALUES
  (2, 1, 95,    'Europe/Berlin',    9),
  (2, 2, 80,    'Europe/Berlin',    5),
  (3, 1, 110,   'America/New_York', 6),
  (3, 4, 120,   'America/New_York', 8),
  (3, 5, 120,   'America/New_York', 4),
  (4, 6, 15000, 'Asia/Tokyo',       7),
  (4, 4, 130,   'Asia/Tokyo',       3),
  (1, 7, 150,   'Europe/Berlin',    3),
  (1, 3, 90,    'Europe/Berlin',    2),
  (1, 8, 200,   'Europe/Berlin',    2);

-- One row per (day, pair, slot) that the hash picks; weekdays only, 1-3 slots a day,
-- local start between 08:00 and 16:45, 15 minutes to 3 hours.
CREATE TEMPORARY TABLE demo_rows AS
WITH RECURSIVE days(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM days WHERE n < 92),
slots(s) AS (SELECT 0 UNION ALL SELECT s + 1 FROM slots WHERE s < 2)
SELECT w.user_id, w.project_id, w.rate, w.tz, s.s AS slot,
       CURDATE() - INTERVAL d.n DAY AS day,
       CRC32(CONCAT_WS('/', d.n, w.user_id, w.project_id, s.s)) AS h
FROM days d CROSS JOIN demo_work w CROSS JOIN slots s
WHERE WEEKDAY(CURDATE() - INTERVAL d.n DAY) < 5
  AND MOD(CRC32(CONCAT_WS('/', d.n, w.user_id, w.project_id, s.s)), 30) < w.weight;

CREATE TEMPORARY TABLE demo_times AS
SELECT r.*,
       r.day + INTERVAL (8 * 60 + s.slot_offset + MOD(r.h, 8) * 15) MINUTE AS local_start,
       (1 + MOD(r.h DIV 8, 12)) * 900 AS duration
FROM demo_rows r
JOIN (SELECT 0 AS slot, 0 AS slot_offset UNION ALL SELECT 1, 180 UNION ALL SELECT 2, 360) s
  ON s.slot = r.slot;

INSERT INTO kimai2_timesheet (`user`, activity_id, project_id, start_time, end_time, duration,
                              description, rate, fixed_rate, hourly_rate, exported, timezone,
                              internal_rate, billable, category, modified_at, date_tz, `break`)
SELECT t.user_id,
       CASE WHEN t.project_id = 1 AND MOD(t.h DIV 7, 23) = 0 THEN 5
            ELSE 1 + MOD(t.h DIV 3, 4) END,
       t.project_id,
       CONVERT_TZ(t.local_start, t.tz, '+00:00'),
       CONVERT_TZ(t.local_start, t.tz, '+00:00') + INTERVAL t.duration SECOND,
       t.duration,
       ELT(1 + MOD(t.h DIV 11, 12),
           'Implemented the login form',
           'Code review\nand follow-up fixes',
           'Weekly status meeting',
           NULL,
           'Fixed <script> escaping & "quotes" in the export',
           'Database tuning',
           '',
           'Workshop with the client',
           'Deployment to staging',
           'Écrit la documentation — naïve café',
           'Bug #1234: timeout on upload',
           'Planning the next sprint'),
       CASE WHEN MOD(t.h DIV 5, 17) = 0 THEN 250
            ELSE ROUND(t.rate * t.duration / 3600, 2) END,
       CASE WHEN MOD(t.h DIV 5, 17) = 0 THEN 250 ELSE NULL END,
       CASE WHEN MOD(t.h DIV 5, 17) = 0 THEN NULL ELSE t.rate END,
       IF(t.day < CURDATE() - INTERVAL 40 DAY, 1, 0),
       t.tz,
       ROUND(t.rate * 0.6 * t.duration / 3600, 2),
       IF(MOD(t.h DIV 13, 9) = 0, 0, 1),
       'work',
       NOW(),
       t.day,
       0
FROM demo_times t
-- Up to now, not into the future.  (The IS NULL keeps rows without time zone tables, so
-- that the insert fails loudly instead of silently loading nothing.)
WHERE CONVERT_TZ(t.local_start, t.tz, '+00:00') + INTERVAL t.duration SECOND <= UTC_TIMESTAMP()
   OR CONVERT_TZ(t.local_start, t.tz, '+00:00') IS NULL
ORDER BY t.local_start, t.user_id, t.project_id;

-- A record still running: never shown on a share, never counted.
INSERT INTO kimai2_timesheet (`user`, activity_id, project_id, start_time, end_time, duration,
                              description, rate, hourly_rate, exported, timezone, billable,
                              category, modified_at, date_tz)
VALUES (2, 1, 1, UTC_TIMESTAMP() - INTERVAL 30 MINUTE, NULL, 0, 'Running right now', 0, 95, 0,
        'Europe/Berlin', 1, 'work', NOW(),
        DATE(CONVERT_TZ(UTC_TIMESTAMP() - INTERVAL 30 MINUTE, '+00:00', 'Europe/Berlin')));

DROP TEMPORARY TABLE demo_times;
DROP TEMPORARY TABLE demo_rows;
DROP TEMPORARY TABLE demo_work;
