/** Placeholder replaced by the Electron test double; unit tests alias 'electron' here. */
export {};
