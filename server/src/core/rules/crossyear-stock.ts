import { msg, type Msg } from '../i18n';
import { fmt } from './util';
import { baseName, inFile, sure, thisYear } from './crossyear-util';
import type { Rule } from './types';

/** A stock that continues: this year's cell, last year's stock cell, and the cells of the change (`year`: whose report holds each). */
interface StockDecl {
  row: string;
  name: Msg;
  /** The stock: this year's cell = last year's same cell + the changes. */
  stock: string;
  plus: { cell: string; year: 'this' | 'last' }[];
  minus: { cell: string; year: 'this' | 'last' }[];
}

const ROW_NAMES: Record<string, Msg> = {
  rules: msg('规章', 'Rules'),
  normative: msg('规范性文件', 'Normative documents'),
  licensing: msg('行政许可', 'Administrative licensing'),
  services: msg('其他对外管理服务事项', 'Other public services'),
  penalty: msg('行政处罚', 'Administrative penalties'),
  coercion: msg('行政强制', 'Administrative coercion'),
  fees: msg('行政事业性收费', 'Administrative fees'),
};

/** By format: the stocks that continue when both years use it. Across the change of format no column continues. */
const STOCKS: Record<string, StockDecl[]> = {
  '2021': ['rules', 'normative'].map((row) => ({
    row,
    name: msg('现行有效件数', 'in force'),
    stock: 'current',
    plus: [{ cell: 'issued', year: 'this' }],
    minus: [{ cell: 'repealed', year: 'this' }],
  })),
  '2019': [
    ...['rules', 'normative'].map((row) => ({
      row,
      name: msg('对外公开总数量', 'total public'),
      stock: 'total',
      plus: [{ cell: 'published', year: 'this' as const }],
      minus: [],
    })),
    ...['licensing', 'services', 'penalty', 'coercion', 'fees'].map((row) => ({
      row,
      name: msg('上一年项目数量', 'items last year'),
      stock: 'previous',
      plus: [{ cell: 'change', year: 'last' as const }],
      minus: [],
    })),
  ],
};

const active = (year: number, rows: string) =>
  `桐溪区人民政府${year}年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n${rows}`;

/** 表二's stocks continue from last year: in force = last year's + issued − repealed (2021); total = last year's + published, items = last year's + change (2019). */
export const crossyearStock: Rule = {
  id: 'crossyear.stock',
  name: msg('存量与上年报告不衔接', 'Stock does not continue from last year'),
  description: msg(
    '表二的存量应与上一年度报告衔接：2021年格式，现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数（规章、行政规范性文件）；2019年格式，对外公开总数量 = 上年对外公开总数量 + 本年新公开数量，第（五）（六）（八）项上一年项目数量 = 上年报告的上一年项目数量 + 上年报告的本年增/减。两种格式之间不比较（没有相同的栏目）。',
    'Table 2’s stocks continue from last year’s report: 2021 format, in force = last year’s in force + issued − repealed (rules, normative documents); 2019 format, total public = last year’s total + published this year, and items last year = last year’s items + last year’s change for items (5), (6), (8). Not compared across the change of format (no column continues).',
  ),
  severity: 'warning',
  fixable: false,
  doc: {
    rationale: msg(
      '现行有效的规章和规范性文件逐年累计；不衔接往往是清理文件后未说明，或数字有误。',
      'Rules and normative documents in force accumulate year by year; a break is often a clean-up not explained, or a wrong figure.',
    ),
    previous: active(2021, '规章\t0\t0\t2\n行政规范性文件\t4\t0\t18\n'),
    wrong: active(2022, '规章\t0\t0\t2\n行政规范性文件\t3\t1\t21\n'),
    right: active(2022, '规章\t0\t0\t2\n行政规范性文件\t3\t1\t20\n'),
  },
  check({ report, crossyear }) {
    const prev = crossyear?.previous;
    if (!prev) return [];
    const now = thisYear(report);
    const decls = now.format === prev.extract.format ? STOCKS[now.format] : undefined;
    if (!decls) return [];
    const out: ReturnType<Rule['check']> = [];
    const year = prev.extract.year ?? '上一';
    for (const d of decls) {
      const here = now.cells[`${d.row}.${d.stock}`];
      const there = prev.extract.cells[`${d.row}.${d.stock}`];
      const of = (c: { cell: string; year: 'this' | 'last' }) => (c.year === 'this' ? now : prev.extract).cells[`${d.row}.${c.cell}`];
      const plus = d.plus.map(of);
      const minus = d.minus.map(of);
      if (!sure(here) || !sure(there) || !plus.every(sure) || !minus.every(sure)) continue;
      const want = there.value + plus.reduce((s, c) => s + c!.value!, 0) - minus.reduce((s, c) => s + c!.value!, 0);
      if (want === here.value) continue;
      const row = ROW_NAMES[d.row]!;
      const how =
        d.stock === 'current'
          ? msg(
              `${fmt(there.value)} + 本年制发 ${fmt(plus[0]!.value!)} − 本年废止 ${fmt(minus[0]!.value!)}`,
              `${fmt(there.value)} + ${fmt(plus[0]!.value!)} issued − ${fmt(minus[0]!.value!)} repealed`,
            )
          : d.stock === 'total'
            ? msg(`${fmt(there.value)} + 本年新公开 ${fmt(plus[0]!.value!)}`, `${fmt(there.value)} + ${fmt(plus[0]!.value!)} published`)
            : msg(`${fmt(there.value)} + 上年增/减 ${fmt(plus[0]!.value!)}`, `${fmt(there.value)} + last year’s change ${fmt(plus[0]!.value!)}`);
      out.push({
        range: here.range,
        message: msg(
          `${row.zh}${d.name.zh}为 ${fmt(here.value)}，按${year}年报告（${baseName(prev.file)}）应为 ${how.zh} = ${fmt(want)}`,
          `${row.en} ${d.name.en} is ${fmt(here.value)}; from the ${year} report (${baseName(prev.file)}) it would be ${how.en} = ${fmt(want)}`,
        ),
        related: [inFile(prev.file, there, msg(`${year}年报告：${row.zh}${d.name.zh}`, `The ${year} report: ${row.en} ${d.name.en}`))],
      });
    }
    return out;
  },
};
