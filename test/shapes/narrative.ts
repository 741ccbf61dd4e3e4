/**
 * The narrative of the generated reports, taken from the example reports (examples/, examples/errors/):
 * their introductions, section 一's subsections, 五 and 六, mixed across examples, with the body's
 * name and the years replaced. Sentences that repeat a figure of the tables are dropped, and the
 * figures are written again from the generated tables, so that text and tables agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatById, type FormatId } from '../../server/src/core';
import { NONE_CLAIMS, TEXT_CLAIMS } from '../../server/src/core/formats/claims';
import { cellKey } from '../property/gen';
import { chance, pick, type Rand } from './random';

export interface Narrative {
  intro: string[];
  overview: string[];
  activeLead: string;
  requestsLead: string;
  reviewLead: string;
  problems: string[];
  other: string[];
  signature: string[];
}

interface Example {
  year: number;
  body: string;
  intro: string[];
  lead: string[];
  /** 一's subsections （一）…（五）: their paragraphs, the first one starting with the subsection's title. */
  subs: Map<number, string[]>;
  problems: string[];
  other: string[];
}

const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');
const HAN = '一二三四五六';

function readExamples(): Example[] {
  const files = [
    ...readdirSync(EXAMPLES_DIR)
      .filter((f) => /\.(txt|md)$/.test(f))
      .map((f) => join(EXAMPLES_DIR, f)),
    ...readdirSync(join(EXAMPLES_DIR, 'errors'))
      .filter((f) => /\.txt$/.test(f))
      .map((f) => join(EXAMPLES_DIR, 'errors', f)),
  ].sort();
  return files.map((file) => {
    const lines = readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((l) =>
        l
          .replace(/^#+\s*/, '')
          .replace(/\*\*/g, '')
          .trim(),
      );
    const titleAt = lines.findIndex((l) => /\d{4}年政府信息公开工作年度报告$/.test(l));
    const m = /^(.*?)(\d{4})年政府信息公开工作年度报告$/.exec(lines[titleAt]!)!;
    const ex: Example = { year: Number(m[2]), body: m[1]!, intro: [], lead: [], subs: new Map(), problems: [], other: [] };
    let section = 0;
    let sub = 0;
    for (const l of lines.slice(titleAt + 1)) {
      if (!l || l.includes('\t') || l.startsWith('|') || l.startsWith('[bookmark') || l.includes(' > ')) continue;
      const h = /^([一二三四五六])、/.exec(l);
      if (h && l.length < 40 && !l.includes('。')) {
        section = HAN.indexOf(h[1]!) + 1;
        sub = 0;
        continue;
      }
      if (l === ex.body || /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l)) continue;
      if (section === 0) ex.intro.push(l);
      else if (section === 1) {
        const s = /^（([一二三四五])）/.exec(l);
        if (s) sub = HAN.indexOf(s[1]!) + 1;
        if (sub === 0) ex.lead.push(l);
        else {
          const paras = ex.subs.get(sub) ?? [];
          // A title on its own line ("（一）主动公开") becomes the start of its first paragraph.
          if (paras.length === 1 && /^（[一二三四五]）[^。]{2,20}$/.test(paras[0]!)) paras[0] = `${paras[0]}。${l}`;
          else paras.push(l);
          ex.subs.set(sub, paras);
        }
      } else if (section === 5) ex.problems.push(l);
      else if (section === 6) ex.other.push(l);
    }
    return ex;
  });
}

let EXAMPLES: Example[] | null = null;

/** Claim keys: a sentence with one of them and a number repeats a figure of the tables. */
const KEYS = [...new Set([...TEXT_CLAIMS.flatMap((c) => c.keys), ...NONE_CLAIMS.flatMap((c) => c.keys), '申请'])];
const FIGURE = /\d|[一二两三四五六七八九十百]+\s*(件|起|宗|次|个|条|份)/;

function sentences(p: string): string[] {
  return p.match(/[^。！？]+[。！？]?/g) ?? [];
}

/** A paragraph without the sentences that state figures of the tables; empty when nothing is left. */
function clean(p: string): string {
  return sentences(p)
    .filter((s) => !(KEYS.some((k) => s.includes(k)) && FIGURE.test(s)))
    .join('');
}

/** At most `n` sentences of a paragraph: keeps the texts short. */
function shorten(p: string, n: number): string {
  return sentences(p).slice(0, n).join('');
}

