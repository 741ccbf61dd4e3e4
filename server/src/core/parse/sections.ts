/** Section headings: canonical, variant, misnumbered, Markdown, or unnumbered. */
import type { FormatDecl, SectionDecl } from '../formats/types';
import type { ExtraHeading, Heading, Range } from '../model';
import { COMPACT_TABLE, compactLabel, compactText, isTrimSpace, type Lines } from '../text';
import type { LineShape } from './shape';

const HAN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function hanToNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s.length === 1) return HAN_DIGITS[s] ?? null;
  if (s.length === 2 && s[0] === '十') return 10 + (HAN_DIGITS[s[1]!] ?? NaN) || null;
  return null;
}

const NUMBERED = /^(第([一二三四五六])部分|([一二三四五六七八九十]{1,2}|\d{1,2}))\s*(?:[、.,:]\s*|(?<=部分)\s*[、.,:]?\s*)/;

const HEADING_START = '一二三四五六七八九十第#*';

export interface HeadingCandidate {
  line: number;
  decl: SectionDecl;
  heading: Heading;
  numbered: boolean;
  /** Found inside a line (a web page run into one line): what follows it on the line is the section's. */
  inline?: boolean;
}

/**
 * What may stand before a heading inside a line: the line's start, a sentence's end, white space, a
 * closing bracket, or the last cell of the previous section's table (a digit, a unit); not a semicolon
 * (a list of the parts: "…；六、其他需要报告的事项。").
 */
const BEFORE_INLINE = new Set([...'。！？!?） )\t\u3000"”0123456789元件条项个%']);
/** What stands before a part's name when a sentence cites it ("见二、…", "“二、…"), not a heading. */
const CITING = new Set([...'见如即的在及和与、“《「（(：:']);
/** What follows a heading in a list of the parts ("一、总体情况；二、…"), not the heading of a section. */
const LIST_AFTER = new Set([...'；;、，,']);

/**
 * Section headings inside lines, for the sections the line-by-line pass did not find: the numeral
 * with "、" and a known wording of the section ("一、总体情况", "三、政府信息依申请公开情况"), after a
 * sentence end, white space or the line's start, and not followed by list punctuation (the
 * introduction's list of the six parts). 表三's rows ("一、本年新收…", "三、本年度办理结果") and a sentence
 * citing a part ("见二、主动公开…") are not headings: their wordings are no section's, or a word stands
 * before them.
 */
export function findInlineHeadings(
  masked: string,
  lines: Lines,
  ignored: Set<number>,
  formats: readonly FormatDecl[],
  found: HeadingCandidate[],
): HeadingCandidate[] {
  const out: HeadingCandidate[] = [];
  const have = new Set(found.filter((c) => c.numbered).map((c) => c.decl.id));
  /** Where the headings found stand: a heading run into a word must stand between its neighbours. */
  const placed = () => [...found, ...out].filter((c) => c.numbered);
  const inOrder = (decl: SectionDecl, at: number) =>
    placed().every((c) => (c.decl.number < decl.number ? c.heading.range[0] < at : c.decl.number > decl.number ? c.heading.range[0] > at : true)) &&
    placed().some((c) => c.decl.number === decl.number - 1);
  for (const decl of formats[0]!.sections) {
    if (have.has(decl.id)) continue;
    const numeral = decl.canonical.slice(0, decl.canonical.indexOf('、'));
    const wordings = [...new Set([decl.canonical.slice(numeral.length + 1), ...decl.variants])]
      .filter((w) => w.length >= 4)
      .sort((a, b) => b.length - a.length);
    let best: HeadingCandidate | null = null;
    for (const w of wordings) {
      const needle = `${numeral}、${w}`;
      for (let at = masked.indexOf(needle); at >= 0; at = masked.indexOf(needle, at + 1)) {
        const before = at > 0 ? masked[at - 1]! : '\n';
        const after = masked[at + needle.length] ?? '\n';
        // Run into a word (a subsection title without its full stop: "…的广度和深度六、其他需要报告的事项"):
        // only the section's own full heading, right after the previous section's, between its neighbours.
        if (before !== '\n' && !BEFORE_INLINE.has(before) && !(w === decl.canonical.slice(numeral.length + 1) && !CITING.has(before) && inOrder(decl, at)))
          continue;
        if (LIST_AFTER.has(after)) continue;
        const line = lines.lineAt(at);
        if (ignored.has(line)) continue;
        if (!best || at < best.heading.range[0]) {
          const range: Range = [at, at + needle.length];
          best = {
            line,
            decl,
            numbered: true,
            inline: true,
            heading: { range, text: needle, numeral, number: decl.number, bodyRange: [at + numeral.length + 1, range[1]] },
          };
        }
        break;
      }
    }
    if (best) out.push(best);
  }
  return out;
}

