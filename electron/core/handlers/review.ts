import type { HandlerContext, HandlerMap } from '../context';
import { diffProposals } from '../services/review-diff';
import {
  addComment,
  addSignoff,
  createProposal,
  getVersion,
  listComments,
  listRoles,
  listSignoffs,
  setReviewPeriod,
  setRoles,
} from '../services/review-service';
import { reviewStatus, serviceReviewStatus } from '../services/review-status';
import { serviceVersions } from '../services/review-versions';
import { utcText } from '#shared/domain/utc-text';

type ReviewChannel =
  | 'proposal/create'
  | 'proposal/list'
  | 'proposal/get'
  | 'proposal/diff'
  | 'signoff/add'
  | 'signoff/list'
  | 'comment/add'
  | 'comment/list'
  | 'roles/list'
  | 'roles/set'
  | 'review/status'
  | 'review/set-period';

/** Announces a review edit that succeeded and passes its value on. */
function changed<T>(ctx: HandlerContext, serviceId: number | null, value: T): T {
  ctx.emit('review-changed', { serviceId });
  return value;
}

/** Proposals, sign-offs, comments, required roles and review cadence (each change an undoable edit). */
export const reviewHandlers: HandlerMap<ReviewChannel> = {
  'proposal/create': (args, ctx) => changed(ctx, args.serviceId, createProposal(ctx.session, args, ctx.now())),
  'proposal/list': (args, ctx) => serviceVersions(ctx.session, args.serviceId),
  'proposal/get': (args, ctx) => getVersion(ctx.session, args),
  'proposal/diff': (args, ctx) => diffProposals(ctx.session, args, ctx.now()),
  'signoff/add': (args, ctx) => changed(ctx, args.serviceId, addSignoff(ctx.session, args, ctx.now())),
  'signoff/list': (args, ctx) => listSignoffs(ctx.session, args),
  'comment/add': (args, ctx) => changed(ctx, args.serviceId, addComment(ctx.session, args, ctx.now())),
  'comment/list': (args, ctx) => listComments(ctx.session, args),
  'roles/list': (_args, ctx) => listRoles(ctx.session),
  'roles/set': (args, ctx) => changed(ctx, null, setRoles(ctx.session, args.roles)),
  'review/status': (args, ctx) => reviewStatus(ctx.session, args.serviceId, ctx.now()),
  'review/set-period': (args, ctx) => {
    setReviewPeriod(ctx.session, args);
    return changed(ctx, args.serviceId, serviceReviewStatus(ctx.session, args.serviceId, utcText(ctx.now(), 'day')));
  },
};
