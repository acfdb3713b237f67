// The digest's feedback links against the real app: a GET (what mail scanners and prefetchers
// do) records nothing; the page's POST records, idempotently, can be changed and undone; votes
// are in the export and go with a wipe.
import { addTopicLink, buildReaderLinks, readerToken, topicLink, voteLink } from '@paperboy/core';
import { normalizeTopic } from '@paperboy/matching';
import { activeReader, openForm, postForm, postJson } from './reader-client';
import { startTestApp, type TestApp } from './test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const local = (url: string) => url.replace(app.config.PUBLIC_URL, app.baseUrl);

async function readerAndPaper(email: string) {
  const reader = await activeReader(app, email, ['reward models', 'diffusion models']);
  const paper = await app.database.db.paper.create({
    data: {
      sourceId: `2612.${String(reader.id).padStart(5, '0')}`,
      title: 'Calibrated Reward Models for Robot Grasping',
      abstract: 'We calibrate reward models.',
      publishedAt: new Date(),
    },
  });
  return { reader, paper, vote: local(voteLink(app.config, reader.id, paper.id)) };
}

const votesOf = (subscriberId: number) => app.database.db.vote.findMany({ where: { subscriberId } });

describe('vote links', () => {
  it('when a vote link is fetched the way scanners and prefetchers do (GET, HEAD, any Accept, no cookie), then no vote is recorded', async () => {
    const { reader, paper, vote } = await readerAndPaper('prefetch@example.org');
    for (const accept of ['text/html', '*/*', 'application/json', ''])
      expect((await fetch(`${vote}?v=more`, { headers: accept ? { Accept: accept } : {} })).status).toBe(200);
    expect((await fetch(`${vote}?v=less`, { method: 'HEAD' })).status).toBe(200);
    const page = await (await fetch(`${vote}?v=more`, { headers: { Accept: 'text/html' } })).text();
    expect(page).toContain(paper.title);
    expect(page).toContain('data-auto-confirm'); // the browser posts it; a scanner does not
    expect(page).toContain('name="v" value="more"');
    expect(await votesOf(reader.id)).toEqual([]);
  });

  it('when the page posts the vote, then it is recorded once however often it is posted, can be changed, and undo removes it', async () => {
    const { reader, paper, vote } = await readerAndPaper('voter@example.org');
    const session = await openForm(`${vote}?v=more`);
    const first = await postForm(vote, { v: 'more' }, session);
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('Noted: more like this');
    expect(html).toContain('name="v" value="none"'); // the undo form
    expect(html).toContain('From your next digest, papers like this one rank higher');
    // The same vote again: nothing before it on this page to undo to, but it can be taken back.
    const again = await (await postForm(vote, { v: 'more' }, session)).text();
    expect(again).toContain('Remove this vote');
    expect(again).toContain('name="v" value="none"');
    expect((await votesOf(reader.id)).map((v) => [v.paperId, v.value])).toEqual([[paper.id, 1]]);

    const changed = await postForm(vote, { v: 'less' }, session);
    expect(await changed.text()).toContain('Undo (back to more like this)');
    expect((await votesOf(reader.id)).map((v) => v.value)).toEqual([-1]);

    const undone = await postForm(vote, { v: 'none' }, session);
    expect(await undone.text()).toContain('Vote removed');
    expect(await votesOf(reader.id)).toEqual([]);
  });

  it('when an unsubscribed reader votes, then the page does not promise a next digest', async () => {
    const { reader, vote } = await readerAndPaper('left-voter@example.org');
    await app.database.db.subscriber.update({ where: { id: reader.id }, data: { status: 'unsubscribed' } });
    const asked = await (await fetch(`${vote}?v=less`, { headers: { Accept: 'text/html' } })).text();
    const session = await openForm(`${vote}?v=less`);
    const noted = await (await postForm(vote, { v: 'less' }, session)).text();
    for (const page of [asked, noted]) {
      expect(page).toContain('You get no digests now; once they start again, papers like this one rank lower');
      expect(page).not.toContain('From your next digest');
    }
  });

  it('when the form comes without its CSRF field, then it is refused and nothing is recorded', async () => {
    const { reader, vote } = await readerAndPaper('csrf-vote@example.org');
    expect((await postForm(vote, { v: 'more' })).status).toBe(403);
    expect(await votesOf(reader.id)).toEqual([]);
  });

  it('when a vote link is tampered with, names another link purpose, or says neither more nor less, then it is a clear 4xx', async () => {
    const { reader, vote } = await readerAndPaper('tamper@example.org');
    const [start, paperId] = [vote.slice(0, vote.lastIndexOf('/')), vote.slice(vote.lastIndexOf('/') + 1)];
    expect((await fetch(`${start.slice(0, -3)}AAA/${paperId}?v=more`)).status).toBe(400);
    for (const path of ['0', '-1', '1e3', `${paperId}x`, '99999999999', `${paperId}/${paperId}`])
      expect((await fetch(`${start}/${path}?v=more`)).status).toBe(path.includes('/') ? 404 : 400);
    const manageToken = buildReaderLinks(app.config, reader.id).manageUrl.split('/').pop();
    expect((await fetch(`${app.baseUrl}/vote/${manageToken}?v=more`)).status).toBe(400);
    expect((await fetch(`${vote}?v=maybe`)).status).toBe(400);
    expect((await fetch(vote)).status).toBe(400);
    expect((await postJson(vote, { v: 'sideways' })).status).toBe(400);
    expect(await votesOf(reader.id)).toEqual([]);
  });

  it('when a link sent before votes named the paper after the token is opened, then it still records for its paper, and only without a paper after it', async () => {
    const { reader, paper } = await readerAndPaper('old-vote-link@example.org');
    const old = `${app.baseUrl}/vote/${readerToken(app.config, 'vote', reader.id, undefined, `p${paper.id}`)}`;
    expect(await (await postJson(old, { v: 'less' })).json()).toEqual({ vote: -1, previous: 0 });
    expect((await votesOf(reader.id)).map((v) => [v.paperId, v.value])).toEqual([[paper.id, -1]]);
    // The token names its paper: a paper id after it would be a second, unsigned answer.
    expect((await postJson(`${old}/${paper.id}`, { v: 'more' })).status).toBe(400);
    expect((await votesOf(reader.id)).map((v) => v.value)).toEqual([-1]);
  });

  it("when the paper id after a reader's vote link is changed, then the vote is that reader's on that paper, and a paper that does not exist is a 404", async () => {
    const { reader, vote } = await readerAndPaper('other-paper@example.org');
    const { paper: other } = await readerAndPaper('owner-of-other@example.org');
    const start = vote.slice(0, vote.lastIndexOf('/'));
    expect(await (await postJson(`${start}/${other.id}`, { v: 'more' })).json()).toEqual({ vote: 1, previous: 0 });
    expect((await votesOf(reader.id)).map((v) => v.paperId)).toEqual([other.id]);
    expect((await postJson(`${start}/2147483000`, { v: 'more' })).status).toBe(404);
    const missing = await fetch(`${start}/2147483000?v=more`, { headers: { Accept: 'text/html' } });
    const page = await missing.text();
    expect([missing.status, page.includes('This paper is no longer here')]).toEqual([404, true]);
    expect(page).not.toContain('subscription no longer exists');
    // The reader is still subscribed: the page says so instead of offering to subscribe again.
    expect([page.includes('Your subscription is unchanged'), page.includes('subscribe again')]).toEqual([true, false]);
  });

  it('when a JSON client posts, then it gets the vote and the previous one back', async () => {
    const { vote } = await readerAndPaper('json-vote@example.org');
    expect(await (await postJson(vote, { v: 'more' })).json()).toEqual({ vote: 1, previous: 0 });
    expect(await (await postJson(vote, { v: 'more' })).json()).toEqual({ vote: 1, previous: 1 });
  });
});

