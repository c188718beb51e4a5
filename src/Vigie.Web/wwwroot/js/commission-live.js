// "En séance" (commission): saves a block of the page by itself when one of its fields changed,
// on leaving the field or after a short pause, and shows "Enregistré à HH:mm" or the error beside
// the field. The page works without this script: each block has its own submit button.
(function () {
  'use strict';

  var pauseMs = 1500;

  function setup(form) {
    var status = form.querySelector('[data-autosave-status]');
    var timer = null;
    var dirty = false;
    var saving = false;
    var again = false;
    // After a conflict (someone else saved the item), nothing is saved by itself any more: the
    // block's button replaces the other version, on purpose.
    var paused = false;

    function clearErrors() {
      form.querySelectorAll('.field-error').forEach(function (span) { span.textContent = ''; });
      form.querySelectorAll('[aria-invalid]').forEach(function (field) {
        field.removeAttribute('aria-invalid');
        field.classList.remove('input-validation-error');
      });
    }

    function showErrors(errors) {
      Object.keys(errors).forEach(function (key) {
        var span = document.getElementById(key + '-error');
        if (span && form.contains(span)) {
          span.textContent = errors[key];
          var field = document.getElementById(key);
          if (field) {
            field.setAttribute('aria-invalid', 'true');
            field.setAttribute('aria-describedby', key + '-error');
            field.classList.add('input-validation-error');
          }
        } else if (status) {
          status.textContent = errors[key];
        }
      });
    }

    function save() {
      timer = null;
      if (!dirty || paused) { return; }
      if (saving) { again = true; return; }
      dirty = false;
      saving = true;
      if (status) { status.textContent = 'Enregistrement…'; }
      fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        credentials: 'same-origin',
        headers: { 'X-Vigie-Autosave': '1', 'Accept': 'application/json' }
      }).then(function (response) {
        return response.json();
      }).then(function (body) {
        var version = form.querySelector('[data-autosave-version]');
        if (version && body.version !== null && body.version !== undefined) { version.value = body.version; }
        clearErrors();
        if (body.ok) {
          if (status) { status.textContent = 'Enregistré à ' + body.savedAt; }
        } else {
          if (status) { status.textContent = 'Non enregistré : voir le message.'; }
          showErrors(body.errors || {});
          paused = Object.keys(body.errors || {}).some(function (key) { return key.indexOf('item-') === 0; });
        }
      }).catch(function () {
        dirty = true;
        if (status) { status.textContent = 'Enregistrement automatique impossible : utilisez le bouton du bloc.'; }
      }).then(function () {
        saving = false;
        if (again) { again = false; save(); }
      });
    }

    form.addEventListener('input', function () {
      dirty = true;
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(save, pauseMs);
    });
    form.addEventListener('change', function () {
      dirty = true;
      if (timer) { clearTimeout(timer); }
      save();
    });
    form.addEventListener('focusout', function () {
      if (dirty) {
        if (timer) { clearTimeout(timer); }
        save();
      }
    });
  }

  document.querySelectorAll('form[data-autosave]').forEach(setup);
})();
