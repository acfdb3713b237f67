// The manage page: the weekly delivery day shows only while "Weekly" is picked. Without
// JavaScript the server shows it to weekly readers only, and a reader switching to weekly
// gets it after saving (their stored day, Monday unless changed, applies meanwhile).
(() => {
  // After a failed save, start at the list of errors (each links to its field).
  var summary = document.getElementById('form-errors');
  if (summary) summary.focus();
  var weeklyOnly = document.querySelectorAll('[data-weekly-only]');
  var radios = document.querySelectorAll('input[name="frequency"]');
  function sync() {
    var weekly = document.querySelector('input[name="frequency"][value="weekly"]');
    for (let i = 0; i < weeklyOnly.length; i++) weeklyOnly[i].hidden = !(weekly && weekly.checked);
  }
  for (let i = 0; i < radios.length; i++) radios[i].addEventListener('change', sync);
})();
