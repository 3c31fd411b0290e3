/* Copy buttons of the admin pages.  The buttons are rendered hidden and
 * shown only here, so without JavaScript the page simply offers the URL
 * in a read-only field to select by hand.  The only script of the portal. */
(function () {
	'use strict';

	function flash(btn) {
		var label = btn.textContent;
		btn.textContent = btn.getAttribute('data-copied-text') || label;
		btn.setAttribute('data-copied', '');
		window.setTimeout(function () {
			btn.textContent = label;
			btn.removeAttribute('data-copied');
		}, 1500);
	}

	/* Older browsers and plain http (no secure context): select and copy. */
	function fallback(input, btn) {
		input.focus();
		input.select();
		try {
			if (document.execCommand('copy')) {
				flash(btn);
			}
		} catch (e) {
			/* the text stays selected for a manual copy */
		}
	}

	var buttons = document.querySelectorAll('button[data-copy]');
	Array.prototype.forEach.call(buttons, function (btn) {
		var input = document.getElementById(btn.getAttribute('data-copy'));
		if (!input) {
			return;
		}
		btn.hidden = false;
		btn.addEventListener('click', function () {
			if (navigator.clipboard && window.isSecureContext) {
				navigator.clipboard.writeText(input.value).then(function () {
					flash(btn);
				}, function () {
					fallback(input, btn);
				});
			} else {
				fallback(input, btn);
			}
		});
	});
}());
