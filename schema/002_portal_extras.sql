-- The portal's own additions.  The plugin's table never gets extra columns:
-- per-share extras (settings, views) live in tables keyed by the share id and
-- disappear with the share (ON DELETE CASCADE).  All times are UTC.

-- Per-share options the plugin does not have.
CREATE TABLE IF NOT EXISTS kimai2_customer_portals_settings (
  share_id INT NOT NULL,
  expires_at DATETIME DEFAULT NULL,     -- NULL: never; else not served from then on
  window_from DATE DEFAULT NULL,        -- first month that may be browsed (day 1)
  window_to DATE DEFAULT NULL,          -- last month that may be browsed (day 1)
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  PRIMARY KEY(share_id),
  CONSTRAINT FK_PORTAL_SETTINGS_SHARE FOREIGN KEY (share_id)
    REFERENCES kimai2_customer_portals (id) ON DELETE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE `utf8mb4_unicode_ci` ENGINE = InnoDB;

-- Failed unlock attempts, shared by every worker and host (throttle.c): at
-- most 10 failures per client bucket (an IPv4 address, or the /64 prefix of
-- an IPv6 address) within one hour.  One row per bucket and share holds a
-- fixed window; a failure is counted by one atomic
-- INSERT ... ON DUPLICATE KEY UPDATE that also starts a new window when the
-- old one is over.  Times are Unix seconds from the database's clock, so
-- hosts with skewed clocks agree.  No foreign key: rows expire by time, and
-- a failure on a share deleted meanwhile must still be counted.
CREATE TABLE IF NOT EXISTS kimai2_customer_portals_attempts (
  client_key VARCHAR(64) NOT NULL,
  share_id INT NOT NULL,
  failures INT UNSIGNED DEFAULT 0 NOT NULL,
  window_start BIGINT NOT NULL,
  PRIMARY KEY(client_key, share_id),
  INDEX IDX_PORTAL_ATTEMPTS_WINDOW (window_start)
) DEFAULT CHARACTER SET ascii COLLATE ascii_bin ENGINE = InnoDB;

-- View counter per share (for the admin list).
CREATE TABLE IF NOT EXISTS kimai2_customer_portals_views (
  share_id INT NOT NULL,
  views BIGINT UNSIGNED DEFAULT 0 NOT NULL,
  last_view DATETIME DEFAULT NULL,
  PRIMARY KEY(share_id),
  CONSTRAINT FK_PORTAL_VIEWS_SHARE FOREIGN KEY (share_id)
    REFERENCES kimai2_customer_portals (id) ON DELETE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE `utf8mb4_unicode_ci` ENGINE = InnoDB;
