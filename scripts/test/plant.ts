// Plants a probe file inside a layer of the repository, asks lint or typecheck about it, and removes it again.
// The lint and typecheck probes (scripts/lint-*.test.ts, scripts/type-zones.test.ts) prove each layer rule still fires.
import { ESLint } from 'eslint';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Writes `code` to a new file with a unique name in `folder` (relative to the root), runs `check` on it, always removes it. */
export async function withPlanted<T>(folder: string, code: string, check: (file: string) => Promise<T> | T, suffix = '.ts'): Promise<T> {
  const file = join(root, folder, `zz-probe-${process.pid}-${randomUUID().slice(0, 8)}${suffix}`);
  writeFileSync(file, code, { flag: 'wx' });
  try {
    return await check(file);
  } finally {
    rmSync(file, { force: true });
  }
}

export type Finding = { rule: string; message: string };

const eslint = new ESLint({ cwd: root });

/** What ESLint, with the project's own eslint.config.js, says about `code` planted in `folder`. */
export function lintPlanted(folder: string, code: string, suffix = '.ts'): Promise<Finding[]> {
  return withPlanted(
    folder,
    code,
    async (file) => {
      const [result] = await eslint.lintFiles([file]);
      return (result?.messages ?? []).map((m) => ({ rule: m.ruleId ?? 'parse', message: m.message }));
    },
    suffix,
  );
}

// The libraries' declaration files (lib.dom.d.ts, @types/node, ...) are parsed once for all probes.
const parsedLibraries = new Map<string, ts.SourceFile | undefined>();

function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, version, onError, fresh) => {
    if (!fileName.includes('/node_modules/')) return read(fileName, version, onError, fresh);
    const key = `${JSON.stringify(version)} ${fileName}`;
    if (!parsedLibraries.has(key)) parsedLibraries.set(key, read(fileName, version, onError, fresh));
    return parsedLibraries.get(key);
  };
  return host;
}

export type TypeReport = { coveredByConfig: boolean; errors: string[] };

/**
 * Typechecks `code` planted in `folder` with the compiler options of the layer's tsconfig (its lib and types: what
 * globals the layer may use). Says whether that tsconfig covers the file, and lists the errors in the file as "TSnnnn: text".
 */
export function typecheckPlanted(tsconfig: string, folder: string, code: string, suffix = '.ts'): Promise<TypeReport> {
  return withPlanted(
    folder,
    code,
    (file) => {
      const parsed = ts.getParsedCommandLineOfConfigFile(
        join(root, tsconfig),
        {},
        {
          ...ts.sys,
          onUnRecoverableConfigFileDiagnostic: (d) => {
            throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
          },
        },
      );
      if (!parsed) throw new Error(`cannot read ${tsconfig}`);
      // One probe file alone: no project build, so no composite rules, and it may read shared/ through #shared.
      const options: ts.CompilerOptions = { ...parsed.options, composite: false, incremental: false, declaration: false, noEmit: true, rootDir: root };
      delete options.tsBuildInfoFile;
      const program = ts.createProgram({ rootNames: [file], options, host: cachingHost(options) });
      const source = program.getSourceFile(file);
      const errors = ts
        .getPreEmitDiagnostics(program, source)
        .filter((d) => d.file === source)
        .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
      return { coveredByConfig: parsed.fileNames.some((f) => join(f) === join(file)), errors };
    },
    suffix,
  );
}
