import type { Command } from 'commander';
import { AppFailure } from '#shared/ipc/errors';
import { envelope, toJsonWorkspace } from '../json-build';
import { runAction, type CommonOptions } from '../output';
import { withCore, type CliContext } from '../session';

/** Registers `workspace create`. */
export function registerWorkspaceCommands(program: Command, ctx: CliContext): void {
  const workspace = program.command('workspace').description('create workspace files');

  workspace
    .command('create')
    .description('create a new, empty workspace file (refuses to overwrite an existing file)')
    .argument('<file>', 'path of the new workspace, e.g. team.slowb')
    .option('--json', 'print the result as JSON (format slo-workbench/v1)')
    .action(
      runAction<[string], CommonOptions>(ctx, async (file) => {
        const state = await withCore(ctx, (core) => core.call('workspace/create', { path: file }, { '*': 'FILE', path: 'FILE' }));
        if (!state.workspace) throw new AppFailure('INTERNAL', 'The workspace was not created');
        const info = toJsonWorkspace(state.workspace);
        return {
          json: { ...envelope('workspace create'), workspace: info },
          text: [`Created workspace ${info.path} (schema ${info.schemaVersion})`],
        };
      }),
    );
}
