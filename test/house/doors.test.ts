import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rules, read from the import statements of the product's code (src, db, bench,
 * scripts): every folder is a room whose `index.ts` is its only door for code outside it, and the
 * rooms under one parent import each other without a cycle. Tests may reach inside a room to
 * exercise its private functions, so they are not held to the doors.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const CODE = ['src', 'db', 'bench', 'scripts'];
const IMPORT = /^\s*(?:import|export)\s[^'";]*?from\s+'(\.[^']*)'/gm;
const DYNAMIC = /import\(\s*'(\.[^']*)'\s*\)/g;

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : codeFiles(path);
    return /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  throw new Error(`${relative(ROOT, from)} imports ${specifier}, which does not exist`);
}

interface Edge {
  from: string;
  to: string;
}

const edges: Edge[] = CODE.flatMap((folder) =>
  codeFiles(join(ROOT, folder)).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(IMPORT), ...text.matchAll(DYNAMIC)].map((match) => ({
      from: relative(ROOT, file),
      to: relative(ROOT, resolveImport(file, match[1]!)),
    }));
  }),
);

const isWithin = (dir: string, ancestor: string) =>
  dir === ancestor || dir.startsWith(ancestor + sep);

/** Why an import breaks the doors rule, or undefined when it keeps it. */
export function doorBreach({ from, to }: Edge): string | undefined {
  const fromDir = dirname(from);
  const toDir = dirname(to);
  if (fromDir === toDir) return undefined;
  // The rooms are the product's folders; src's own files (the app, the server) are its front door.
  if (!isWithin(toDir, 'src') && !isWithin(toDir, 'db')) return undefined;
  if (toDir === 'src') return undefined;
  // A room's own loose files are reachable from the rooms inside it.
  if (isWithin(fromDir, toDir)) return undefined;
  if (to.endsWith(`${sep}index.ts`)) return undefined;
  return `${from} reaches into ${toDir} past its door: import from '${toDir}' (index.ts)`;
}

/** The folder directly under `parent` that holds `path`, or undefined when `path` is not below it. */
function childOf(parent: string, path: string): string | undefined {
  const rest = relative(parent, path);
  if (rest.startsWith('..') || !rest.includes(sep)) return undefined;
  return join(parent, rest.split(sep)[0]!);
}

/** The cycles (as lists of folders) among the folders directly under `parent`. */
export function folderCycles(parent: string, imports: readonly Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    const a = childOf(parent, from);
    const b = childOf(parent, to);
    if (!a || !b || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  // Tarjan's strongly connected components: a component of more than one folder is a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

function folders(dir: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((name) => statSync(join(ROOT, dir, name)).isDirectory())
    .flatMap((name) => [join(dir, name), ...folders(join(dir, name))]);
}

describe('the house', () => {
  it('reads the imports of the whole product', () => {
    expect(edges.length).toBeGreaterThan(1000);
  });

  it('enters every folder by its index.ts', () => {
    expect(edges.map(doorBreach).filter(Boolean)).toEqual([]);
  });

  it('has no import cycle between the folders of any room', () => {
    const parents = ['.', 'src', ...folders('src')];
    expect(parents.flatMap((parent) => folderCycles(parent, edges))).toEqual([]);
  });

  it('keeps the ledger below the rooms that post to it', () => {
    const ledgerImports = edges.filter(({ from }) => from.startsWith(join('src', 'ledger') + sep));
    expect(ledgerImports.filter(({ to }) => to.startsWith(join('src', 'write-offs')))).toEqual([]);
  });

  it('keeps the reconciliation above transfer: only the src root imports it', () => {
    const room = join('src', 'reconciliation');
    const importers = edges.filter(
      ({ from, to }) => isWithin(dirname(to), room) && !isWithin(dirname(from), room),
    );
    expect(importers.map(({ from }) => dirname(from))).toEqual(importers.map(() => 'src'));
  });

  it('would catch a breach and a cycle', () => {
    const breach = { from: 'src/a/x.ts', to: 'src/b/y.ts' };
    expect(doorBreach(breach)).toMatch(/past its door/);
    expect(doorBreach({ from: 'src/a/x.ts', to: 'src/b/index.ts' })).toBeUndefined();
    expect(doorBreach({ from: 'src/a/inner/x.ts', to: 'src/a/y.ts' })).toBeUndefined();
    const cycle = [
      { from: 'src/a/x.ts', to: 'src/b/index.ts' },
      { from: 'src/b/y.ts', to: 'src/a/index.ts' },
    ];
    expect(folderCycles('src', cycle)).toEqual([['src/a', 'src/b']]);
  });
});
