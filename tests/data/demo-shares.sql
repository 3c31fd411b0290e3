-- Demo shares for tests/data/demo-data.sql, loaded after portal-install created
-- kimai2_customer_portals.  Written the way the PHP plugin writes its rows, so the demo
-- also shows that plugin-made shares work unchanged.  The keys are fixed so the demo's
-- URLs can be written down; real keys are random (the admin pages make them).

INSERT INTO kimai2_customer_portals
  (project_id, customer_id, share_key, password, record_merge_mode,
   entry_user_visible, entry_rate_visible, annual_chart_visible, monthly_chart_visible,
   budget_stats_visible, time_budget_stats_visible)
VALUES
  -- A project share with everything on: the project has an all-time money and time budget.
  (1, NULL, 'DemoProjectShare0001', NULL, 'NONE', 1, 1, 1, 1, 1, 1),
  -- A customer share with charts and statistics: the customer has a monthly budget.
  (NULL, 2, 'DemoCustomerShare001', NULL, 'NONE', 1, 1, 1, 1, 1, 1),
  -- Records merged per day and user, descriptions joined.
  (2, NULL, 'DemoMergedShare00001', NULL, 'MERGE', 1, 0, 1, 0, 0, 0),
  -- Password "demo" (bcrypt, cost 13, as the PHP plugin stores it).
  (NULL, 1, 'DemoPasswordShare001',
   '$2y$13$5.P5CU9kuk5WDTFdxSx9kOAbchIHWDEkgphL9L/QQbOReDHamFOVe', 'MERGE_USE_LAST_OF_DAY',
   1, 1, 1, 1, 1, 0),
  -- Yen, Japanese names, first description of the day.
  (NULL, 3, 'DemoTokyoShare000001', NULL, 'MERGE_USE_FIRST_OF_DAY', 0, 1, 1, 1, 0, 0);
