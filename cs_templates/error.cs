<?cs set:Page.Title = Error.Title ?><?cs include:"header.cs" ?>
<section class="card error" aria-labelledby="error-title">
<h1 id="error-title"><?cs var:Error.Title ?></h1>
<p><?cs var:Error.Text ?></p>
<?cs if:Error.LoginUrl ?><p><a class="button" href="<?cs var:Error.LoginUrl ?>"><?cs var:Lang.error.login ?></a></p><?cs /if ?>
<p class="muted">HTTP <?cs var:Error.Status ?></p>
</section>
<?cs include:"footer.cs" ?>
