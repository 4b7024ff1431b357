// What a replay gives back: the same analysis of one picked window of real history, without and with the injected
// events, so the two can be shown side by side.
import type { PolicyState } from '../budget/policy';
import type { Tier } from '../domain/types';
import type { Injection } from './injection';

/** A chart line as plain arrays (x in UTC ms). */
export type ReplayLine = { x: number[]; y: number[] };

/** The policy state of the SLO's budget through a window, as intervals, and the days spent in each state. */
export type PolicyTimeline = {
  tier: Tier;
  intervals: { state: PolicyState; startMs: number; endMs: number }[];
  daysIn: Record<PolicyState, number>;
};

/** One tier of one side of a replay. */
export type ReplayTier = {
  tier: Tier;
  targetPpm: number;
  /** Achieved SLI over the picked window (good / total, or as the tier's method counts), NaN without traffic. */
  sli: number;
  met: boolean;
  /** Share of the window's budget spent (1 = all of it). */
  budgetConsumed: number;
  /** Remaining budget through the window (1 untouched). */
  burnDown: ReplayLine;
  /** Alert episodes of the tier's burn-rate alerts that fired in the window (its alert windows read the history before it). */
  pages: number;
  tickets: number;
  firings: { severity: 'page' | 'ticket'; speed: 'quick' | 'slow'; firedMs: number; resolvedMs: number | null }[];
};

/** One side of a replay: the history as it was, or with the injected events. */
export type ReplaySide = {
  tiers: ReplayTier[];
  /** The SLI per sample and its rolling compliance over the SLO's window, downsampled for drawing. */
  sliLine: ReplayLine;
  rollingLine: ReplayLine;
  /** Null without an SLO tier to read. */
  policy: PolicyTimeline | null;
};

/** An injected event with what it did: how many times it occurred in the window and the bad events it added. */
export type InjectedOutcome = Injection & { occurrences: number; addedBadEvents: number };

/** A replay of one window of an SLI's history with events injected. */
export type ReplayReport = {
  sliId: number;
  seriesId: number;
  /** The window replayed, (fromMs, toMs], snapped to whole samples: one step before its first sample to its last. */
  fromMs: number;
  toMs: number;
  excluding: boolean;
  setName: string;
  injections: InjectedOutcome[];
  plain: ReplaySide;
  modified: ReplaySide;
};