describe('topic links', () => {
  it('when "fewer" and "mute" are opened, then nothing changes until the page posts; undo puts the topic back', async () => {
    const { reader } = await readerAndPaper('topics@example.org');
    const link = local(topicLink(app.config, reader.id, 'reward models'));
    const topic = () =>
      app.database.db.topic.findUniqueOrThrow({
        where: { subscriberId_key: { subscriberId: reader.id, key: 'reward models' } },
      });
    const session = await openForm(`${link}?do=fewer`);
    expect(session.html).toContain('Fewer papers on reward models?');
    await fetch(`${link}?do=mute`);
    expect(await topic()).toMatchObject({ muted: false, weight: 1 });

    expect(await (await postForm(link, { do: 'fewer' }, session)).text()).toContain('reward models: fewer papers');
    expect(await topic()).toMatchObject({ muted: false, weight: 0.5 });
    const muted = await (await postForm(link, { do: 'mute' }, session)).text();
    expect(muted).toContain('Undo (back to fewer papers)');
    expect(await topic()).toMatchObject({ muted: true });
    await postForm(link, { do: 'normal' }, session);
    expect(await topic()).toMatchObject({ muted: false, weight: 1 });
  });

  it('when the reader no longer follows the topic, then the link says so (404), nothing else changes', async () => {
    const { reader } = await readerAndPaper('unfollowed@example.org');
    const link = local(topicLink(app.config, reader.id, 'quantum chemistry'));
    const res = await fetch(`${link}?do=mute`, { headers: { Accept: 'text/html' } });
    const page = await res.text();
    expect(res.status).toBe(404);
    expect(page).toContain('<h1>You no longer follow this topic</h1>');
    expect(page).toContain('Your subscription is unchanged');
    expect(page).not.toMatch(/subscription no longer exists|subscribe again/);
  });
});

