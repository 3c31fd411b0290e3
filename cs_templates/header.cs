<?cs # Page.LangItems is the language menu's markup, built by lang_menu.c from
  constants and validated values: the only value written raw (uvar:) here. ?><!DOCTYPE html>
<html lang="<?cs var:Page.HtmlLang ?>"<?cs if:Page.Rtl ?> dir="rtl"<?cs /if ?>>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title><?cs var:Page.Title ?><?cs if:Page.Title ?> – <?cs /if ?><?cs if:Brand.Company ?><?cs var:Brand.Company ?><?cs else ?><?cs var:Lang.app.name ?><?cs /if ?></title>
<link rel="stylesheet" href="<?cs var:Static.portal_css ?>">
<?cs if:Static.favicon_svg ?><link rel="icon" type="image/svg+xml" href="<?cs var:Static.favicon_svg ?>">
<?cs /if ?><?cs if:Page.Script ?><script src="<?cs var:Page.Script ?>" defer></script>
<?cs /if ?></head>
<body>
<a class="skip" href="#main"><?cs var:Lang.app.skip ?></a>
<header class="topbar">
<div class="wrap topbar-inner">
<span class="brand"><?cs if:Brand.Logo ?><img class="brand-logo" src="<?cs var:Brand.Logo ?>" alt=""><?cs else ?><svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true"><rect class="mark-bg" width="32" height="32" rx="7"/><circle class="mark-fg" cx="16" cy="16" r="9"/><path class="mark-fg" d="M16 11v5l3.5 2.5"/></svg><?cs /if ?><span><?cs if:Brand.Company ?><?cs var:Brand.Company ?><?cs else ?><?cs var:Lang.app.name ?><?cs /if ?></span></span>
<?cs if:Page.LangMenu ?><nav class="lang-menu" aria-label="<?cs var:Lang.app.language ?>">
<details>
<summary><svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"><circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"/></svg><span class="visually-hidden"><?cs var:Lang.app.language ?>: </span><span><?cs var:Page.LangName ?></span></summary>
<ul>
<?cs uvar:Page.LangItems ?></ul>
</details>
</nav>
<?cs /if ?></div>
</header>
<main id="main" class="wrap" tabindex="-1">
