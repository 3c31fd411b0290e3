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
<div class="form-actions">
<button type="submit" class="btn btn-primary"><?cs var:Lang.admin.save ?></button>
<a class="btn btn-ghost" href="<?cs var:Admin.ListUrl ?>"><?cs var:Lang.admin.cancel ?></a>
<?cs if:Form.Editing ?><a class="btn btn-danger" href="<?cs var:Form.DeleteUrl ?>"><?cs var:Lang.admin.delete ?></a><?cs /if ?>
</div>
</form>
</div>
</section>
<?cs include:"footer.cs" ?>