/** Compact forms of every table row and group label: a line that starts with one is a row, not a heading. */
function rowLabelSet(formats: readonly FormatDecl[]): string[] {
  const set = new Set<string>();
  for (const f of formats) {
    for (const blocks of Object.values(f.blocks)) {
      for (const b of blocks) {
        for (const r of b.rows) for (const l of r.labels) set.add(compactLabel(l).replace(/^[一二三四五六七八九十]+\./, ''));
        for (const g of b.groups) for (const l of g.labels) set.add(compactLabel(l).replace(/^[一二三四五六七八九十]+\./, ''));
      }
    }
  }
  return [...set].filter((s) => s.length >= 4);
}

let cache: {
  formats: readonly FormatDecl[];
  /** Row and group labels by their first character. */
  rowLabels: Map<string, string[]>;
  patterns: { decl: SectionDecl; res: RegExp[]; bodies: Set<string> }[];
  /** The first units of every unnumbered heading's compact form. */
  bodyFirst: Uint8Array;
  /** Every section's patterns as one: a numbered line no section's wording matches is tried once. */
  anyPattern: RegExp;
} | null = null;

/** Han numerals and 第: the units a numbered heading (other than "4、") opens with. */
const NUMERAL_START = new Uint8Array(65536);
for (const ch of '一二三四五六七八九十第') NUMERAL_START[ch.charCodeAt(0)] = 1;

/** Whether [a, z) opens the way NUMBERED needs an Arabic numeral to: one or two digits, white space, then 、.,: */
function arabicNumbered(t: string, a: number, z: number): boolean {
  let k = a;
  while (k < z && k < a + 2 && t.charCodeAt(k) >= 48 && t.charCodeAt(k) <= 57) k++;
  while (k < z && isTrimSpace(t.charCodeAt(k))) k++;
  const c = t.charCodeAt(k);
  return k < z && (c === 0x3001 || c === 46 || c === 44 || c === 58);
}

