/** The one IPC channel the preload sends commands on; main answers it through the command wrapper. */
export const IPC_INVOKE = 'slo-workbench:invoke';

/** The one IPC channel main pushes core events on, as (event name, payload). */
export const IPC_EVENT = 'slo-workbench:event';
