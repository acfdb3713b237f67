// Progressive enhancement for the subscribe form (the form works without this file):
// time-zone detection and the proof-of-work challenge (the live preview: topic-preview.js).
(() => {
  'use strict';
  var form = document.getElementById('subscribe-form');
  if (!form) return;
  var tz = document.getElementById('timezone');
  var proof = document.getElementById('proof');
  var status = document.getElementById('form-status');
  // After a failed submit, start at the list of errors (each links to its field).
  var summary = document.getElementById('form-errors');
  if (summary) summary.focus();

  // 1. Time zone: the browser knows it; keep the reader's choice if they already made one.
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz && tz.value === 'UTC' && zone && tz.querySelector(`option[value="${zone.replace(/"/g, '')}"]`))
      tz.value = zone;
  } catch (_e) {
    /* keep UTC */
  }

  // 2. The live preview and the guidance on topics: topic-preview.js (shared with the preferences page).

  // 3. Proof of work: find n with SHA-256(salt + n) = challenge (sha256.js). Started at page load
  //    so it is usually done before the reader presses Subscribe; chunks keep the page responsive.
  if (form.dataset.challenge !== 'on' || typeof window.paperboySha256 !== 'function') return;
  function solve(c) {
    return new Promise((resolve, reject) => {
      var n = 0;
      (function chunk() {
        for (let end = Math.min(n + 5000, c.maxnumber + 1); n < end; n++) {
          if (window.paperboySha256(c.salt + n) === c.challenge) {
            return resolve(
              btoa(JSON.stringify({ challenge: c.challenge, salt: c.salt, number: n, signature: c.signature })),
            );
          }
        }
        if (n > c.maxnumber) return reject(new Error('no solution'));
        setTimeout(chunk, 0);
      })();
    });
  }
  var solved = fetch('/subscribe/challenge', { headers: { Accept: 'application/json' } })
    .then((r) => r.json())
    .then(solve)
    .then((value) => {
      proof.value = value;
      return value;
    })
    .catch(() => '');
  form.addEventListener('submit', (e) => {
    if (proof.value) return;
    e.preventDefault();
    status.textContent = 'One moment: a quick anti-spam check runs in your browser…';
    solved.then(() => {
      form.submit();
    });
  });
})();
