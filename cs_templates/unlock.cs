<?cs # The unlock page of a password-protected share.  It must not show
     anything of the share: no customer or project name, not even in the
     title.  The form posts to the URL it was served from (action=""), so it
     works behind any proxy, over http or https. ?><?cs
if:Unlock.Busy ?><?cs set:Page.Title = Lang.error.unavailable.title ?><?cs elif:Unlock.Throttled ?><?cs set:Page.Title = Lang.error.throttled.title ?><?cs else ?><?cs set:Page.Title = Lang.unlock.title ?><?cs /if ?><?cs include:"header.cs" ?>
<section class="card unlock" aria-labelledby="unlock-title">
<h1 id="unlock-title"><?cs if:Unlock.Busy ?><?cs var:Lang.error.unavailable.title ?><?cs elif:Unlock.Throttled ?><?cs var:Lang.error.throttled.title ?><?cs else ?><?cs var:Lang.unlock.title ?><?cs /if ?></h1>
<?cs if:Unlock.Busy ?>
<p class="alert error" role="alert"><?cs var:Lang.unlock.busy ?></p>
<?cs elif:Unlock.Throttled ?>
<p class="alert error" role="alert"><?cs var:Lang.unlock.too_many ?></p>
<p><?cs var:Unlock.RetryText ?></p>
<?cs else ?>
<p><?cs var:Lang.unlock.intro ?></p>
<?cs if:Unlock.Error ?><p class="alert error" role="alert" id="unlock-error"><?cs var:Lang.unlock.wrong ?></p><?cs /if ?>
<form class="unlock-form" method="post" action="">
<label for="spt-password"><?cs var:Lang.unlock.label ?></label>
<input type="password" id="spt-password" name="spt-password" required autofocus autocomplete="current-password" maxlength="4096"<?cs if:Unlock.Error ?> aria-invalid="true" aria-describedby="unlock-error"<?cs /if ?>>
<button type="submit" class="button"><?cs var:Lang.unlock.button ?></button>
</form>
<?cs /if ?>
</section>
<?cs include:"footer.cs" ?>
