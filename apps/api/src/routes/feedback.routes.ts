// The digest's feedback links (issue 13): "more / less like this" per card, "fewer on this
// topic" / "mute this topic" per section, "add this topic" for the related topic a digest suggests.
// GET only shows a page (mail scanners and prefetchers
// open every link: they must not vote); the page's form records by POST, sent by the browser at
// once (confirm.js) or with its button. POSTs are idempotent (the same vote twice is one vote)
// and answer with undo.
import { Router, type Request } from 'express';
import {
  addTopic,
  AppError,
  buildReaderLinks,
  describeTopicControl,
  describeVote,
  forgetVotes,
  parseTopicSetting,
  parseVote,
  recordVote,
  describeSuggestedTopic,
  setSuggestedTopic,
  setTopicControl,
  verifyAddTopicToken,
  verifyTopicToken,
  verifyVoteToken,
  type VoteValue,
} from '@paperboy/core';
import type { AppDeps } from '../deps';
import type { Csrf } from '../middleware/csrf.middleware';
import { addTopicDonePage, addTopicPage, topicDonePage, topicPage, votedPage, votePage } from '../views/feedback.page';
import { formBody, privatePage, readerDeps, requestContext, subscriberFromToken, wantsJson } from './reader-helpers';

function field(req: Request, name: string): unknown {
  const body = req.body as Record<string, unknown> | undefined;
  return body?.[name] ?? req.query[name];
}

function badChoice(what: string): AppError {
  return new AppError('invalid_input', `This link does not say ${what}. Open it again from the email.`);
}

