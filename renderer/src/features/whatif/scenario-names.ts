// Names for scenarios made from a preset or as a copy: the core refuses a second scenario of the same name on one
// SLI, so a new one takes the first free "name 2", "name 3", … (compared as the core compares, ignoring case).

/** `wanted`, or the first of "wanted 2", "wanted 3", … that no scenario of the SLI has. */
export function freeName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.trim().toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted} ${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
