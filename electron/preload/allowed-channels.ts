import { CHANNELS, PATH_CHANNELS } from '#shared/ipc/contract';

const pathChannels: readonly string[] = PATH_CHANNELS;

/**
 * Channels the renderer may send: the contract minus those taking raw file paths (Electron uses dialogs).
 * The preload build replaces this module with the computed list, so zod never enters the preload bundle.
 */
export const PRELOAD_CHANNELS: readonly string[] = CHANNELS.filter((c) => !pathChannels.includes(c));