describe('votes and data rights', () => {
  it('when a reader who voted exports and then wipes, then the export lists the votes and the wipe deletes them and the model', async () => {
    const { reader, paper, vote } = await readerAndPaper('rights@example.org');
    await postJson(vote, { v: 'more' });
    await app.database.db.readerModel.create({
      data: { subscriberId: reader.id, weights: 'v1:0:', votes: 1, votesAt: new Date(), trainedAt: new Date() },
    });
    const manage = local(buildReaderLinks(app.config, reader.id).manageUrl);
    const data = await (await fetch(`${manage}/export`)).json();
    expect(data.votes).toEqual([
      expect.objectContaining({ vote: 'more like this', paper: { sourceId: paper.sourceId, title: paper.title } }),
    ]);
    expect(data.model).toMatchObject({ votes: 1 });
    const page = await openForm(manage);
    expect((await postForm(`${manage}/wipe`, { confirm: 'yes' }, page)).status).toBe(200);
    expect(await app.database.db.vote.count({ where: { subscriberId: reader.id } })).toBe(0);
    expect(await app.database.db.readerModel.count({ where: { subscriberId: reader.id } })).toBe(0);
    expect((await fetch(`${vote}?v=more`, { headers: { Accept: 'text/html' } })).status).toBe(404);
  });
});

