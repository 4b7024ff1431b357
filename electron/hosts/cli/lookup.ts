import type { Service, Sli } from '#shared/domain/types';
import { checkName } from '#shared/domain/validation';
import { refuse, type CliCore } from './session';

/** Folds ASCII letters only, exactly like SQLite's NOCASE collation that makes stored names unique. */
export function foldName(name: string): string {
  return name.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Finds a service by name, case-insensitively; refuses an empty or unknown name, naming the option it came from. */
export async function findService(core: CliCore, name: string, option = '--service'): Promise<Service> {
  const checked = checkName(name, 'Service name');
  if (!checked.ok) refuse('INVALID_ARGUMENT', checked.message, 'service', option);
  const services = await core.call('catalog/list', {});
  const wanted = foldName(checked.value);
  const found = services.find((s) => s.name === checked.value) ?? services.find((s) => foldName(s.name) === wanted);
  if (!found) refuse('NOT_FOUND', `There is no service named "${checked.value}"`, 'service', option);
  return found;
}

/** Finds an SLI of a service by name, case-insensitively; refuses an empty or unknown name. */
export function findSli(service: Service, name: string, option = '--sli'): Sli {
  const checked = checkName(name, 'SLI name');
  if (!checked.ok) refuse('INVALID_ARGUMENT', checked.message, 'sli', option);
  const wanted = foldName(checked.value);
  const found = service.slis.find((s) => s.name === checked.value) ?? service.slis.find((s) => foldName(s.name) === wanted);
  if (!found) refuse('NOT_FOUND', `Service "${service.name}" has no SLI named "${checked.value}"`, 'sli', option);
  return found;
}
