// The public pages' only script, served as a file (/forms/assets/forms.js): the pages work without it (fields,
// verification and attestation are plain forms); it adds household rows and document uploads. No inline script,
// no eval, nothing from elsewhere, under the pages' Content-Security-Policy.
export const PUBLIC_FORMS_SCRIPT = `(function () {
  'use strict';
  document.documentElement.classList.add('scripted');
  document.querySelectorAll('[data-needs-script]').forEach(function (element) { element.hidden = true; });
  document.querySelectorAll('[data-script-only]').forEach(function (element) { element.hidden = false; });

  document.querySelectorAll('[data-add-member]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var group = document.getElementById(button.getAttribute('data-add-member'));
      var next = group && group.querySelector('.member[hidden]');
      if (next) { next.hidden = false; var first = next.querySelector('input,select'); if (first) first.focus(); }
      if (!group || !group.querySelector('.member[hidden]')) button.hidden = true;
    });
  });

  document.querySelectorAll('form[data-upload]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var input = form.querySelector('input[type=file]');
      var expiry = form.querySelector('input[type=date]');
      var status = form.querySelector('[data-upload-status]');
      var file = input && input.files && input.files[0];
      if (!file) { status.textContent = form.getAttribute('data-choose'); return; }
      if (file.size > 5 * 1024 * 1024) { status.textContent = form.getAttribute('data-too-large'); return; }
      var url = form.getAttribute('action') + (expiry && expiry.value ? (form.getAttribute('action').indexOf('?') < 0 ? '?' : '&') + 'expiresOn=' + encodeURIComponent(expiry.value) : '');
      status.textContent = form.getAttribute('data-sending');
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) }, body: file, credentials: 'same-origin' })
        .then(function (response) {
          if (response.ok) { window.location.reload(); return; }
          return response.json().then(function (body) {
            var field = body && body.fields && body.fields[0];
            status.textContent = form.getAttribute('data-failed') + (field ? ' (' + field.field + ')' : '');
          });
        })
        .catch(function () { status.textContent = form.getAttribute('data-failed'); });
    });
  });
})();
`;