describe('preferences page', () => {
  it('when a reader has muted a topic and voted, then the page shows both, unmutes the topic and forgets the votes', async () => {
    const { reader, paper, vote } = await readerAndPaper('prefs-learning@example.org');
    await postJson(vote, { v: 'less' });
    await app.database.db.topic.updateMany({
      where: { subscriberId: reader.id, key: 'diffusion models' },
      data: { muted: true },
    });
    const manage = local(buildReaderLinks(app.config, reader.id).manageUrl);
    const page = await openForm(manage);
    expect(page.html).toContain('What your feedback changes');
    expect(page.html).toMatch(/diffusion models: <strong>muted<\/strong>/);
    // Every row has the same buttons; each one's accessible name starts with its text and names its topic.
    expect(page.html).toContain('aria-label="Unmute: diffusion models"');
    expect(page.html).toContain('aria-label="Mute: reward models"');
    expect(page.html).toContain(`less like this: ${paper.title}`);
    expect(page.html).toContain(
      '<strong>more like this</strong> on 0 papers and <strong>less like this</strong> on 1 paper;',
    );

    const unmuted = await postForm(`${manage}/topic-setting`, { key: 'diffusion models', do: 'normal' }, page);
    expect(unmuted.status).toBe(303);
    expect(
      await app.database.db.topic.findUniqueOrThrow({
        where: { subscriberId_key: { subscriberId: reader.id, key: 'diffusion models' } },
      }),
    ).toMatchObject({ muted: false, weight: 1 });
    expect((await postForm(`${manage}/topic-setting`, { key: 'x'.repeat(300), do: 'mute' }, page)).status).toBe(400);

    expect((await postForm(`${manage}/votes/forget`, {}, page)).status).toBe(303);
    expect(await votesOf(reader.id)).toEqual([]);
    expect((await openForm(manage)).html).toContain('No votes yet.');
  });

  it('when a reader saves their topics, then a kept topic keeps its "fewer" setting', async () => {
    const { reader } = await readerAndPaper('prefs-keep@example.org');
    // Stored as the subscribe form stores it: the normalised key.
    await app.database.db.topic.updateMany({
      where: { subscriberId: reader.id, key: 'reward models' },
      data: { weight: 0.5, key: normalizeTopic('reward models').key },
    });
    const manage = local(buildReaderLinks(app.config, reader.id).manageUrl);
    const page = await openForm(manage);
    const saved = await postForm(
      manage,
      { topics: 'reward models\nrobotics', digestMode: 'topics', frequency: 'daily', timezone: 'UTC' },
      page,
    );
    expect(saved.status).toBe(303);
    const topics = await app.database.db.topic.findMany({ where: { subscriberId: reader.id }, orderBy: { id: 'asc' } });
    expect(topics.map((t) => [t.raw, t.weight])).toEqual([
      ['reward models', 0.5],
      ['robotics', 1],
    ]);
  });
});

describe('add this topic', () => {
  it("when other readers follow a topic that matched papers of this reader's digests, then the page suggests it and adds it; a topic of fewer than 3 readers is never named", async () => {
    const { reader, paper } = await readerAndPaper('related@example.org');
    const db = app.database.db;
    for (const [i, raw] of ['robot grasping', 'robot grasping', 'robot grasping', 'secret hobby'].entries())
      await activeReader(app, `other-${i}@example.org`, [raw]);
    const delivery = await db.delivery.create({
      data: { subscriberId: reader.id, periodKey: 'd2026-12-05', status: 'sent', sentAt: new Date() },
    });
    await db.deliveryPaper.create({
      data: { deliveryId: delivery.id, paperId: paper.id, subscriberId: reader.id, rank: 1, score: 1, reason: 'x' },
    });
    for (const topicKey of ['robot grasping', 'secret hobby'])
      await db.match.create({ data: { paperId: paper.id, topicKey, score: 1, reason: {} } });
    const manage = local(buildReaderLinks(app.config, reader.id).manageUrl);
    const page = await openForm(manage);
    expect(page.html).toContain('robot grasping <span class="muted">(1 of your papers)</span>');
    expect(page.html).not.toContain('secret hobby');
    expect((await postForm(`${manage}/topic-add`, { topic: 'robot grasping' }, page)).status).toBe(303);
    const topics = await db.topic.findMany({ where: { subscriberId: reader.id }, orderBy: { id: 'asc' } });
    expect(topics.map((t) => t.raw)).toEqual(['reward models', 'diffusion models', 'robot grasping']);
    expect((await postForm(`${manage}/topic-add`, { topic: '' }, page)).status).toBe(400);
  });
});

