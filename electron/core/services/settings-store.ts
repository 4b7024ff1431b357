import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { RecentEntry } from '#shared/ipc/contract';
import { writeFileAtomic } from './atomic-file';

/** How many recent workspaces are remembered. */
export const MAX_RECENT = 10;

const settingsSchema = z.object({
  schemaVersion: z.literal(1),
  recent: z.array(z.object({ path: z.string().min(1), openedAt: z.number() })).max(100),
});

type Settings = z.infer<typeof settingsSchema>;

/** Stable id for a recent entry, so clients never send paths back. */
export function recentId(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 16);
}

/** The per-user settings file: the recent-workspace list. Validated on load, written atomically. */
export class SettingsStore {
  private readonly file: string;
  private settings: Settings;

  constructor(dir: string) {
    this.file = join(dir, 'settings.json');
    mkdirSync(dir, { recursive: true });
    this.settings = this.load();
  }

  private load(): Settings {
    if (!existsSync(this.file)) return { schemaVersion: 1, recent: [] };
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // A damaged settings file only costs the recent list; the workspaces themselves are untouched.
    }
    return { schemaVersion: 1, recent: [] };
  }

  /** The recent workspaces, newest first. */
  recent(): RecentEntry[] {
    return this.settings.recent.map((r) => ({ id: recentId(r.path), name: basename(r.path), location: r.path, exists: existsSync(r.path) }));
  }

  /** The path of a recent entry, by id. */
  pathOf(id: string): string | undefined {
    return this.settings.recent.find((r) => recentId(r.path) === id)?.path;
  }

  /** Moves a path to the top of the recent list. */
  remember(path: string, now: number): void {
    const rest = this.settings.recent.filter((r) => r.path !== path);
    this.settings = { ...this.settings, recent: [{ path, openedAt: now }, ...rest].slice(0, MAX_RECENT) };
    writeFileAtomic(this.file, JSON.stringify(this.settings, null, 2));
  }
}
