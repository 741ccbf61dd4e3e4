/**
 * The formats nianbao knows, as a registry of their declarations: everything that depends on which
 * formats exist (the parser's choice, the year → format rule, the settings and config values, the
 * template, the manifest) reads it here, so that a new format is one new declaration.
 *
 * The list is replaced, never mutated: `formats()` returns the same array until a format is
 * registered, closed or removed, so a cache keyed by that array (a WeakMap, or `cache.formats !==
 * formats`) is invalidated by the change itself.
 *
 * Pure data and functions: the VS Code client imports this module (and nothing else of the core)
 * for its year picker.
 */
import { FORMAT_2019 } from './f2019';
import { FORMAT_2021 } from './f2021';
import type { BlockDecl, FormatDecl, FormatId } from './types';

/** The formats the code declares, oldest first. */
const BUILT_IN: readonly FormatDecl[] = Object.freeze([FORMAT_2019, FORMAT_2021]);

/** Values a format id may not take: they mean something else where a format is chosen. */
const RESERVED = new Set(['auto', 'unknown']);

let current: readonly FormatDecl[] = BUILT_IN;
let membership: WeakMap<BlockDecl, readonly FormatId[]> | null = null;

function set(list: FormatDecl[]): void {
  list.sort((a, b) => a.years[0] - b.years[0]);
  current = Object.freeze(list);
  membership = null;
}

/** Every format, oldest first (by first year). The same array until the registry changes. */
export function formats(): readonly FormatDecl[] {
  return current;
}

/** The ids of every format, oldest first. */
export function formatIds(): FormatId[] {
  return current.map((f) => f.id);
}

export function formatById(id: string): FormatDecl | undefined {
  return current.find((f) => f.id === id);
}

/** Whether a value is the id of a registered format. */
export function isFormatId(id: unknown): id is FormatId {
  return typeof id === 'string' && current.some((f) => f.id === id);
}

/** The format a report for `year` must use, or null for a year no format covers. */
export function formatForYear(year: number): FormatId | null {
  for (let i = current.length - 1; i >= 0; i--) {
    const [from, to] = current[i]!.years;
    if (year >= from && (to === null || year <= to)) return current[i]!.id;
  }
  return null;
}

/** The first year any format covers: reports before it have no format. */
export function firstFormatYear(): number {
  return current[0]!.years[0];
}

/**
 * The formats a block belongs to: those whose declaration lists it (the very object). A block
 * shared by every format (表四) tells no format from another.
 */
export function blockFormats(block: BlockDecl): readonly FormatId[] {
  if (!membership) {
    const m = new WeakMap<BlockDecl, FormatId[]>();
    for (const f of current) {
      for (const list of Object.values(f.blocks)) {
        for (const b of list) {
          const ids = m.get(b);
          if (!ids) m.set(b, [f.id]);
          else if (!ids.includes(f.id)) ids.push(f.id);
        }
      }
    }
    membership = m;
  }
  return membership.get(block) ?? [];
}

/** Whether a block belongs to the format `id`. */
export function blockIn(block: BlockDecl, id: FormatId | null | undefined): boolean {
  return !!id && blockFormats(block).includes(id);
}

/** What is wrong with a declaration beside the registered ones (empty when nothing is). */
export function formatProblems(decl: FormatDecl, others: readonly FormatDecl[] = current.filter((f) => f !== decl && f.id !== decl.id)): string[] {
  const out: string[] = [];
  if (!/^[0-9A-Za-z][0-9A-Za-z._-]*$/.test(decl.id) || RESERVED.has(decl.id))
    out.push(`format id "${decl.id}" must be a plain name other than ${[...RESERVED].join(', ')}`);
  if (others.some((f) => f.id === decl.id)) out.push(`format "${decl.id}" is declared twice`);
  const [from, to] = decl.years;
  if (!Number.isInteger(from) || (to !== null && (!Number.isInteger(to) || to < from))) out.push(`format "${decl.id}": years [${from}, ${to}] are not a range`);
  for (const f of others) {
    const [a, b] = f.years;
    if ((to === null || to >= a) && (b === null || b >= from)) out.push(`format "${decl.id}": years [${from}, ${to}] overlap those of "${f.id}" [${a}, ${b}]`);
  }
  for (const t of decl.tables) {
    const blocks = decl.blocks[t.id];
    if (!blocks?.length) {
      out.push(`format "${decl.id}": no blocks for table "${t.id}"`);
      continue;
    }
    for (const b of blocks) {
      const rows = new Set(b.rows.map((r) => r.id));
      const cols = new Set(b.columns.map((c) => c.id));
      for (const s of b.sums) {
        for (const c of [...s.left, ...s.right, s.anchor]) {
          if (!rows.has(c.row) || !cols.has(c.col))
            out.push(`format "${decl.id}": sum "${s.id}" of block "${b.id}" names cell ${c.row}:${c.col}, not declared`);
        }
      }
      for (const r of b.rows)
        if (r.group && !b.groups.some((g) => g.id === r.group) && !b.unlabelled)
          out.push(`format "${decl.id}": row "${r.id}" of block "${b.id}" is in undeclared group "${r.group}"`);
    }
  }
  // The parser finds sections and tables by the oldest format's declarations: every format has the same ones.
  const first = others[0];
  if (first) {
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id).join(',');
    if (ids(decl.sections) !== ids(first.sections)) out.push(`format "${decl.id}": sections ${ids(decl.sections)} differ from ${ids(first.sections)}`);
    if (ids(decl.tables) !== ids(first.tables)) out.push(`format "${decl.id}": tables ${ids(decl.tables)} differ from ${ids(first.tables)}`);
  }
  return out;
}

/** Adds a format. Throws when its declaration is inconsistent or its years overlap another's (close that one first). */
export function registerFormat(decl: FormatDecl): void {
  const problems = formatProblems(decl, current);
  if (problems.length) throw new Error(problems.join('; '));
  set([...current, decl]);
}

/** Ends a format's years at `lastYear` (a new format takes over from the year after). */
export function closeFormat(id: FormatId, lastYear: number): void {
  const f = formatById(id);
  if (!f) throw new Error(`no format "${id}"`);
  if (!Number.isInteger(lastYear) || lastYear < f.years[0]) throw new Error(`format "${id}" starts in ${f.years[0]}: cannot end in ${lastYear}`);
  set(current.map((x) => (x === f ? { ...f, years: [f.years[0], lastYear] } : x)));
}

/** Removes a format. */
export function unregisterFormat(id: FormatId): void {
  if (!formatById(id)) throw new Error(`no format "${id}"`);
  if (current.length === 1) throw new Error('the last format cannot be removed');
  set(current.filter((f) => f.id !== id));
}

/** Back to the formats the code declares. */
export function resetFormats(): void {
  if (current === BUILT_IN) return;
  current = BUILT_IN;
  membership = null;
}
