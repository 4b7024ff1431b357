import type { HandlerMap } from '../context';
import { importSpecs } from '../services/spec-import-service';

/** Spec files (OpenSLO, Sloth, Pyrra) imported as proposals of the services they describe. */
export const specImportHandlers: HandlerMap<'spec/import'> = {
  'spec/import': (args, ctx) => importSpecs(ctx.session, args, ctx.now()),
};
