// Spec files into the workspace: every file read in its own format (shared/specs/spec-files.ts) in a worker with
// time, memory, size, depth and alias limits (spec-read.ts), and refused as a whole when one is invalid, the services they describe checked like typed input, then per service one undoable
// edit of its draft (created when new; its SLIs added or their tiers replaced) and a proposal of the result. The
// approved version is an immutable snapshot, so an import never changes what was approved.
import { checkTargetPpm } from '#shared/domain/percent';
import { TIERS, type Objective } from '#shared/domain/types';
import { checkName } from '#shared/domain/validation';
import type { Args, SpecImportOutcome } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { ImportedService, ImportedSli } from '#shared/specs/imported';
import { specImportOf, type SpecFileRead } from '#shared/specs/spec-files';
import type { CatalogRepo } from '../storage/repos/catalog-repo';
import { checkDetailsFit } from './catalog-service';
import { createProposal } from './review-service';
import { dependencyOrder, putDependencies } from './spec-import-dependencies';
import { readSpecFiles, type SpecReadLimits } from './spec-read';
import type { WorkspaceSession } from './workspace-session';

const refuse = (message: string, field = 'files'): never => {
  throw new AppFailure('INVALID_ARGUMENT', message, { field });
};

/** Every file read, or one refusal listing every problem of every file (nothing is imported from a set with a bad file). */
async function readAll(files: Args<'spec/import'>['files'], limits: SpecReadLimits): Promise<Extract<SpecFileRead, { ok: true }>[]> {
  const read = await readSpecFiles(files, limits);
  const bad = read.flatMap((r) => (r.ok ? [] : r.issues.map((i) => i.message)));
  if (bad.length > 0) {
    throw new AppFailure(
      'INVALID_ARGUMENT',
      `Nothing was imported: ${bad.length === 1 ? bad[0] : `${bad.length} problems:\n${bad.map((m) => `  ${m}`).join('\n')}`}`,
      {
        field: 'files',
        issues: bad,
      },
    );
  }
  return read.filter((r): r is Extract<SpecFileRead, { ok: true }> => r.ok);
}

/** Checks an imported service as the catalog checks typed input; refuses naming the service and SLI. */
function checkService(s: ImportedService): void {
  const name = checkName(s.name, 'Service name');
  if (!name.ok) refuse(`An imported service: ${name.message}`);
  const seen = new Set<string>();
  for (const sli of s.slis) {
    const where = `${s.name} / ${sli.name}`;
    const sliName = checkName(sli.name, 'SLI name');
    if (!sliName.ok) refuse(`${s.name}: ${sliName.message}`);
    if (seen.has(sli.name.toLowerCase())) refuse(`${s.name} names the SLI "${sli.name}" twice`);
    seen.add(sli.name.toLowerCase());
    try {
      checkDetailsFit(sli.kind, sli);
    } catch (error) {
      refuse(`${where}: ${(error as AppFailure).message}`);
    }
    for (const tier of TIERS) {
      const o = sli.objectives[tier];
      const target = o ? checkTargetPpm(o.targetPpm) : null;
      if (target && !target.ok) refuse(`${where}, ${tier}: ${target.message}`);
    }
  }
}

/** Puts one imported SLI into the draft: added when new, else its kind's details and tiers replaced. */
function putSli(repo: CatalogRepo, serviceId: number, sli: ImportedSli): 'added' | 'updated' {
  const found = repo.findSliByName(serviceId, sli.name);
  const details = {
    latencyThresholdMs: sli.latencyThresholdMs,
    freshnessMaxAgeMs: sli.freshnessMaxAgeMs,
    wording: sli.wording,
    queries: sli.queries,
    histogram: sli.histogram,
  };
  let id: number;
  if (found) {
    const stored = repo.getSli(found.id)!;
    if (stored.kind !== sli.kind)
      refuse(`The spec makes "${sli.name}" a ${sli.kind} SLI, but the workspace has it as ${stored.kind}: rename one of them first`);
    repo.updateSli(found.id, stored.name, details);
    for (const tier of TIERS) if (stored.objectives[tier]) repo.deleteObjective(found.id, tier);
    id = found.id;
  } else id = repo.insertSli(serviceId, sli.name, sli.kind, details);
  for (const tier of TIERS) {
    const o: Objective | undefined = sli.objectives[tier];
    if (o) repo.upsertObjective(id, o);
  }
  return found ? 'updated' : 'added';
}

/** Imports spec files: each described service's draft updated in one undoable edit, then proposed as its next version. */
export async function importSpecs(session: WorkspaceSession, args: Args<'spec/import'>, now: number, limits: SpecReadLimits = {}): Promise<SpecImportOutcome> {
  const imported = specImportOf(await readAll(args.files, limits));
  if (imported.services.length === 0) refuse('The files describe no service with an SLO the workspace can hold; see the notes of each file');
  const names = new Set<string>();
  for (const s of imported.services) {
    if (names.has(s.name.toLowerCase())) refuse(`Two of the files describe the service "${s.name}": import them one at a time`);
    names.add(s.name.toLowerCase());
    checkService(s);
    // Checked before anything is written, so a refusal leaves every service as it was.
    const existing = session.reader().findServiceByName(s.name);
    const stored = existing ? session.reader().getService(existing.id) : undefined;
    for (const sli of s.slis) {
      const same = stored?.slis.find((x) => x.name.toLowerCase() === sli.name.toLowerCase());
      if (same && same.kind !== sli.kind) {
        refuse(`The spec makes ${s.name} / ${sli.name} a ${sli.kind} SLI, but the workspace has it as ${same.kind}: rename one of them first`);
      }
    }
  }
  const files = args.files.map((f) => f.name).join(', ');
  const outcome: SpecImportOutcome = { services: [], notes: imported.notes };
  // One transaction for the whole set (each service still its own undo step): a commit per service cost 2 s of
  // fsyncs for 1,000 services (docs/performance.md), and a failure half-way now leaves every service as it was.
  session.batch(() => importServices(session, dependencyOrder(imported.services), args, files, now, outcome));
  return outcome;
}

/** Each imported service's draft edited (SLIs, tiers, dependencies), then proposed, in order; what was done pushed to `outcome`. */
function importServices(
  session: WorkspaceSession,
  services: readonly ImportedService[],
  args: Args<'spec/import'>,
  files: string,
  now: number,
  outcome: SpecImportOutcome,
): void {
  for (const s of services) {
    const existing = session.reader().findServiceByName(s.name);
    const added: string[] = [];
    const updated: string[] = [];
    const serviceId = session.edit(`Import ${s.name} from ${files}`, existing?.id ?? null, (repo, stamp) => {
      const id = existing?.id ?? repo.insertService(s.name, s.owner, s.description, stamp);
      for (const sli of s.slis) (putSli(repo, id, sli) === 'added' ? added : updated).push(sli.name);
      putDependencies(repo, id, s, files, outcome.notes);
      repo.touchService(id, stamp);
      return { serviceId: id, value: id };
    });
    let proposedVersion: number | null = null;
    try {
      proposedVersion = createProposal(session, { serviceId, rationale: args.rationale || `Imported from ${files}` }, now).number;
    } catch (error) {
      // The same plan as the latest version is not proposed twice; anything else is a real failure.
      if (!(error instanceof AppFailure && error.error.code === 'CONFLICT')) throw error;
    }
    outcome.services.push({ name: s.name, created: existing === undefined, slisAdded: added, slisUpdated: updated, proposedVersion });
  }
}
