<?cs # Budget statistics of a share page (docs/design.md, "Share pages"; data: Stats.* and
  <row>.Budget / <row>.TimeBudget from share_stats.c, see share_stats.h).
  Including this file only defines macros:
    call:budget_stats()   the statistics card (nothing when Stats.Visible
                          is unset: flags off, or no budget at all)
    call:budget_bars(p)   compact budget bars of one project row p
  Every value is escaped.  Bars are <meter> elements coloured by the
  stylesheet (the CSP forbids inline style widths).  low/high sit 0.05
  below the warning (80 %) and over (100 %) thresholds: percentages carry
  one decimal, so the meter's colour region always matches b.Level. ?><?cs

def:budget_meter(b, label) ?><meter class="budget <?cs var:b.Level ?>" min="0" max="100" low="79.95" high="99.95" optimum="0" value="<?cs var:b.Meter ?>" aria-label="<?cs var:label ?>: <?cs var:b.Percent ?>"><?cs var:b.Percent ?></meter><?cs /def ?><?cs

def:budget_stat(b, kind, label, monthly_label) ?><div class="stat budget-stat <?cs var:b.Level ?>" data-budget="<?cs var:kind ?>" data-level="<?cs var:b.Level ?>" data-percent="<?cs var:b.Meter ?>" data-monthly="<?cs var:b.Monthly ?>">
<p class="stat-label"><?cs if:b.Monthly == "1" ?><?cs var:monthly_label ?><?cs else ?><?cs var:label ?><?cs /if ?></p>
<p class="stat-value"><span class="spent"><?cs var:b.Spent ?></span> <small>/ <span class="total"><?cs var:b.Total ?></span></small></p>
<?cs call:budget_meter(b, label) ?>
<ul class="stat-meta">
<li class="used"<?cs if:b.Monthly == "1" ?> data-period="<?cs var:b.Period ?>"<?cs /if ?>><?cs var:b.UsedBefore ?><span class="percent"><?cs var:b.Percent ?></span><?cs var:b.UsedAfter ?></li>
<?cs if:b.Over == "1" ?><li><?cs var:b.ExceededBefore ?><span class="exceeded"><?cs var:b.Exceeded ?></span><?cs var:b.ExceededAfter ?></li>
<?cs else ?><li><?cs var:b.LeftBefore ?><span class="left"><?cs var:b.Left ?></span><?cs var:b.LeftAfter ?></li>
<?cs /if ?></ul>
</div>
<?cs /def ?><?cs

def:budget_stats() ?><?cs if:Stats.Visible ?><section class="card budget-stats" aria-labelledby="stats-title">
<h2 id="stats-title"><?cs var:Lang.stats.title ?></h2>
<div class="stats">
<?cs if:Stats.Budget.Visible ?><?cs call:budget_stat(Stats.Budget, "money", Lang.stats.budget, Lang.stats.monthly_budget) ?><?cs /if ?>
<?cs if:Stats.TimeBudget.Visible ?><?cs call:budget_stat(Stats.TimeBudget, "time", Lang.stats.time_budget, Lang.stats.monthly_time_budget) ?><?cs /if ?>
</div>
</section>
<?cs /if ?><?cs /def ?><?cs

def:budget_row(b, kind, label, monthly_label) ?><div class="budget-row <?cs var:b.Level ?>" data-budget="<?cs var:kind ?>" data-level="<?cs var:b.Level ?>" data-percent="<?cs var:b.Meter ?>" data-monthly="<?cs var:b.Monthly ?>">
<span class="stat-label"><?cs if:b.Monthly == "1" ?><?cs var:monthly_label ?><?cs if:b.PeriodCurrent == "0" ?> <span class="period" data-period="<?cs var:b.Period ?>">(<?cs var:b.PeriodMonth ?>)</span><?cs /if ?><?cs else ?><?cs var:label ?><?cs /if ?></span>
<span class="percent"><?cs var:b.Percent ?></span>
<span class="muted"><span class="spent"><?cs var:b.Spent ?></span> / <span class="total"><?cs var:b.Total ?></span></span>
<?cs call:budget_meter(b, label) ?>
</div>
<?cs /def ?><?cs

def:budget_bars(p) ?><?cs if:p.Budget.Visible ?><?cs call:budget_row(p.Budget, "money", Lang.stats.budget, Lang.stats.monthly_budget) ?><?cs /if ?><?cs
 if:p.TimeBudget.Visible ?><?cs call:budget_row(p.TimeBudget, "time", Lang.stats.time_budget, Lang.stats.monthly_time_budget) ?><?cs /if ?><?cs /def ?>
