-- What the share table shows beyond the plugin's flags (docs/design.md,
-- "Share pages"): the activity of each record and its visible Kimai tags.
-- A table of the portal's own, like the other per-share settings; one row
-- per share (none: both off), gone with the share (ON DELETE CASCADE).
CREATE TABLE IF NOT EXISTS kimai2_customer_portals_display (
  share_id INT NOT NULL,
  show_activity TINYINT(1) DEFAULT 0 NOT NULL,
  show_tags TINYINT(1) DEFAULT 0 NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  PRIMARY KEY(share_id),
  CONSTRAINT FK_PORTAL_DISPLAY_SHARE FOREIGN KEY (share_id)
    REFERENCES kimai2_customer_portals (id) ON DELETE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE `utf8mb4_unicode_ci` ENGINE = InnoDB;
