<?cs # Client sign-off of the shown month (docs/signoff.md, signoff_view.c).
  Every value is escaped.  Works without JavaScript: a plain form that
  posts to the sign-off URL and comes back with a 303. ?><?cs
def:signoff_sum(sum) ?><dl class="signoff-sum">
<dt><?cs var:Lang.table.duration ?></dt><dd class="duration" data-duration="<?cs var:sum.DurationSec ?>"><?cs var:sum.Duration ?></dd>
<?cs if:Signoff.ShowMoney ?><dt><?cs var:Lang.signoff.money ?></dt><dd class="money" data-money="<?cs var:sum.MoneyRaw ?>"><?cs var:sum.Money ?></dd>
<?cs /if ?><dt><?cs var:Lang.signoff.records ?></dt><dd class="count" data-count="<?cs var:sum.Count ?>"><?cs var:sum.Count ?></dd>
</dl><?cs /def ?><?cs
if:Signoff.Enabled ?><section class="card signoff" id="signoff" data-signoff-state="<?cs var:Signoff.State ?>" aria-labelledby="signoff-title">
<div class="card-header"><h2 class="card-title" id="signoff-title"><?cs var:Lang.signoff.title ?></h2></div>
<div class="card-body">
<?cs if:Signoff.Message ?><p class="alert <?cs if:Signoff.MessageError ?>alert-warning<?cs else ?>alert-success<?cs /if ?>" role="status" id="signoff-message"><?cs var:Signoff.Message ?></p>
<?cs /if ?><?cs if:Signoff.State == "confirmed" ?><p class="signoff-status" data-signed-at="<?cs var:Signoff.At ?>"><strong><?cs var:Signoff.By ?></strong></p>
<?cs call:signoff_sum(Signoff.Then) ?>
<?cs if:Signoff.Comment ?><p class="signoff-comment"><?cs var:Lang.signoff.comment ?>: <span class="desc"><?cs var:Signoff.Comment ?></span></p>
<?cs /if ?><p class="field-hint signoff-fingerprint"><?cs var:Lang.signoff.fingerprint ?>: <code><?cs var:Signoff.Fingerprint ?></code></p>
<p class="field-hint"><?cs var:Lang.signoff.kept ?></p>
<?cs elif:Signoff.State == "changed" ?><p class="alert alert-warning signoff-status" data-signed-at="<?cs var:Signoff.At ?>"><strong><?cs var:Lang.signoff.changed ?></strong> <?cs var:Signoff.By ?></p>
<div class="signoff-compare">
<div class="signoff-then"><h3><?cs var:Lang.signoff.then ?></h3><?cs call:signoff_sum(Signoff.Then) ?></div>
<div class="signoff-now"><h3><?cs var:Lang.signoff.now ?></h3><?cs call:signoff_sum(Signoff.Now) ?></div>
</div>
<?cs if:Signoff.Comment ?><p class="signoff-comment"><?cs var:Lang.signoff.comment ?>: <span class="desc"><?cs var:Signoff.Comment ?></span></p>
<?cs /if ?><?cs else ?><p class="signoff-status"><?cs var:Lang.signoff.none ?></p>
<?cs /if ?><?cs if:Signoff.Open ?><form class="signoff-form admin-form" method="post" action="<?cs var:Signoff.ActionUrl ?>">
<p><?cs if:Signoff.State == "changed" ?><?cs var:Lang.signoff.intro_again ?><?cs else ?><?cs var:Lang.signoff.intro ?><?cs /if ?></p>
<input type="hidden" name="signoff-fp" value="<?cs var:Signoff.Fp ?>">
<div class="field">
<label for="signoff-name" class="required"><?cs var:Lang.signoff.name ?></label>
<input type="text" id="signoff-name" name="signoff-name" required maxlength="100" autocomplete="name">
</div>
<div class="field">
<label for="signoff-comment"><?cs var:Lang.signoff.comment_optional ?></label>
<textarea id="signoff-comment" name="signoff-comment" maxlength="1000" rows="3"></textarea>
</div>
<p class="field-hint"><?cs var:Lang.signoff.what_it_is ?></p>
<div class="form-actions"><button type="submit" class="btn btn-primary" id="signoff-submit"><?cs var:Lang.signoff.button ?></button></div>
</form>
<?cs /if ?></div>
</section>
<?cs /if ?>