export function feedbackRoutes(deps: AppDeps, csrf: Csrf): Router {
  const router = Router();
  const now = () => (deps.now ? deps.now() : new Date());
  const manageUrl = (id: number) => buildReaderLinks(deps.config, id).manageUrl;

  // A vote link is /vote/{token}/{paperId}; older links (one token per paper) are /vote/{token}.
  const VOTE_PATH = '/vote/:token{/:paperId}';
  const voteAction = (token: string, paperId: string | undefined) =>
    `/vote/${token}${paperId === undefined ? '' : `/${paperId}`}`;

  router.get(VOTE_PATH, async (req, res) => {
    privatePage(res);
    const { subscriberId, paperId } = verifyVoteToken(deps.config, req.params.token, now(), req.params.paperId);
    const wanted = parseVote(req.query.v);
    if (wanted === undefined || wanted === 0) throw badChoice('"more" or "less" like this');
    const state = await describeVote(deps.db, subscriberId, paperId);
    if (wantsJson(req)) return void res.json({ paper: { title: state.title }, vote: state.value, recorded: false });
    res.type('html').send(
      votePage({
        action: voteAction(String(req.params.token), req.params.paperId as string | undefined),
        csrf: csrf.token(req, res),
        title: state.title,
        wanted,
        current: state.value,
        receivesDigests: state.receivesDigests,
      }),
    );
  });

  router.post(VOTE_PATH, formBody, csrf.require, async (req, res) => {
    privatePage(res);
    const { subscriberId, paperId } = verifyVoteToken(deps.config, req.params.token, now(), req.params.paperId);
    const value: VoteValue | undefined = parseVote(field(req, 'v'));
    if (value === undefined) throw badChoice('"more", "less" or "none"');
    const outcome = await recordVote(deps.db, subscriberId, paperId, value, now());
    if (wantsJson(req)) return void res.json({ vote: outcome.value, previous: outcome.previous });
    res.type('html').send(
      votedPage({
        action: voteAction(String(req.params.token), req.params.paperId as string | undefined),
        csrf: csrf.token(req, res),
        title: outcome.title,
        value: outcome.value,
        previous: outcome.previous,
        receivesDigests: outcome.receivesDigests,
        manageUrl: manageUrl(subscriberId),
      }),
    );
  });

  router.get('/topic/:token', async (req, res) => {
    privatePage(res);
    const { subscriberId, topicKey } = verifyTopicToken(deps.config, req.params.token, now());
    const wanted = parseTopicSetting(req.query.do);
    if (wanted === undefined) throw badChoice('"fewer" or "mute"');
    const state = await describeTopicControl(deps.db, subscriberId, topicKey);
    if (wantsJson(req)) return void res.json({ topic: state.label, setting: state.setting, changed: false });
    res
      .type('html')
      .send(
        topicPage({ action: `/topic/${req.params.token}`, csrf: csrf.token(req, res), label: state.label, wanted }),
      );
  });

  router.post('/topic/:token', formBody, csrf.require, async (req, res) => {
    privatePage(res);
    const { subscriberId, topicKey } = verifyTopicToken(deps.config, req.params.token, now());
    const setting = parseTopicSetting(field(req, 'do'));
    if (setting === undefined) throw badChoice('"fewer", "mute" or "normal"');
    const outcome = await setTopicControl(deps.db, subscriberId, topicKey, setting);
    if (wantsJson(req))
      return void res.json({ topic: outcome.label, setting: outcome.setting, previous: outcome.previous });
    res.type('html').send(
      topicDonePage({
        action: `/topic/${req.params.token}`,
        csrf: csrf.token(req, res),
        label: outcome.label,
        setting: outcome.setting,
        previous: outcome.previous,
        manageUrl: manageUrl(subscriberId),
      }),
    );
  });
  // "Add this topic": GET shows the topic (records nothing); POST do=add adds it with the
  // preferences rules, do=remove is its undo. Both idempotent.
  router.get('/add-topic/:token', async (req, res) => {
    privatePage(res);
    const { subscriberId, topicKey } = verifyAddTopicToken(deps.config, req.params.token, now());
    const state = await describeSuggestedTopic(deps.db, subscriberId, topicKey);
    if (wantsJson(req)) return void res.json({ topic: state.label, state: state.state, changed: false });
    res.type('html').send(
      addTopicPage({
        action: `/add-topic/${req.params.token}`,
        csrf: csrf.token(req, res),
        label: state.label,
        followed: state.state === 'followed',
        manageUrl: manageUrl(subscriberId),
      }),
    );
  });

  router.post('/add-topic/:token', formBody, csrf.require, async (req, res) => {
    privatePage(res);
    const { subscriberId, topicKey } = verifyAddTopicToken(deps.config, req.params.token, now());
    const what = field(req, 'do');
    if (what !== 'add' && what !== 'remove') throw badChoice('"add" or "remove"');
    const outcome = await setSuggestedTopic(readerDeps(deps), subscriberId, topicKey, what, requestContext(req));
    if (wantsJson(req))
      return void res.json({ topic: outcome.label, state: outcome.state, previous: outcome.previous });
    res.type('html').send(
      addTopicDonePage({
        action: `/add-topic/${req.params.token}`,
        csrf: csrf.token(req, res),
        label: outcome.label,
        followed: outcome.state === 'followed',
        changed: outcome.previous !== outcome.state,
        manageUrl: manageUrl(subscriberId),
      }),
    );
  });

  // The preferences page's own controls (learning-section.ts): back to normal, fewer, mute; forget votes.
  router.post('/manage/:token/topic-setting', formBody, csrf.require, async (req, res) => {
    privatePage(res);
    const id = subscriberFromToken(deps, req, 'manage');
    const setting = parseTopicSetting(field(req, 'do'));
    const key = field(req, 'key');
    if (setting === undefined || typeof key !== 'string' || key === '' || key.length > 200)
      throw new AppError('invalid_input', 'This page does not offer that. Please use one of its buttons.');
    const outcome = await setTopicControl(deps.db, id, key, setting);
    if (wantsJson(req))
      return void res.json({ topic: outcome.label, setting: outcome.setting, previous: outcome.previous });
    res.redirect(303, `/manage/${req.params.token}?done=topic#learning`);
  });

  router.post('/manage/:token/topic-add', formBody, csrf.require, async (req, res) => {
    privatePage(res);
    const id = subscriberFromToken(deps, req, 'manage');
    const topic = field(req, 'topic');
    if (typeof topic !== 'string' || topic.trim() === '')
      throw new AppError('invalid_input', 'This page does not offer that. Please use one of its buttons.');
    await addTopic(readerDeps(deps), id, topic, requestContext(req)); // the preferences rules: 400 on a bad topic
    if (wantsJson(req)) return void res.json({ status: 'added' });
    res.redirect(303, `/manage/${req.params.token}?done=saved#learning`);
  });

  router.post('/manage/:token/votes/forget', formBody, csrf.require, async (req, res) => {
    privatePage(res);
    const id = subscriberFromToken(deps, req, 'manage');
    const forgotten = await forgetVotes(deps.db, id);
    if (wantsJson(req)) return void res.json({ forgotten });
    res.redirect(303, `/manage/${req.params.token}?done=forgotten#learning`);
  });
  return router;
}
