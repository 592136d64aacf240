import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The dependency rules of ARCHITECTURE.md, checked on the import statements of src/ and seeds/.

const ROOT = resolve(new URL('..', import.meta.url).pathname);

type Room = 'domain' | 'db' | 'auth' | 'events' | 'services' | 'schema' | 'server' | 'entry' | 'seeds' | 'leaf';

const ALLOWED: Record<Room, Room[]> = {
  domain: ['domain'],
  db: ['db', 'domain', 'leaf'],
  auth: ['auth', 'domain', 'leaf'],
  events: ['events', 'db', 'domain', 'leaf'],
  services: ['services', 'db', 'domain', 'auth', 'events', 'leaf'],
  schema: ['schema', 'services', 'domain', 'leaf'],
  server: ['server', 'schema', 'services', 'events', 'auth', 'db', 'domain', 'leaf'],
  entry: ['entry', 'server', 'schema', 'services', 'events', 'auth', 'db', 'domain', 'seeds', 'leaf'],
  seeds: ['seeds', 'db', 'domain', 'services', 'leaf'],
  leaf: ['leaf'],
};

function roomOf(file: string): Room {
  const path = relative(ROOT, file);
  if (path.startsWith('seeds/')) return 'seeds';
  if (path === 'src/config.ts' || path === 'src/log.ts') return 'leaf';
  if (path === 'src/main.ts' || path === 'src/startup.ts' || path.startsWith('src/cli/')) return 'entry';
  const folder = path.split('/')[1] as Room;
  if (['domain', 'db', 'auth', 'events', 'services', 'schema', 'server'].includes(folder)) return folder;
  throw new Error(`No room for ${path}: add it to ARCHITECTURE.md and this test.`);
}

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Import specifiers, with whether the import brings types only (erased at run time). */
function importsOf(source: string): { specifier: string; typeOnly: boolean }[] {
  return [...source.matchAll(/(import|export)(\s+type)?\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((match) => ({
    specifier: match[3]!,
    typeOnly: match[2] !== undefined,
  }));
}

/** The schema may name the database type to hand it to services, never query it. */
const TYPE_ONLY_ALLOWED: Partial<Record<Room, Room[]>> = { schema: ['db', 'events'] };

describe('architecture', () => {
  it('keeps imports in the allowed direction between rooms', async () => {
    const violations: string[] = [];
    for (const file of [...(await sourceFiles(join(ROOT, 'src'))), ...(await sourceFiles(join(ROOT, 'seeds')))]) {
      const from = roomOf(file);
      const source = await readFile(file, 'utf8');
      for (const { specifier, typeOnly } of importsOf(source)) {
        if (from === 'schema' && specifier === 'drizzle-orm') violations.push(`${relative(ROOT, file)} builds SQL (imports drizzle-orm)`);
        if (!specifier.startsWith('.')) continue;
        const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
        const to = roomOf(target);
        const allowed = ALLOWED[from].includes(to) || (typeOnly && TYPE_ONLY_ALLOWED[from]?.includes(to));
        if (!allowed) violations.push(`${relative(ROOT, file)} (${from}) imports ${relative(ROOT, target)} (${to})`);
        if (to === 'server' && from !== 'server' && relative(ROOT, file) !== 'src/main.ts') {
          violations.push(`${relative(ROOT, file)} imports server code; only src/main.ts may`);
        }
      }
    }
    expect(violations).toEqual([]);
  });
});