export function findHeadingCandidates(
  masked: string,
  lines: Lines,
  shape: LineShape,
  ignored: Set<number>,
  formats: readonly FormatDecl[],
): HeadingCandidate[] {
  if (!cache || cache.formats !== formats) {
    const sections = formats[0]!.sections;
    const patterns = sections.map((s) => ({
      decl: s,
      res: s.patterns.map((p) => new RegExp(p)),
      bodies: new Set([s.canonical.replace(/^.、/, ''), ...s.variants].map(compactLabel)),
    }));
    const bodyFirst = new Uint8Array(65536);
    for (const p of patterns) for (const b of p.bodies) bodyFirst[b.charCodeAt(0)] = 1;
    const anyPattern = new RegExp(sections.flatMap((s) => s.patterns.map((p) => `(?:${p})`)).join('|'));
    const rowLabels = new Map<string, string[]>();
    for (const r of rowLabelSet(formats)) {
      const list = rowLabels.get(r[0]!);
      if (list) list.push(r);
      else rowLabels.set(r[0]!, [r]);
    }
    cache = { formats, rowLabels, patterns, bodyFirst, anyPattern };
  }
  const { rowLabels, patterns, bodyFirst, anyPattern } = cache;
  const out: HeadingCandidate[] = [];
  const starts = lines.starts;
  const skipSome = ignored.size > 0;
  for (let l = 0; l < starts.length; l++) {
    if (skipSome && ignored.has(l)) continue;
    const s = starts[l]!;
    const e = l + 1 < starts.length ? starts[l + 1]! - 1 : masked.length;
    // Cheap rejections first: most lines are prose (long) or table cells (no Chinese).
    const a = shape.indent[l]!;
    const z = shape.contentEnd[l]!;
    if (z - a < 3 || z - a > 60) continue;
    // An indented line is a heading only if it is numbered (most indented lines are table cells).
    if (a > s && !HEADING_START.includes(masked[a]!) && !(masked.charCodeAt(a) >= 48 && masked.charCodeAt(a) <= 57)) continue;
    // What the line opens with rules most lines out before any regular expression runs (no Markdown
    // marks, so the content starts at `a`): an Arabic numeral must read as one ("4、"); a line without
    // a numeral is a heading only as a whole known wording, whose first unit it must then have.
    const c0 = masked.charCodeAt(a);
    if (c0 !== 35 && c0 !== 42 && !isTrimSpace(c0)) {
      if (c0 >= 48 && c0 <= 57) {
        if (!arabicNumbered(masked, a, z)) continue;
      } else if (!NUMERAL_START[c0]) {
        const m = COMPACT_TABLE[c0]!;
        if (m !== 0xffff && !bodyFirst[m === 0 ? c0 : m]) continue;
      }
      // A line that opens with a numeral and no known wording is a heading only if numbered, and
      // then its body names a section: a line with none of the wordings is none (the rows 1.–8.).
      if (((c0 >= 48 && c0 <= 57) || NUMERAL_START[c0]) && !bodyFirst[c0] && !anyPattern.test(masked.slice(a, z))) continue;
    }
    const raw = masked.slice(s, e);
    // Leading white space, Markdown heading marks and bold.
    const lead = /^[ \t]*(#{1,6}[ \t]+)?(\*\*)?[ \t]*/.exec(raw)![0];
    const indented = /^[ \t]/.test(raw) && !/^#/.test(raw.trimStart());
    let content = raw.slice(lead.length);
    let end = content.length;
    while (end > 0 && (isTrimSpace(content.charCodeAt(end - 1)) || content.charCodeAt(end - 1) === 42 || content.charCodeAt(end - 1) === 58)) end--;
    content = content.slice(0, end);
    if (!content || content.length > 48) continue;
    const start = s + lead.length;
    const m = NUMBERED.exec(content);
    let numeral: string | null = null;
    let number: number | null = null;
    let bodyOffset = 0;
    if (m) {
      numeral = m[2] ?? m[3]!;
      number = hanToNumber(numeral);
      bodyOffset = m[0].length;
    }
    const body = content.slice(bodyOffset);
    if (body.length < 2 || body.length > 40 || (/[。;；]$/.test(body) && body.length > 16) || !/[\u4e00-\u9fff]/.test(body)) continue;
    let matched: SectionDecl[] = [];
    let cbody: string;
    if (m) {
      // A numbered heading: its wording must name the section; the sentence-like are prose.
      if (/[,，]/.test(body) && body.length > 24) continue;
      if (!anyPattern.test(body)) continue;
      matched = patterns.filter((p) => p.res.some((re) => re.test(body))).map((p) => p.decl);
      if (!matched.length) continue;
      cbody = compactText(body);
    } else {
      if (indented) continue;
      cbody = compactText(body);
      matched = patterns.filter((p) => p.bodies.has(cbody)).map((p) => p.decl);
      if (!matched.length) continue;
    }
    if (rowLabels.get(cbody[0]!)?.some((r) => cbody.startsWith(r))) continue;
    const decl = matched.find((d) => d.number === number) ?? matched[0]!;
    // "1.主动公开情况" is a numbered paragraph; an Arabic numeral is a heading only in its own place ("4、").
    if (numeral && /^\d/.test(numeral) && number !== decl.number) continue;
    const range: Range = [start, start + content.length];
    out.push({
      line: l,
      decl,
      numbered: !!m,
      heading: { range, text: content, numeral, number, bodyRange: [start + bodyOffset, start + content.length] },
    });
  }
  return out;
}

export interface ChosenHeadings {
  chosen: HeadingCandidate[];
  extra: ExtraHeading[];
  /** Headings whose position breaks the declared order. */
  misplaced: HeadingCandidate[];
}

/** One heading per section (the first numbered one; unnumbered only when there is none), the rest extra. */
export function chooseHeadings(cands: HeadingCandidate[]): ChosenHeadings {
  const byId = new Map<string, HeadingCandidate>();
  const extra: ExtraHeading[] = [];
  for (const c of cands) {
    if (!c.numbered) continue;
    if (byId.has(c.decl.id)) extra.push({ decl: c.decl, heading: c.heading });
    else byId.set(c.decl.id, c);
  }
  for (const c of cands) {
    if (c.numbered || byId.has(c.decl.id)) continue;
    byId.set(c.decl.id, c);
  }
  const chosen = [...byId.values()].sort((a, b) => a.heading.range[0] - b.heading.range[0]);
  // Longest increasing subsequence of section numbers: the rest are out of order.
  const n = chosen.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (chosen[j]!.decl.number < chosen[i]!.decl.number && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
    }
  }
  let top = 0;
  for (let i = 1; i < n; i++) if (len[i]! > len[top]!) top = i;
  const keep = new Set<number>();
  for (let i = n ? top : -1; i !== -1; i = prev[i]!) keep.add(i);
  const misplaced = chosen.filter((_, i) => !keep.has(i));
  return { chosen, extra, misplaced };
}