function adapt(p: string, ex: Example, body: string, year: number, format: FormatId): string {
  let t = p.split(ex.body).join(body);
  t = t.replace(/(\d{4})(?=年)/g, (y) => (Number(y) >= 2000 && Number(y) <= 2035 ? String(Number(y) - ex.year + year) : y));
  t = t.replace(/国办公开办函〔20\d\d〕\d+号/g, formatById(format)!.source);
  if (format === '2019') t = t.replace('年度报告格式〉', '年度报告格式（试行）〉');
  return t;
}

export function makeNarrative(rep: { format: FormatId; year: number; body: string; cells: Map<string, string | null> }, r: Rand): Narrative {
  EXAMPLES ??= readExamples();
  const { format, year, body } = rep;
  const ex = () => pick(r, EXAMPLES!);
  const ad = (p: string, e: Example) => adapt(p, e, body, year, format);
  const num = (slot: string, row: string, col: string) => rep.cells.get(cellKey(slot, row, col)) ?? null;

  // Introduction: the example's, with the statistics period always stated.
  const ie = ex();
  const intro = ie.intro.map((p) => ad(clean(p), ie)).filter(Boolean);
  if (!intro.some((p) => p.includes('统计期限'))) intro.push(`本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`);

  // 一: a lead paragraph, then （一）…（五） from any example, each kept short.
  const overview: string[] = [];
  const le = ex();
  for (const p of le.lead.slice(0, 1)) if (clean(p)) overview.push(ad(shorten(clean(p), 2), le));
  for (let k = 1; k <= 5; k++) {
    const withSub = EXAMPLES!.filter((e) => e.subs.has(k));
    const se = pick(r, withSub);
    const paras = se.subs
      .get(k)!
      .slice(0, 2)
      .map((p) => ad(shorten(clean(p), 3), se))
      .filter(Boolean);
    if (k === 2) {
      // The figures of 表三, as the narrative repeats them.
      const parts: string[] = [];
      const n = num('requests', 'new', 'total');
      const c = num('requests', 'carried', 'total');
      const t = num('requests', 'total', 'total');
      const o = num('requests', 'carryover', 'total');
      if (n !== null) parts.push(`全年共收到政府信息公开申请${n}件`);
      if (c !== null) parts.push(`上年结转${c}件`);
      if (t !== null) parts.push(`办结${t}件`);
      if (o !== null) parts.push(`结转下年度继续办理${o}件`);
      const claim = parts.length ? `${parts.join('，')}。` : '';
      const title = /^（二）[^。]*。/.exec(paras[0] ?? '')?.[0] ?? '（二）依申请公开。';
      paras[0] = title + claim + (paras[0]?.slice(title.length) ?? '');
    }
    if (k === 3 && format === '2021') {
      const cur = num('active.1', 'normative', 'current');
      if (cur !== null && chance(r, 0.7)) paras.push(`截至年底，现行有效行政规范性文件${cur}件。`);
    }
    if (!paras.length) paras.push(`（${HAN[k - 1]}）${['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障'][k - 1]}。`);
    overview.push(...paras);
  }

  // 四's figures.
  const rev = ['reconsideration', 'direct', 'after'].map((g) => num('review', 'cases', `${g}.total`));
  let reviewLead: string;
  if (rev.some((v) => v === null)) reviewLead = `${year}年，本机关政府信息公开行政复议、行政诉讼情况如下。`;
  else {
    const [a, b, c] = rev.map(Number) as [number, number, number];
    reviewLead =
      a + b + c === 0
        ? `${year}年，本机关未发生政府信息公开行政复议和行政诉讼案件。`
        : `${year}年，本机关共发生政府信息公开行政复议${a}件、行政诉讼${b + c}件，具体情况如下。`;
  }

  const pe = ex();
  const problems = pe.problems
    .slice(0, 3)
    .map((p) => ad(shorten(clean(p), 3), pe))
    .filter(Boolean);
  if (!problems.length) problems.push('本机关政府信息公开工作仍存在公开内容不够丰富等问题。');
  const oe = ex();
  const other = oe.other
    .slice(0, 2)
    .map((p) => ad(clean(p), oe))
    .filter(Boolean);
  if (!other.some((p) => p.includes('信息处理费'))) other.unshift('本年度未收取信息处理费。');

  return {
    intro,
    overview,
    activeLead: `${year}年，本机关主动公开政府信息情况如下。`,
    requestsLead: `${year}年，本机关收到和处理政府信息公开申请情况如下。`,
    reviewLead,
    problems,
    other,
    signature: [body, `${year + 1}年1月${5 + Math.floor(r() * 25)}日`],
  };
}
