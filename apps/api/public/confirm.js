// One click from the email: a person's browser sends the confirmation by itself. A link
// scanner that only fetches the page never POSTs, so it cannot consent for the reader; a
// page opened in the background (prerendered, hidden tab) waits until someone looks at it.
// Without JavaScript the button does the same.
(function () {
  var form = document.querySelector('form[data-auto-confirm]');
  if (!form) return;
  var sent = false;
  function send() {
    if (sent || document.visibilityState !== 'visible') return;
    sent = true;
    var status = document.getElementById('confirm-status');
    if (status) status.textContent = 'Confirming…';
    form.submit();
  }
  form.addEventListener('submit', function () {
    sent = true;
  });
  document.addEventListener('visibilitychange', send);
  send();
})();
