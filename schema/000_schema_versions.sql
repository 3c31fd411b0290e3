-- Which of the portal's schema files have been applied (portal-install).
-- One row per file: version = the file's number, name = its file name.
CREATE TABLE IF NOT EXISTS kimai2_customer_portals_schema (
  version INT NOT NULL,
  name VARCHAR(100) NOT NULL,
  applied_at DATETIME NOT NULL,
  PRIMARY KEY(version)
) DEFAULT CHARACTER SET utf8mb4 COLLATE `utf8mb4_unicode_ci` ENGINE = InnoDB;