describe('add this topic from the digest', () => {
  // Three other readers follow "robot grasping" (stored as the subscribe form stores it: its
  // normalised key): a topic a digest may suggest.
  const GRASP = normalizeTopic('robot grasping').key;
  beforeAll(async () => {
    for (const i of [1, 2, 3]) {
      const other = await activeReader(app, `grasping-${i}@example.org`, []);
      await app.database.db.topic.create({ data: { subscriberId: other.id, raw: 'robot grasping', key: GRASP } });
    }
  });
  const topicsOf = async (subscriberId: number) =>
    (await app.database.db.topic.findMany({ where: { subscriberId }, orderBy: { id: 'asc' } })).map((t) => t.raw);

  it('when the add-topic link is fetched as scanners and prefetchers do (GET, HEAD, any Accept), then no topic is added', async () => {
    const { reader } = await readerAndPaper('add-prefetch@example.org');
    const link = local(addTopicLink(app.config, reader.id, GRASP));
    for (const accept of ['text/html', '*/*', 'application/json', ''])
      expect((await fetch(link, { headers: accept ? { Accept: accept } : {} })).status).toBe(200);
    expect((await fetch(link, { method: 'HEAD' })).status).toBe(200);
    const page = await (await fetch(link, { headers: { Accept: 'text/html' } })).text();
    expect(page).toContain('Add robot grasping to your topics?');
    expect(page).toContain('data-auto-confirm');
    expect(page).toContain('name="do" value="add"');
    expect(await topicsOf(reader.id)).toEqual(['reward models', 'diffusion models']);
  });

  it('when the page posts, then the topic is added once however often it is posted, and undo removes it again', async () => {
    const { reader } = await readerAndPaper('add-post@example.org');
    const link = local(addTopicLink(app.config, reader.id, GRASP));
    const session = await openForm(link);
    const added = await postForm(link, { do: 'add' }, session);
    expect(added.status).toBe(200);
    const html = await added.text();
    expect(html).toContain('Added: robot grasping');
    expect(html).toContain('name="do" value="remove"'); // undo
    expect(await topicsOf(reader.id)).toEqual(['reward models', 'diffusion models', 'robot grasping']);

    const again = await postForm(link, { do: 'add' }, session);
    expect(again.status).toBe(200);
    expect(await again.text()).not.toContain('value="remove"'); // nothing changed: nothing to undo
    expect(await topicsOf(reader.id)).toEqual(['reward models', 'diffusion models', 'robot grasping']);
    expect(await (await fetch(link, { headers: { Accept: 'text/html' } })).text()).toContain(
      'You follow robot grasping',
    );

    const undone = await postForm(link, { do: 'remove' }, session);
    expect(await undone.text()).toContain('Removed: robot grasping');
    expect(await topicsOf(reader.id)).toEqual(['reward models', 'diffusion models']);
    expect(await (await postJson(link, { do: 'remove' })).json()).toEqual({
      topic: 'robot grasping',
      state: 'not_followed',
      previous: 'not_followed',
    });
    expect(await (await postJson(link, { do: 'add' })).json()).toEqual({
      topic: 'robot grasping',
      state: 'followed',
      previous: 'not_followed',
    });
  });

  it('when the add-topic link is tampered with, is another link, or posts without CSRF or a known action, then it is a clear 4xx and nothing changes', async () => {
    const { reader } = await readerAndPaper('add-tamper@example.org');
    const link = local(addTopicLink(app.config, reader.id, GRASP));
    expect((await fetch(`${link.slice(0, -3)}AAA`)).status).toBe(400);
    // A "fewer / mute" link names the same reader and topic but cannot add it, and this one cannot mute.
    const topicToken = topicLink(app.config, reader.id, GRASP).split('/').pop();
    expect((await fetch(`${app.baseUrl}/add-topic/${topicToken}`)).status).toBe(400);
    expect((await fetch(`${app.baseUrl}/topic/${link.split('/').pop()}?do=mute`)).status).toBe(400);
    const manageToken = buildReaderLinks(app.config, reader.id).manageUrl.split('/').pop();
    expect((await fetch(`${app.baseUrl}/add-topic/${manageToken}`)).status).toBe(400);
    // Signed with another secret: forged.
    const forged = addTopicLink({ ...app.config, SECRET_KEY: 'x'.repeat(40) }, reader.id, GRASP);
    expect((await fetch(local(forged))).status).toBe(400);
    expect((await postForm(link, { do: 'add' })).status).toBe(403); // no CSRF field
    expect((await postJson(link, { do: 'mute' })).status).toBe(400);
    expect((await postJson(link, {})).status).toBe(400);
    // A topic nobody follows any more cannot be added from an old email.
    const gone = local(addTopicLink(app.config, reader.id, 'quantum chemistry'));
    expect((await fetch(gone, { headers: { Accept: 'text/html' } })).status).toBe(404);
    expect((await postJson(gone, { do: 'add' })).status).toBe(404);
    expect(await topicsOf(reader.id)).toEqual(['reward models', 'diffusion models']);
  });
});
