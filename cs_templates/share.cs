<?cs set:Page.Title = Share.Name ?><?cs include:"header.cs" ?>
<section class="card">
<h1><?cs var:Share.Name ?></h1>
<?cs if:Share.Type == "project" ?><p class="muted"><?cs var:Share.Customer ?></p><?cs /if ?>
</section>
<?cs include:"footer.cs" ?>
