import { checkName, type FieldCheck } from '../domain/validation';
import { MAX_REVIEW_TEXT, MAX_ROLE_LENGTH } from './types';

/** Checks a role name and writes it as stored: trimmed, lower case ("Engineering" is engineering), at most 40 characters. */
export function checkRole(text: string): FieldCheck<string> {
  const named = checkName(text, 'Role');
  if (!named.ok) return named;
  if (named.value.length > MAX_ROLE_LENGTH) return { ok: false, message: `Role must be at most ${MAX_ROLE_LENGTH} characters` };
  return { ok: true, value: named.value.toLowerCase() };
}

/** Checks the list of required roles: at least one, each a role name, none twice. */
export function checkRequiredRoles(roles: readonly string[]): FieldCheck<string[]> {
  if (roles.length === 0) return { ok: false, message: 'At least one role must approve a version' };
  const out: string[] = [];
  for (const text of roles) {
    const role = checkRole(text);
    if (!role.ok) return role;
    if (out.includes(role.value)) return { ok: false, message: `Role "${role.value}" is listed twice` };
    out.push(role.value);
  }
  return { ok: true, value: out };
}

/** Checks a rationale or comment: at most MAX_REVIEW_TEXT characters, trimmed. */
export function checkReviewText(text: string, what: string, required = false): FieldCheck<string> {
  const trimmed = text.trim();
  if (required && trimmed === '') return { ok: false, message: `${what} must not be empty` };
  if (trimmed.length > MAX_REVIEW_TEXT) return { ok: false, message: `${what} must be at most ${MAX_REVIEW_TEXT} characters` };
  return { ok: true, value: trimmed };
}
