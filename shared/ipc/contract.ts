// The contract, composed from one file per feature under ./contract/ (docs/architecture.md, "the contract").
import type { z } from 'zod';
import { analysisChannels } from './contract/analysis';
import { catalogChannels } from './contract/catalog';
import { editChannels } from './contract/edit';
import { exclusionChannels } from './contract/exclusions';
import { exportChannels } from './contract/export';
import { specImportChannels } from './contract/spec-import';
import type { ChannelSpec, Host } from './contract/fields';
import { importChannels } from './contract/import';
import { reliabilityChannels } from './contract/reliability';
import { reviewChannels } from './contract/review';
import { simulationChannels } from './contract/simulation';
import { workspaceChannels } from './contract/workspace';
import { fail, type Result } from './errors';

export * from './contract/analysis';
export * from './contract/catalog';
export * from './contract/exclusions';
export * from './contract/export';
export * from './contract/spec-import';
export * from './contract/import';
export * from './contract/reliability';
export * from './contract/review';
export * from './contract/simulation';
export * from './contract/workspace';
export { HOSTS, type ChannelSpec, type Host } from './contract/fields';

/** The contract: every channel's argument schema, result type and hosts. Hosts and clients are derived from it. */
export const contract = {
  ...workspaceChannels,
  ...catalogChannels,
  ...reliabilityChannels,
  ...importChannels,
  ...analysisChannels,
  ...exclusionChannels,
  ...simulationChannels,
  ...reviewChannels,
  ...exportChannels,
  ...specImportChannels,
  ...editChannels,
} as const;

/** Every channel name. */
export type Channel = keyof typeof contract;

/** The arguments a client passes on a channel (before defaults are applied). */
export type ArgsIn<C extends Channel> = z.input<(typeof contract)[C]['args']>;

/** The arguments a handler receives, validated and with defaults applied. */
export type Args<C extends Channel> = z.output<(typeof contract)[C]['args']>;

/** The value a channel returns on success. */
export type ResultOf<C extends Channel> = (typeof contract)[C]['result'];

/** The channels a host's clients may call. */
export type ChannelFor<H extends Host> = { [C in Channel]: H extends (typeof contract)[C]['hosts'][number] ? C : never }[Channel];

/** Channels answered by Electron's main process with a native dialog rather than by the core. */
export const DIALOG_CHANNELS = [
  'workspace/create-dialog',
  'workspace/open-dialog',
  'workspace/save-as-dialog',
  'import/pick-dialog',
  'export/write-dialog',
] as const;

/** Prefix of the file references import/pick-dialog hands out. */
export const PICKED_FILE_PREFIX = 'picked:';

/** Channels the core implements. */
export type CoreChannel = Exclude<Channel, (typeof DIALOG_CHANNELS)[number]>;

/** Every channel name, in contract order. */
export const CHANNELS = Object.keys(contract) as Channel[];

/** True when the string names a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The hosts whose clients may call a channel. */
export function hostsOf(channel: Channel): readonly Host[] {
  return contract[channel].hosts;
}

/** The argument of a channel that names a file (read as the host's fileAccess says), or null when it names none. */
export function fileArgOf(channel: Channel): 'path' | 'subfolder' | null {
  return (contract[channel] as ChannelSpec).file ?? null;
}

/** The channels a host's clients may call, in contract order. */
export function channelsFor<H extends Host>(host: H): ChannelFor<H>[] {
  return CHANNELS.filter((c): c is ChannelFor<H> => hostsOf(c).includes(host));
}

/** Channels that take a file argument. */
export const FILE_CHANNELS: readonly Channel[] = CHANNELS.filter((c) => fileArgOf(c) !== null);

const HOST_NAMES: Record<Host, string> = { electron: 'the desktop app', browser: 'browser mode', cli: 'the command line' };

/**
 * The refusal a host's adapter answers when its client calls a channel the contract does not offer it, or null when
 * the channel is offered (an unknown channel is left to validation, which names it).
 */
export function refusalFor(host: Host, channel: unknown): Result<never> | null {
  if (!isChannel(channel) || hostsOf(channel).includes(host)) return null;
  if (host === 'electron' && fileArgOf(channel) !== null) return fail('FORBIDDEN', 'The desktop app picks files with its own dialogs');
  const where = hostsOf(channel).map((h) => HOST_NAMES[h]);
  return fail('FORBIDDEN', `"${channel}" is not offered in ${HOST_NAMES[host]}: only ${where.join(' and ')} can use it`);
}
