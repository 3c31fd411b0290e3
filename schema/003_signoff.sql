-- Client sign-off (docs/signoff.md): a client confirms the hours of a month
-- on the share page.  Both tables belong to the portal; the plugin's table
-- never gets extra columns.  A sign-off lives as long as its share
-- (ON DELETE CASCADE) and is never deleted otherwise: a withdrawn one is
-- kept with who withdrew it and when.  All times are UTC.

-- Shares with the option "client sign-off": one row each (none: off).
CREATE TABLE IF NOT EXISTS kimai2_customer_portals_signoff_shares (
  share_id INT NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY(share_id),
  CONSTRAINT FK_PORTAL_SIGNOFF_SHARES_SHARE FOREIGN KEY (share_id)
    REFERENCES kimai2_customer_portals (id) ON DELETE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE `utf8mb4_unicode_ci` ENGINE = InnoDB;

-- One row per confirmation.  `client_net` is the client's address cut to
-- its network (IPv4 /24, IPv6 /48); `fingerprint` is SHA-256 (hex) over the
-- canonical encoding of the records shown (signoff.c); the totals are those
-- of the same records.
CREATE TABLE IF NOT EXISTS kimai2_customer_portals_signoffs (
  id INT AUTO_INCREMENT NOT NULL,
  share_id INT NOT NULL,
  year SMALLINT NOT NULL,
  month TINYINT NOT NULL,
  signer_name VARCHAR(100) NOT NULL,
  comment VARCHAR(1000) NOT NULL DEFAULT '',
  signed_at DATETIME NOT NULL,
  client_net VARCHAR(64) NOT NULL,
  total_duration BIGINT NOT NULL,
  total_money DOUBLE PRECISION NOT NULL,
  currency VARCHAR(3) DEFAULT NULL,
  record_count INT NOT NULL,
  fingerprint CHAR(64) CHARACTER SET ascii NOT NULL,
  withdrawn_at DATETIME DEFAULT NULL,
  withdrawn_by VARCHAR(180) DEFAULT NULL,
  PRIMARY KEY(id),
  INDEX IDX_PORTAL_SIGNOFFS_MONTH (share_id, year, month, id),
  INDEX IDX_PORTAL_SIGNOFFS_TIME (share_id, signed_at),
  CONSTRAINT FK_PORTAL_SIGNOFFS_SHARE FOREIGN KEY (share_id)
    REFERENCES kimai2_customer_portals (id) ON DELETE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE `utf8mb4_unicode_ci` ENGINE = InnoDB;
