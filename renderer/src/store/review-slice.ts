import type { StateCreator } from 'zustand';
import type { ArgsIn, ResultOf, ReviewStatus, ServiceVersions, VersionSignoffs } from '#shared/ipc/contract';
import type { AppError, Result } from '#shared/ipc/errors';
import type { ReviewComment } from '#shared/review/types';
import type { AppState } from './store';

/** The commands that change a service's review or the required roles (each announced as review-changed). */
export type ReviewWrite = 'proposal/create' | 'signoff/add' | 'comment/add' | 'roles/set' | 'review/set-period';

/**
 * The Review screen of one service (the selected one): its versions, the sign-offs of each, the comments of the shown
 * version and the required roles; and every service's review dates, which the services list flags when overdue.
 */
export type ReviewSlice = {
  reviewVersions: ServiceVersions | null;
  /** Sign-offs by version number, for the version list's "who signed" and the shown version's table. */
  reviewSignoffs: Record<number, VersionSignoffs>;
  reviewComments: ReviewComment[];
  /** The version shown (its sign-offs and comments); null shows the latest. */
  reviewVersion: number | null;
  reviewStatus: ReviewStatus | null;
  reviewRoles: string[];
  reviewError: AppError | null;
  /** Whether the Review screen is on screen (it says so when it mounts and unmounts, and fetches its review): only then do changes refetch the shown service's review. */
  reviewShown: boolean;
  showReview(shown: boolean): void;
  selectReviewVersion(version: number | null): void;
  /** Refetches the review dates and, while the Review screen is shown, the shown service's review. */
  refreshReview(): Promise<void>;
  /** Refetches every service's review dates (quietly: a core without them leaves the flags off). */
  refreshReviewStatus(): Promise<void>;
  /** Sends a review edit; on success refreshes the review once, on refusal returns the error for the form. */
  reviewEdit<C extends ReviewWrite>(channel: C, args: ArgsIn<C>): Promise<Result<ResultOf<C>>>;
};

/** The service the Review screen shows: the selected one, else the first. */
export function reviewedServiceId(s: Pick<AppState, 'selectedServiceId' | 'services'>): number | null {
  return s.services.some((x) => x.id === s.selectedServiceId) ? s.selectedServiceId : (s.services[0]?.id ?? null);
}

/** Creates the review slice; the review lives in the workspace, this is its cache. */
export const createReviewSlice: StateCreator<AppState, [], [], ReviewSlice> = (set, get) => {
  // Answers to older requests are dropped: a slow refresh must not overwrite what a newer choice asked for.
  let request = 0;
  let statusRequest = 0;
  // The service whose review is cached: the shown version is kept only while the service stays the same.
  let cachedService: number | null = null;

  async function refreshShown(): Promise<void> {
    const { client } = get();
    const serviceId = reviewedServiceId(get());
    const mine = ++request;
    if (serviceId === null || !get().workspace.workspace) {
      cachedService = null;
      set({ reviewVersions: null, reviewSignoffs: {}, reviewComments: [], reviewVersion: null });
      return;
    }
    const [versions, roles] = await Promise.all([client.invoke('proposal/list', { serviceId }), client.invoke('roles/list', {})]);
    if (mine !== request) return;
    if (!versions.ok) return set({ reviewError: versions.error });
    const numbers = versions.value.versions.map((v) => v.number);
    const wanted = serviceId === cachedService ? get().reviewVersion : null;
    cachedService = serviceId;
    const shown = wanted !== null && numbers.includes(wanted) ? wanted : (numbers.at(-1) ?? null);
    const [signoffs, comments] = await Promise.all([
      Promise.all(numbers.map((version) => client.invoke('signoff/list', { serviceId, version }))),
      shown === null ? null : client.invoke('comment/list', { serviceId, version: shown }),
    ]);
    if (mine !== request) return;
    const bad = [...signoffs, ...(comments ? [comments] : [])].find((r) => !r.ok);
    set({
      reviewVersions: versions.value,
      reviewRoles: roles.ok ? roles.value : versions.value.requiredRoles,
      reviewSignoffs: Object.fromEntries(signoffs.flatMap((r) => (r.ok ? [[r.value.number, r.value]] : []))),
      reviewComments: comments?.ok ? comments.value : [],
      reviewVersion: shown,
      reviewError: bad && !bad.ok ? bad.error : null,
    });
  }

  return {
    reviewVersions: null,
    reviewSignoffs: {},
    reviewComments: [],
    reviewVersion: null,
    reviewStatus: null,
    reviewRoles: [],
    reviewError: null,
    reviewShown: false,
    showReview(shown) {
      set({ reviewShown: shown });
    },
    selectReviewVersion(version) {
      set({ reviewVersion: version, reviewComments: [] });
      void refreshShown();
    },
    async refreshReview() {
      await Promise.all([get().refreshReviewStatus(), get().reviewShown ? refreshShown() : null]);
    },
    async refreshReviewStatus() {
      const mine = ++statusRequest;
      if (!get().workspace.workspace) return set({ reviewStatus: null });
      const status = await get().client.invoke('review/status', {});
      if (mine === statusRequest) set({ reviewStatus: status.ok ? status.value : null });
    },
    async reviewEdit(channel, args) {
      const serviceId = 'serviceId' in args ? (args.serviceId as number) : null;
      const result = await get().ownChange('review-changed', { serviceId }, () => get().client.invoke(channel, args));
      if (result.ok) set({ reviewError: null, banner: null });
      return result;
    },
  };
};
