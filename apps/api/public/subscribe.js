// Progressive enhancement for the subscribe form (the form works without this file):
// time-zone detection, the live preview, and the proof-of-work challenge.
(function () {
  'use strict';
  var form = document.getElementById('subscribe-form');
  if (!form) return;
  var topics = document.getElementById('topics');
  var tz = document.getElementById('timezone');
  var proof = document.getElementById('proof');
  var status = document.getElementById('form-status');
  // After a failed submit, start at the list of errors (each links to its field).
  var summary = document.getElementById('form-errors');
  if (summary) summary.focus();

  // 1. Time zone: the browser knows it; keep the reader's choice if they already made one.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz && tz.value === 'UTC' && zone && tz.querySelector('option[value="' + zone.replace(/"/g, '') + '"]'))
      tz.value = zone;
  } catch (e) {
    /* keep UTC */
  }

  // 2. Live preview: "recent papers you would have got", from the papers already stored; with
  //    no topic typed, the top trending papers; after topic matches, "Also trending".
  var section = document.getElementById('preview');
  var heading = document.getElementById('preview-heading');
  var list = document.getElementById('preview-list');
  var alsoHeading = document.getElementById('also-heading');
  var alsoList = document.getElementById('also-list');
  var previewStatus = document.getElementById('preview-status');
  var timer = null;
  var lastQuery = null;
  function checked(name, fallback) {
    var box = form.querySelector('input[name="' + name + '"]:checked');
    return box ? box.value : fallback;
  }
  function currentTopics() {
    var chosen = (topics.value || '')
      .split(/[,\n\r]+/)
      .map(function (t) {
        return t.trim();
      })
      .filter(Boolean);
    form.querySelectorAll('input[name="topics"]:checked').forEach(function (box) {
      chosen.push(box.value);
    });
    return chosen;
  }
  function fill(target, papers, quiet) {
    target.textContent = '';
    // As in the digest: a heading per topic when there are several, then "Nothing new on X".
    var sections = papers
      .map(function (p) {
        return p.section;
      })
      .filter(function (s, i, all) {
        return s && all.indexOf(s) === i;
      });
    var headings = sections.length > 1 || (quiet && quiet.length > 0 && sections.length > 0);
    var last = null;
    var number = 0;
    papers.forEach(function (p) {
      if (headings && p.section && p.section !== last) {
        var h = document.createElement('li');
        h.className = 'preview-section';
        h.textContent = p.section;
        target.appendChild(h);
        last = p.section;
      }
      var li = document.createElement('li');
      // Numbered 1, 2, 3 across sections: a heading is an <li> too and would take a number.
      li.value = ++number;
      var title = document.createElement(p.url ? 'a' : 'span');
      title.textContent = p.title;
      if (p.url) {
        title.href = p.url;
        title.rel = 'noopener noreferrer';
        title.target = '_blank';
      }
      var meta = document.createElement('div');
      meta.className = 'hint';
      meta.textContent = [p.authors.join(', '), p.reason].filter(Boolean).join(' · ');
      li.appendChild(title);
      li.appendChild(meta);
      target.appendChild(li);
    });
    (quiet || []).forEach(function (topic) {
      var q = document.createElement('li');
      q.className = 'hint preview-quiet';
      q.textContent = 'Nothing recent on ' + topic + '.';
      target.appendChild(q);
    });
  }
  function show(papers, message, title, also, quiet) {
    heading.textContent = title || 'Recent papers you would have got';
    previewStatus.textContent = message;
    fill(list, papers, papers.length ? quiet : []);
    fill(alsoList, also || []);
    alsoHeading.hidden = !(also && also.length);
  }
  function refresh() {
    var chosen = currentTopics();
    var mode = checked('digestMode', 'topics_trending');
    var frequency = checked('frequency', 'daily');
    var query =
      'topics=' +
      encodeURIComponent(chosen.join('\n')) +
      '&mode=' +
      encodeURIComponent(mode) +
      '&frequency=' +
      encodeURIComponent(frequency);
    if (query === lastQuery) return;
    lastQuery = query;
    section.hidden = false;
    if (!chosen.length && mode === 'topics') return show([], 'Type a topic to see a preview.');
    section.setAttribute('aria-busy', 'true');
    fetch('/subscribe/preview?' + query, { headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.json();
      })
      .then(function (data) {
        if (query !== lastQuery) return;
        if (data.error) return show([], data.error.message);
        var period = frequency === 'weekly' ? 'week' : 'day';
        if (data.mode === 'trending') {
          return show(
            data.papers,
            data.papers.length
              ? 'The most upvoted papers of the ' + period + ' so far:'
              : 'Nothing is trending yet: a quiet ' + period + ' sends no email.',
            'Top trending right now',
          );
        }
        show(
          data.papers,
          data.papers.length ? 'From the last two weeks:' : 'Nothing recent matches yet. New papers arrive every day.',
          null,
          data.alsoTrending,
          data.quiet,
        );
      })
      .catch(function () {
        show([], 'The preview is not available right now.');
      })
      .then(function () {
        section.setAttribute('aria-busy', 'false');
      });
  }
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 350);
  }
  topics.addEventListener('input', schedule);
  form.addEventListener('change', function (e) {
    if (['topics', 'digestMode', 'frequency'].indexOf(e.target.name) >= 0) schedule();
  });
  refresh();

  // 3. Proof of work: find n with SHA-256(salt + n) = challenge (sha256.js). Started at page load
  //    so it is usually done before the reader presses Subscribe; chunks keep the page responsive.
  if (form.dataset.challenge !== 'on' || typeof window.paperboySha256 !== 'function') return;
  function solve(c) {
    return new Promise(function (resolve, reject) {
      var n = 0;
      (function chunk() {
        for (var end = Math.min(n + 5000, c.maxnumber + 1); n < end; n++) {
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
    .then(function (r) {
      return r.json();
    })
    .then(solve)
    .then(function (value) {
      proof.value = value;
      return value;
    })
    .catch(function () {
      return '';
    });
  form.addEventListener('submit', function (e) {
    if (proof.value) return;
    e.preventDefault();
    status.textContent = 'One moment: a quick anti-spam check runs in your browser…';
    solved.then(function () {
      form.submit();
    });
  });
})();
