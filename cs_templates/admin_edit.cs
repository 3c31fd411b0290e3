<?cs # Admin: create or edit a share.  The form posts to the URL it came from
     (action="" keeps ?type=…), with the CSRF token of the Kimai session. ?><?cs
set:Page.Script = Static.admin_js ?><?cs
include:"header.cs" ?>
<div class="page-header">
<div>
<a class="back-link" href="<?cs var:Admin.ListUrl ?>"><?cs var:Lang.admin.list_title ?></a>
<h1 class="page-title" id="form-title"><?cs var:Page.Title ?></h1>
<p class="page-subtitle"><?cs if:Form.Editing ?><?cs if:Form.Type == "customer" ?><?cs var:Lang.admin.type_customer ?><?cs else ?><?cs var:Lang.admin.type_project ?><?cs /if ?>: <?cs var:Form.EntityName ?><?cs elif:Form.Type == "customer" ?><?cs var:Lang.admin.create_customer ?><?cs else ?><?cs var:Lang.admin.create_project ?><?cs /if ?></p>
</div>
</div>
<?cs if:Form.Invalid ?><div class="alert alert-danger" role="alert" id="form-error"><p><?cs var:Lang.admin.invalid ?></p></div>
<?cs /if ?><section class="card" aria-labelledby="form-title">
<div class="card-body">
<form method="post" action="" class="admin-form">
<input type="hidden" name="_token" value="<?cs var:Admin.Csrf ?>">
<?cs if:Form.Editing ?><div class="field">
<label for="share-url"><?cs var:Lang.admin.url ?></label>
<div class="copy-field">
<input type="text" readonly id="share-url" value="<?cs var:Form.Url ?>">
<button type="button" class="btn btn-sm" data-copy="share-url" data-copied-text="<?cs var:Lang.admin.copied ?>" hidden><?cs var:Lang.admin.copy ?></button>
</div>
</div>
<?cs /if ?><?cs if:Form.Type == "customer" ?><div class="field">
<label for="customer" class="required"><?cs var:Lang.admin.customer ?></label>
<select id="customer" name="customer" required<?cs if:Form.EntityError ?> aria-invalid="true" aria-describedby="customer-error"<?cs /if ?>>
<option value=""><?cs var:Lang.admin.choose ?></option>
<?cs each:c = Admin.Customers ?><option value="<?cs var:c.Id ?>"<?cs if:c.Selected ?> selected<?cs /if ?>><?cs var:c.Name ?><?cs if:c.Hidden ?> (<?cs var:Lang.admin.hidden ?>)<?cs /if ?></option>
<?cs /each ?></select>
<?cs if:Form.EntityError ?><p class="field-error" id="customer-error"><?cs var:Form.EntityError ?></p><?cs /if ?>
</div>
<?cs else ?><div class="field">
<label for="project" class="required"><?cs var:Lang.admin.project ?></label>
<select id="project" name="project" required<?cs if:Form.EntityError ?> aria-invalid="true" aria-describedby="project-error"<?cs /if ?>>
<option value=""><?cs var:Lang.admin.choose ?></option>
<?cs each:g = Admin.Groups ?><optgroup label="<?cs var:g.Name ?><?cs if:g.Hidden ?> (<?cs var:Lang.admin.hidden ?>)<?cs /if ?>">
<?cs each:p = g.Projects ?><option value="<?cs var:p.Id ?>"<?cs if:p.Selected ?> selected<?cs /if ?>><?cs var:p.Name ?><?cs if:p.Hidden ?> (<?cs var:Lang.admin.hidden ?>)<?cs /if ?></option>
<?cs /each ?></optgroup>
<?cs /each ?></select>
<?cs if:Form.EntityError ?><p class="field-error" id="project-error"><?cs var:Form.EntityError ?></p><?cs /if ?>
</div>
<?cs /if ?><div class="field">
<label for="record_merge_mode"><?cs var:Lang.admin.record_merge_mode ?></label>
<select id="record_merge_mode" name="record_merge_mode">
<?cs each:m = Admin.MergeModes ?><option value="<?cs var:m.Value ?>"<?cs if:m.Selected ?> selected<?cs /if ?>><?cs var:m.Label ?></option>
<?cs /each ?></select>
</div>
<div class="field">
<label for="password"><?cs var:Lang.admin.password ?></label>
<input type="password" id="password" name="password" maxlength="4096" autocomplete="new-password" value="<?cs var:Form.PasswordPlaceholder ?>" aria-describedby="password-hint<?cs if:Form.PasswordError ?> password-error<?cs /if ?>"<?cs if:Form.PasswordError ?> aria-invalid="true"<?cs /if ?>>
<p class="field-hint" id="password-hint"><?cs if:Form.HasPassword ?><?cs var:Lang.admin.password_keep ?> <?cs /if ?><?cs var:Lang.admin.password_hint ?></p>
<?cs if:Form.PasswordError ?><p class="field-error" id="password-error"><?cs var:Form.PasswordError ?></p><?cs /if ?>
</div>
<?cs if:Form.HasPassword ?><div class="check">
<input type="checkbox" id="remove_password" name="remove_password" value="1">
<label for="remove_password"><?cs var:Lang.admin.password_remove ?></label>
</div>
<?cs /if ?><fieldset>
<legend><?cs var:Lang.admin.access_options ?></legend>
<div class="field">
<label for="expires"><?cs var:Lang.admin.expires ?></label>
<input type="date" id="expires" name="expires" value="<?cs var:Form.Expires ?>" min="1970-01-01" max="2100-12-31" placeholder="YYYY-MM-DD" pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}" aria-describedby="expires-hint<?cs if:Form.ExpiresError ?> expires-error<?cs /if ?>"<?cs if:Form.ExpiresError ?> aria-invalid="true"<?cs /if ?>>
<p class="field-hint" id="expires-hint"><?cs var:Lang.admin.expires_hint ?></p>
<?cs if:Form.ExpiresError ?><p class="field-error" id="expires-error"><?cs var:Form.ExpiresError ?></p><?cs /if ?>
</div>
<div class="field">
<label for="window_from"><?cs var:Lang.admin.window_from ?></label>
<input type="month" id="window_from" name="window_from" value="<?cs var:Form.WindowFrom ?>" min="1970-01" max="2100-12" placeholder="YYYY-MM" pattern="[0-9]{4}-[0-9]{2}" aria-describedby="window-hint<?cs if:Form.WindowError ?> window-error<?cs /if ?>"<?cs if:Form.WindowError ?> aria-invalid="true"<?cs /if ?>>
</div>
<div class="field">
<label for="window_to"><?cs var:Lang.admin.window_to ?></label>
<input type="month" id="window_to" name="window_to" value="<?cs var:Form.WindowTo ?>" min="1970-01" max="2100-12" placeholder="YYYY-MM" pattern="[0-9]{4}-[0-9]{2}" aria-describedby="window-hint<?cs if:Form.WindowError ?> window-error<?cs /if ?>"<?cs if:Form.WindowError ?> aria-invalid="true"<?cs /if ?>>
<p class="field-hint" id="window-hint"><?cs var:Lang.admin.window_hint ?></p>
<?cs if:Form.WindowError ?><p class="field-error" id="window-error"><?cs var:Form.WindowError ?></p><?cs /if ?>
</div>
</fieldset>
<fieldset>
<legend><?cs var:Lang.admin.table_options ?></legend>
<div class="check"><input type="checkbox" id="entry_user_visible" name="entry_user_visible" value="1"<?cs if:Form.Flags.entry_user_visible ?> checked<?cs /if ?>><label for="entry_user_visible"><?cs var:Lang.admin.entry_user_visible ?></label></div>
<div class="check"><input type="checkbox" id="entry_rate_visible" name="entry_rate_visible" value="1"<?cs if:Form.Flags.entry_rate_visible ?> checked<?cs /if ?>><label for="entry_rate_visible"><?cs var:Lang.admin.entry_rate_visible ?></label></div>
<div class="check"><input type="checkbox" id="show_activity" name="show_activity" value="1"<?cs if:Form.ShowActivity ?> checked<?cs /if ?>><label for="show_activity"><?cs var:Lang.admin.show_activity ?></label></div>
<div class="check"><input type="checkbox" id="show_tags" name="show_tags" value="1"<?cs if:Form.ShowTags ?> checked<?cs /if ?> aria-describedby="show-tags-hint"><label for="show_tags"><?cs var:Lang.admin.show_tags ?></label></div>
<p class="field-hint" id="show-tags-hint"><?cs var:Lang.admin.show_tags_hint ?></p>
</fieldset>
<fieldset>
<legend><?cs var:Lang.admin.chart_options ?></legend>
<div class="check"><input type="checkbox" id="annual_chart_visible" name="annual_chart_visible" value="1"<?cs if:Form.Flags.annual_chart_visible ?> checked<?cs /if ?>><label for="annual_chart_visible"><?cs var:Lang.admin.annual_chart_visible ?></label></div>
<div class="check"><input type="checkbox" id="monthly_chart_visible" name="monthly_chart_visible" value="1"<?cs if:Form.Flags.monthly_chart_visible ?> checked<?cs /if ?>><label for="monthly_chart_visible"><?cs var:Lang.admin.monthly_chart_visible ?></label></div>
</fieldset>
<fieldset>
<legend><?cs var:Lang.admin.statistics_options ?></legend>
<div class="check"><input type="checkbox" id="budget_stats_visible" name="budget_stats_visible" value="1"<?cs if:Form.Flags.budget_stats_visible ?> checked<?cs /if ?>><label for="budget_stats_visible"><?cs var:Lang.admin.budget_stats_visible ?></label></div>
<div class="check"><input type="checkbox" id="time_budget_stats_visible" name="time_budget_stats_visible" value="1"<?cs if:Form.Flags.time_budget_stats_visible ?> checked<?cs /if ?>><label for="time_budget_stats_visible"><?cs var:Lang.admin.time_budget_stats_visible ?></label></div>
<?cs if:Form.Type == "customer" ?><p class="field-hint" id="budget-stats-note"><?cs var:Lang.admin.budget_stats_note ?></p><?cs /if ?>
</fieldset>
<fieldset>
<legend><?cs var:Lang.signoff.title ?></legend>
<div class="check"><input type="checkbox" id="sign_off" name="sign_off" value="1"<?cs if:Form.SignOff ?> checked<?cs /if ?> aria-describedby="sign-off-hint"><label for="sign_off"><?cs var:Lang.signoff.option ?></label></div>
<p class="field-hint" id="sign-off-hint"><?cs var:Lang.signoff.option_hint ?></p>
</fieldset>
<div class="form-actions">
<button type="submit" class="btn btn-primary"><?cs var:Lang.admin.save ?></button>
<a class="btn btn-ghost" href="<?cs var:Admin.ListUrl ?>"><?cs var:Lang.admin.cancel ?></a>
<?cs if:Form.Editing ?><a class="btn btn-danger" href="<?cs var:Form.DeleteUrl ?>"><?cs var:Lang.admin.delete ?></a><?cs /if ?>
</div>
</form>
</div>
</section>
<?cs if:Form.Editing ?><section class="card signoffs" id="signoffs" aria-labelledby="signoffs-title">
<div class="card-header"><h2 class="card-title" id="signoffs-title"><?cs var:Lang.signoff.admin_title ?></h2></div>
<?cs if:Admin.SignoffDone ?><div class="card-body"><p class="alert alert-success" role="status"><?cs var:Admin.SignoffDone ?></p></div>
<?cs /if ?><?cs if:Admin.SignoffCount == 0 ?><div class="card-body"><p class="empty"><?cs var:Lang.signoff.admin_empty ?></p></div>
<?cs else ?><div class="card-body flush"><div class="table-wrap" tabindex="0" role="region" aria-labelledby="signoffs-title">
<table class="table stack admin-signoffs">
<thead><tr><th scope="col"><?cs var:Lang.share.month ?></th><th scope="col"><?cs var:Lang.signoff.name ?></th><th scope="col"><?cs var:Lang.signoff.when ?></th><th scope="col"><?cs var:Lang.admin.status ?></th><th scope="col"><?cs var:Lang.signoff.confirmed_totals ?></th><th scope="col"><span class="visually-hidden"><?cs var:Lang.admin.actions ?></span></th></tr></thead>
<tbody>
<?cs each:so = Admin.Signoffs ?><tr data-signoff-id="<?cs var:so.Id ?>" data-signoff-state="<?cs var:so.State ?>" data-month="<?cs var:so.MonthIso ?>">
<th scope="row" data-label="<?cs var:Lang.share.month ?>"><?cs var:so.Month ?></th>
<td data-label="<?cs var:Lang.signoff.name ?>"><?cs var:so.Name ?><?cs if:so.Comment ?><span class="rate-parts desc"><?cs var:so.Comment ?></span><?cs /if ?></td>
<td data-label="<?cs var:Lang.signoff.when ?>"><?cs var:so.When ?><span class="rate-parts"><?cs var:Lang.signoff.network ?>: <?cs var:so.Net ?></span></td>
<td data-label="<?cs var:Lang.admin.status ?>"><span class="badge<?cs if:so.State == "confirmed" ?> badge-success<?cs elif:so.State == "changed" ?> badge-danger<?cs else ?> badge-muted<?cs /if ?>"><?cs var:so.StateLabel ?></span><?cs if:so.Withdrawn ?><span class="rate-parts"><?cs var:so.Withdrawn ?></span><?cs /if ?></td>
<td data-label="<?cs var:Lang.signoff.confirmed_totals ?>"><?cs var:so.Duration ?> · <?cs var:so.Money ?> · <?cs var:so.Count ?><?cs if:so.State == "changed" ?><span class="rate-parts"><?cs var:Lang.signoff.now ?>: <?cs var:so.NowDuration ?> · <?cs var:so.NowMoney ?> · <?cs var:so.NowCount ?></span><?cs /if ?></td>
<td class="actions-cell"><?cs if:!so.Withdrawn ?><form method="post" action="<?cs var:Admin.WithdrawUrl ?>" class="actions">
<input type="hidden" name="_token" value="<?cs var:Admin.Csrf ?>">
<input type="hidden" name="signoff_id" value="<?cs var:so.Id ?>">
<button type="submit" class="btn btn-sm btn-danger"><?cs var:Lang.signoff.withdraw ?></button>
</form><?cs /if ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div></div>
<?cs /if ?></section>
<?cs /if ?><?cs include:"footer.cs" ?>
