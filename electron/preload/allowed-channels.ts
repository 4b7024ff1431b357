import { channelsFor } from '#shared/ipc/contract';

/**
 * Channels the renderer may send: those the contract offers Electron's page (no raw file paths; it uses dialogs and
 * picked-file references). The preload build replaces this module with the computed list, so zod never enters the
 * preload bundle.
 */
export const PRELOAD_CHANNELS: readonly string[] = channelsFor('electron');
