// The live preview and the guidance while a reader types topics, on the subscribe form and on
// the preferences page alike (one engine: GET /subscribe/preview). Progressive enhancement:
// without this file both forms submit as usual and none of this appears.
//   - the preview: "recent papers you would have got", composed as the digest; with no topic
//     typed, the top trending papers; after topic matches, "Also trending";
//   - per topic: its recent papers, "did you mean", "too broad" (with narrower topics) and
//     "nothing recent" (with related topics that have papers); a suggestion replaces the topic.
(() => {
  const form = document.querySelector('form[data-preview]');
  const topics = document.getElementById('topics');
  const section = document.getElementById('preview');
  if (!form || !topics || !section) return;
  const heading = document.getElementById('preview-heading');
  const list = document.getElementById('preview-list');
  const alsoHeading = document.getElementById('also-heading');
  const alsoList = document.getElementById('also-list');
  const previewStatus = document.getElementById('preview-status');
  const guidance = document.getElementById('topic-guidance');
  const guidanceList = document.getElementById('topic-guidance-list');
  const guidanceStatus = document.getElementById('topic-guidance-status');
  const guidanceHint = document.querySelector('#topic-guidance .hint');
  let timer = null;
  let lastQuery = null;

  const checked = (name, fallback) => {
    const box = form.querySelector(`input[name="${name}"]:checked`);
    return box ? box.value : fallback;
  };
  // As the server compares topics: NFKC, spaces collapsed, trimmed.
  const same = (a, b) => a.normalize('NFKC').replace(/\s+/g, ' ').trim() === b;
  function currentTopics() {
    const chosen = (topics.value || '')
      .split(/[,\n\r]+/)
      .map((t) => t.trim())
      .filter(Boolean);
    for (const box of form.querySelectorAll('input[name="topics"]:checked')) chosen.push(box.value);
    return chosen;
  }
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const papersText = (n) => `${n} recent paper${n === 1 ? '' : 's'}`;

  /** `span`: "the 500 newest papers" when the preview read only those of the window, else null. */
  function fill(target, papers, quiet, counts, span) {
    target.textContent = '';
    // As in the digest: a heading per topic when there are several, then "Nothing new on X".
    const sections = papers.map((p) => p.section).filter((s, i, all) => s && all.indexOf(s) === i);
    // With the counts, a single topic gets its heading too: "AI · 22 recent papers".
    const headings = sections.length > 1 || (sections.length > 0 && ((quiet && quiet.length > 0) || counts));
    let last = null;
    let number = 0;
    for (const p of papers) {
      if (headings && p.section && p.section !== last) {
        const h = el('li', 'preview-section', p.section);
        if (counts && counts[p.section] !== undefined)
          h.appendChild(el('span', 'muted', ` · ${papersText(counts[p.section])}`));
        target.appendChild(h);
        last = p.section;
      }
      const li = el('li');
      // Numbered 1, 2, 3 across sections: a heading is an <li> too and would take a number.
      number += 1;
      li.value = number;
      const title = el(p.url ? 'a' : 'span', '', p.title);
      if (p.url) {
        title.href = p.url;
        title.rel = 'noopener noreferrer';
        title.target = '_blank';
      }
      li.appendChild(title);
      li.appendChild(el('div', 'hint', [p.authors.join(', '), p.reason].filter(Boolean).join(' · ')));
      target.appendChild(li);
    }
    for (const topic of quiet || [])
      target.appendChild(
        el('li', 'hint preview-quiet', span ? `Nothing in ${span} on ${topic}.` : `Nothing recent on ${topic}.`),
      );
  }
  function show(papers, message, title, also, quiet, counts, span) {
    heading.textContent = title || 'Recent papers you would have got';
    previewStatus.textContent = message;
    fill(list, papers, papers.length ? quiet : [], counts, span);
    fill(alsoList, also || []);
    alsoHeading.hidden = !also?.length;
  }

  // What a click on a suggestion did, said again with the guidance it brings: the guidance's
  // own announcement would otherwise replace it before a screen reader had read it.
  let replacedNote = '';
  // A suggestion replaces the topic as typed (in the box, or a ticked popular topic).
  function replaceTopic(from, to) {
    let replaced = false;
    topics.value = topics.value.replace(/[^,\n\r]+/g, (item) => {
      if (replaced || !same(item, from)) return item;
      replaced = true;
      const lead = item.match(/^\s*/)[0];
      const trail = item.match(/\s*$/)[0];
      return lead + to + trail;
    });
    if (!replaced) {
      for (const box of form.querySelectorAll('input[name="topics"]:checked'))
        if (same(box.value, from)) box.checked = false;
      topics.value = topics.value.replace(/\s*$/, '') + (topics.value.trim() ? '\n' : '') + to;
    }
    replacedNote = `Replaced ${from} with ${to}.`;
    guidanceStatus.textContent = replacedNote;
    topics.focus();
    refresh();
  }
  function suggestionButton(from, suggestion) {
    const button = el('button', 'suggestion', `${suggestion.topic} (${suggestion.count})`);
    button.type = 'button';
    button.addEventListener('click', () => replaceTopic(from, suggestion.topic));
    return button;
  }
  // A busy installation has more recent papers than the preview reads: then it says so.
  const newest = (window) => (window?.capped ? `the ${window.papers} newest papers` : null);
  const recent = (window) => newest(window) ?? `the last ${window.days} days' papers`;
  function share(g) {
    return `${Math.round(g.share * 100)}%`;
  }
  function guide(items, window) {
    guidanceList.textContent = '';
    if (guidanceHint && window)
      guidanceHint.textContent = newest(window)
        ? `Your topics in ${newest(window)}:`
        : `Your topics over the last ${window.days} days:`;
    const notes = [];
    for (const g of items) {
      const li = el('li', `guide-${g.standing}`);
      li.appendChild(el('strong', '', g.topic));
      if (g.standing === 'broad') {
        li.appendChild(
          document.createTextNode(
            ` matches ${share(g)} of ${recent(window)} (${g.count} of ${window.papers}): too broad, add words?`,
          ),
        );
        notes.push(`${g.topic} is too broad: ${share(g)} of recent papers.`);
      } else if (g.standing === 'quiet') {
        // Out of the window the preview read: on a busy installation its newest papers span less
        // than the window's days, so "nothing in the last 14 days" would be untrue.
        const span = newest(window) ?? `the last ${window.days} days`;
        li.appendChild(document.createTextNode(`: nothing in ${span}.`));
        notes.push(`Nothing recent on ${g.topic}.`);
      } else li.appendChild(el('span', 'muted', ` · ${papersText(g.count)}`));
      if (g.didYouMean) {
        const p = el('span', 'guide-line guide-fix', ' Did you mean ');
        p.appendChild(suggestionButton(g.topic, g.didYouMean));
        p.appendChild(document.createTextNode('?'));
        li.appendChild(p);
        notes.push(`Did you mean ${g.didYouMean.topic}?`);
      }
      if (g.suggestions.length) {
        const p = el('span', 'guide-line', g.standing === 'broad' ? ' Narrower: ' : ' Related, with papers: ');
        for (const s of g.suggestions) p.appendChild(suggestionButton(g.topic, s));
        li.appendChild(p);
      }
      guidanceList.appendChild(li);
    }
    guidance.hidden = items.length === 0;
    // Announced politely, and only what needs attention (the counts are on screen).
    const note = [replacedNote, ...notes].filter(Boolean).join(' ');
    replacedNote = '';
    if (guidanceStatus.dataset.note !== note) {
      guidanceStatus.dataset.note = note;
      guidanceStatus.textContent = note;
    }
  }

  function refresh() {
    const chosen = currentTopics();
    const mode = checked('digestMode', 'topics_trending');
    const frequency = checked('frequency', 'daily');
    const query = `topics=${encodeURIComponent(chosen.join('\n'))}&mode=${encodeURIComponent(mode)}&frequency=${encodeURIComponent(frequency)}`;
    if (query === lastQuery) return;
    lastQuery = query;
    section.hidden = false;
    if (!chosen.length || mode === 'trending') guide([], {});
    if (!chosen.length && mode === 'topics') return show([], 'Type a topic to see a preview.');
    section.setAttribute('aria-busy', 'true');
    fetch(`/subscribe/preview?${query}`, { headers: { Accept: 'application/json' } })
      .then((r) => r.json())
      .then((data) => {
        if (query !== lastQuery) return;
        if (data.error) {
          guide([], {});
          return show([], data.error.message);
        }
        const period = frequency === 'weekly' ? 'week' : 'day';
        if (data.mode === 'trending') {
          return show(
            data.papers,
            data.papers.length
              ? `The most upvoted papers of the ${period} so far:`
              : `Nothing is trending yet: a quiet ${period} sends no email.`,
            'Top trending right now',
          );
        }
        const topicsFound = data.topics || [];
        // A busy installation's preview reads its newest papers only: "nothing recent" would be untrue.
        const span = newest(data.window);
        guide(topicsFound, data.window);
        const counts = {};
        for (const g of topicsFound) counts[g.topic] = g.count;
        // "Your top 5": the headings count every paper of a topic ("13 recent papers"), and a
        // reader seeing five under them asked where the rest went.
        const top = data.papers.length === 1 ? 'Your top paper' : `Your top ${data.papers.length}`;
        show(
          data.papers,
          data.papers.length
            ? `${top} from ${span ?? 'the last two weeks'}:`
            : `Nothing ${span ? `in ${span} ` : 'recent '}matches yet. New papers arrive every day.`,
          null,
          data.alsoTrending,
          data.quiet,
          counts,
          span,
        );
      })
      .catch(() => {
        show([], 'The preview is not available right now.');
      })
      .then(() => {
        section.setAttribute('aria-busy', 'false');
      });
  }
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 350);
  }
  topics.addEventListener('input', schedule);
  form.addEventListener('change', (e) => {
    if (['topics', 'digestMode', 'frequency'].indexOf(e.target.name) >= 0) schedule();
  });
  refresh();
})();
