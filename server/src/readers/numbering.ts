/**
 * Word's automatic numbering (word/numbering.xml): a paragraph with `w:numPr` (its own or its
 * style's) shows a number Word computes, which is in no `w:t`. Chinese reports number their
 * headings this way ("一、", "（一）", "1."), so without it every heading loses its numeral.
 * Counters follow Word: per abstract list (list instances sharing one continue each other unless
 * one restarts with `w:startOverride`), deeper levels restart when a shallower one advances.
 */
import { SaxesParser } from 'saxes';

export interface Level {
  fmt: string;
  text: string;
  start: number;
  suff: string;
}

export interface Numbering {
  /** numId → its abstract list and the levels it restarts. */
  nums: Map<string, { abs: string; starts: Map<number, number>; levels: Map<number, Level> }>;
  abstracts: Map<string, Map<number, Level>>;
}

export const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** An attribute by its local name (`w:val` → "val"). */
export function attr(attrs: Record<string, string>, name: string): string | undefined {
  for (const k in attrs) if (local(k) === name) return attrs[k];
  return undefined;
}

export function parseNumbering(xml: string): Numbering {
  const n: Numbering = { nums: new Map(), abstracts: new Map() };
  const p = new SaxesParser({ position: false });
  let abs: Map<number, Level> | null = null;
  let level: Level | null = null;
  let num: { abs: string; starts: Map<number, number>; levels: Map<number, Level> } | null = null;
  let override = -1;
  p.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    const val = attr(a, 'val') ?? '';
    switch (local(t.name)) {
      case 'abstractNum':
        abs = new Map();
        n.abstracts.set(attr(a, 'abstractNumId') ?? '', abs);
        break;
      case 'lvl': {
        level = { fmt: 'decimal', text: '', start: 1, suff: 'tab' };
        const ilvl = Number(attr(a, 'ilvl') ?? 0);
        if (num && override >= 0) num.levels.set(override, level);
        else abs?.set(ilvl, level);
        break;
      }
      case 'numFmt':
        if (level) level.fmt = val;
        break;
      case 'lvlText':
        if (level) level.text = val;
        break;
      case 'start':
        if (level) level.start = Number(val) || 0;
        break;
      case 'suff':
        if (level) level.suff = val;
        break;
      case 'num':
        num = { abs: '', starts: new Map(), levels: new Map() };
        n.nums.set(attr(a, 'numId') ?? '', num);
        break;
      case 'abstractNumId':
        if (num) num.abs = val;
        break;
      case 'lvlOverride':
        override = Number(attr(a, 'ilvl') ?? 0);
        break;
      case 'startOverride':
        if (num && override >= 0) num.starts.set(override, Number(val) || 0);
        break;
    }
  });
  p.on('closetag', (t) => {
    const name = local(t.name);
    if (name === 'abstractNum') abs = null;
    else if (name === 'lvl') level = null;
    else if (name === 'num') num = null;
    else if (name === 'lvlOverride') override = -1;
  });
  p.write(xml).close();
  return n;
}

const DIGITS = '零一二三四五六七八九';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (chineseCounting / chineseCountingThousand). */
export function chineseNumber(n: number, digits = DIGITS, units = ['', '十', '百', '千']): string {
  if (n <= 0 || n >= 10000) return String(n);
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    out += d === 1 && unit === units[1] && out === '' ? unit : digits[d]! + unit;
  });
  return out;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const HEAVENLY = '甲乙丙丁戊己庚辛壬癸';

function roman(n: number): string {
  const t: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of t)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

function letter(n: number): string {
  const c = String.fromCharCode(97 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter's value in a level's number format. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseNumber(n);
    case 'chineseLegalSimplified':
      return chineseNumber(n, LEGAL, ['', '拾', '佰', '仟']);
    case 'ideographTraditional':
      return HEAVENLY[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerLetter':
      return letter(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** The numbers of a document's numbered paragraphs, computed in document order. */
export class NumberCounter {
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();
  constructor(private readonly numbering: Numbering) {}

  private level(numId: string, ilvl: number): Level | undefined {
    const num = this.numbering.nums.get(numId);
    if (!num) return undefined;
    return num.levels.get(ilvl) ?? this.numbering.abstracts.get(num.abs)?.get(ilvl);
  }

  /** The label a paragraph of list `numId` at level `ilvl` shows ("一、", "（二）"), "" for none or a bullet. */
  next(numId: string, ilvl: number): string {
    const num = this.numbering.nums.get(numId);
    const lvl = this.level(numId, ilvl);
    if (!num || !lvl || numId === '0' || ilvl < 0 || ilvl > 8) return '';
    const key = num.abs || `num:${numId}`;
    const c = this.counters.get(key) ?? [];
    this.counters.set(key, c);
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, s] of num.starts) c[l] = s - 1;
    }
    c[ilvl] = (c[ilvl] ?? (lvl.start || 1) - 1) + 1;
    for (let d = ilvl + 1; d < 9; d++) c[d] = undefined as unknown as number;
    if (lvl.fmt === 'bullet') return '';
    const label = lvl.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = this.level(numId, i);
      return formatNumber(c[i] ?? l?.start ?? 1, i === ilvl ? lvl.fmt : (l?.fmt ?? 'decimal'));
    });
    if (!label || lvl.suff === 'nothing') return label;
    // Word puts a tab (or a space) after the number; after "、" or "）" it reads as nothing.
    return /[、，．.）)：:]$/.test(label) ? label : `${label} `;
  }
}
