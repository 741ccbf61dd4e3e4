/**
 * What `tidy` promises, as functions that return what breaks the promise (empty: kept):
 * - the text outside the tables is the text as written (its non-space characters, in order);
 * - every cell the reader was sure of reads the same from the tidied text;
 * - checking the tidied text finds the same rules on the same cells and sections;
 * - tidying the tidied text changes nothing.
 */
import { type Cell, check, type CheckResult, type Finding, localize, type Report } from '../../server/src/core';
import { type TidyResult, tidy } from '../../server/src/core';

const compact = (s: string) => s.replace(/\s+/g, '');

/** The text outside the tables' stretches, without white space. */
function outside(text: string, spans: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    out += text.slice(at, s);
    at = Math.max(at, e);
  }
  return compact(out + text.slice(at));
}

export function outsideChanged(text: string, t: TidyResult): string[] {
  const a = outside(
    text,
    t.spans.map((s) => s.from),
  );
  const b = outside(
    t.text,
    t.spans.map((s) => s.to),
  );
  if (a === b) return [];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return [`outside the tables, from character ${i}: «${a.slice(i, i + 30)}» became «${b.slice(i, i + 30)}»`];
}

/**
 * A check that does not trust the spans: every sentence's end (the eight characters before each
 * "。", without white space) is still in the tidied text. Table cells and labels have no "。": a
 * sentence swallowed into a table's stretch and dropped would show here.
 */
export function sentencesLost(text: string, t: TidyResult): string[] {
  const before = compact(text);
  const after = compact(t.text);
  const lost: string[] = [];
  for (let i = before.indexOf('。'); i !== -1; i = before.indexOf('。', i + 1)) {
    const end = before.slice(Math.max(0, i - 8), i + 1);
    if (!after.includes(end)) lost.push(`sentence lost: «${end}»`);
  }
  return lost.slice(0, 3);
}

/** The spans tidied are verbatim too where kept: their text is the same. */
export function verbatimChanged(text: string, t: TidyResult): string[] {
  return t.spans.filter((s) => !s.tidied && text.slice(...s.from) !== t.text.slice(...s.to)).map((s) => `table ${s.table} kept as written but changed`);
}

const key = (slot: string, row: string, col: string) => `${slot}|${row}|${col}`;

function cellsOf(report: Report): Map<string, Cell> {
  const m = new Map<string, Cell>();
  for (const t of report.tables)
    for (const b of t.blocks)
      for (const r of b.rows)
        for (const c of r.cells) {
          const k = key(b.decl.slot, r.decl.id, c.col.id);
          if (!m.has(k)) m.set(k, c);
        }
  return m;
}

const asRead = (c: Cell) => {
  const blank = c.state === 'blank' || c.state === 'missing';
  return JSON.stringify({ blank, state: blank ? 'blank' : c.state, value: c.value, unit: c.unit, sign: c.sign });
};

export function cellsChanged(before: Report, after: Report): string[] {
  const a = cellsOf(before);
  const b = cellsOf(after);
  const out: string[] = [];
  for (const [k, c] of a) {
    if (c.confidence !== 'certain') continue;
    const d = b.get(k);
    if (!d) out.push(`${k}: not read after tidying`);
    else if (asRead(c) !== asRead(d)) out.push(`${k}: ${asRead(c)} became ${asRead(d)}`);
  }
  return out;
}

/**
 * A finding as a person reads it, without its line: its rule, the section it stands in and its
 * message (which names the cell, the row or the heading).
 */
function findingKey(r: CheckResult, f: Finding): string {
  const s = r.report.sections.find((x) => x.range[0] <= f.range[0] && f.range[0] < x.range[1]);
  return `${f.rule} @ ${s ? `section ${s.decl.number}` : 'before the sections'}: ${localize(f.message, 'zh')}`;
}

export function findingKeys(r: CheckResult): string[] {
  return [...new Set(r.findings.map((f) => findingKey(r, f)))].sort();
}

export function findingsChanged(before: CheckResult, after: CheckResult): string[] {
  const a = findingKeys(before);
  const b = findingKeys(after);
  return [...a.filter((x) => !b.includes(x)).map((x) => `lost: ${x}`), ...b.filter((x) => !a.includes(x)).map((x) => `new: ${x}`)];
}

/** Every broken promise of tidying `text`. */
export function tidyProblems(text: string): { result: TidyResult; problems: string[] } {
  const result = tidy(text);
  const before = check(text);
  const after = check(result.text);
  const again = tidy(result.text);
  const problems = [
    ...outsideChanged(text, result),
    ...sentencesLost(text, result),
    ...verbatimChanged(text, result),
    ...cellsChanged(before.report, after.report),
    ...findingsChanged(before, after),
    ...(again.text === result.text ? [] : ['tidying the tidied text changes it']),
  ];
  return { result, problems };
}
