-- The Customer Portal plugin's own tables, exactly as its Doctrine migrations
-- create them on MariaDB/MySQL, so that shares made by the PHP plugin and by
-- the portal are interchangeable.  An existing table is kept as it is.
-- Index and constraint names are Doctrine's: crc32 of table and column names.
CREATE TABLE IF NOT EXISTS kimai2_customer_portals (
  id INT AUTO_INCREMENT NOT NULL,
  project_id INT DEFAULT NULL,
  customer_id INT DEFAULT NULL,
  share_key VARCHAR(20) NOT NULL,
  password VARCHAR(255) DEFAULT NULL,
  record_merge_mode VARCHAR(50) NOT NULL,
  entry_user_visible TINYINT(1) DEFAULT 0 NOT NULL,
  entry_rate_visible TINYINT(1) DEFAULT 0 NOT NULL,
  annual_chart_visible TINYINT(1) DEFAULT 0 NOT NULL,
  monthly_chart_visible TINYINT(1) DEFAULT 0 NOT NULL,
  budget_stats_visible TINYINT(1) DEFAULT 0 NOT NULL,
  time_budget_stats_visible TINYINT(1) DEFAULT 0 NOT NULL,
  UNIQUE INDEX UNIQ_7747AE6BF06F2E59 (share_key),
  INDEX IDX_7747AE6B166D1F9C (project_id),
  INDEX IDX_7747AE6B9395C3F3 (customer_id),
  PRIMARY KEY(id),
  CONSTRAINT FK_7747AE6B166D1F9C FOREIGN KEY (project_id)
    REFERENCES kimai2_projects (id) ON DELETE CASCADE,
  CONSTRAINT FK_7747AE6B9395C3F3 FOREIGN KEY (customer_id)
    REFERENCES kimai2_customers (id) ON DELETE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE `utf8mb4_unicode_ci` ENGINE = InnoDB;

-- Doctrine's migration bookkeeping for the plugin (Kimai's plugin installer
-- reads it); portal-install records the plugin's migrations here.
CREATE TABLE IF NOT EXISTS bundle_migration_customer_portal (
  version VARCHAR(191) NOT NULL,
  executed_at DATETIME DEFAULT NULL,
  execution_time INT DEFAULT NULL,
  PRIMARY KEY(version)
) DEFAULT CHARACTER SET utf8mb4 COLLATE `utf8mb4_unicode_ci` ENGINE = InnoDB;
