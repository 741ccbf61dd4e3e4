import { blockFormats, blockIn, formatById } from '../formats/registry';
import type { BlockDecl, FormatId, GroupDecl, RowDecl } from '../formats/types';
import { msg, type Msg } from '../i18n';
import type { Range, Report, Row } from '../model';
import { requestsExample } from './examples';
import type { Fix, Rule } from './types';
import { fillText, fmt } from './util';

/** "2019年版格式": a format's name without the document it comes from. */
function shortName(id: FormatId): Msg {
  const f = formatById(id);
  if (!f) return msg(id, id);
  return msg(f.name.zh.split('（')[0]!, f.name.en.split(' (')[0]!);
}

/** A group of `decl` whose label is one of the row's (2021's （六）其他处理 for 2019's one row). */
function groupOf(decl: BlockDecl, row: RowDecl): GroupDecl | undefined {
  return decl.groups.find((g) => g.labels.some((l) => row.labels.includes(l)));
}

const quoted = (names: string[]) => names.map((n) => `“${n}”`).join('、');
/** A row's shortest label ("1.申请人无正当理由逾期不补正"), for naming it. */
const short = (r: RowDecl) => r.labels.reduce((a, b) => (b.length < a.length ? b : a), r.labels[0] ?? r.name.zh);

/**
 * Why a block is of the other format, from the two declarations: a row that is a group of several
 * there (or the reverse), rows only one has, columns that differ. The row the reason is about is
 * returned too, to stand the finding on.
 */
export function mixedReason(found: BlockDecl, expected: BlockDecl | undefined, of: FormatId, want: FormatId): { reason: Msg; row?: RowDecl | undefined } {
  const [a, b] = [shortName(of), shortName(want)];
  if (!expected) return { reason: msg(`这是${a.zh}的栏目，${b.zh}没有此栏目`, `a block of the ${a.en}, which the ${b.en} does not have`) };
  const ids = new Set(expected.rows.map((r) => r.id));
  for (const r of found.rows) {
    if (ids.has(r.id)) continue;
    const g = groupOf(expected, r);
    if (g) {
      const parts = expected.rows.filter((x) => x.group === g.id);
      return {
        row: r,
        reason: msg(
          `“${r.labels[0]}”只有一行：这是${a.zh}；${b.zh}分为 ${parts.length} 行：${quoted(parts.map(short))}`,
          `“${r.name.en}” is one row: that is the ${a.en}; the ${b.en} splits it into ${parts.length} rows`,
        ),
      };
    }
  }
  for (const g of found.groups) {
    const one = expected.rows.find((x) => !found.rows.some((r) => r.id === x.id) && g.labels.some((l) => x.labels.includes(l)));
    const parts = found.rows.filter((x) => x.group === g.id);
    if (one && parts.length)
      return {
        row: parts[0],
        reason: msg(
          `“${g.labels[0]}”分为 ${parts.length} 行：这是${a.zh}；${b.zh}只有一行`,
          `“${g.name.en}” is split into ${parts.length} rows: that is the ${a.en}; the ${b.en} has one row`,
        ),
      };
  }
  const cols = (d: BlockDecl) => d.columns.map((c) => c.name.zh);
  if (cols(found).join() !== cols(expected).join())
    return {
      reason: msg(
        `栏目为${quoted(cols(found))}：这是${a.zh}；${b.zh}为${quoted(cols(expected))}`,
        `its columns are those of the ${a.en}: ${found.columns.map((c) => c.name.en).join(', ')}; the ${b.en} has ${expected.columns.map((c) => c.name.en).join(', ')}`,
      ),
    };
  const only = found.rows.filter((r) => !ids.has(r.id));
  if (only.length)
    return {
      row: only[0],
      reason: msg(
        `有${quoted(only.map((r) => r.name.zh))}：这是${a.zh}才有的行`,
        `it has ${only.map((r) => `“${r.name.en}”`).join(', ')}, rows of the ${a.en} only`,
      ),
    };
  return { reason: msg(`这是${a.zh}`, `it is the ${a.en}`) };
}

/**
 * The suggestion for a one-row group of the other format (2019's （六）其他处理 in a 2021 report):
 * the row becomes the group's rows, laid out like it, its numbers under the last (3.其他). A column
 * the old row has as 0 is 0 in every new row (counts are not negative); a column with a figure keeps
 * it under 3.其他 and leaves the other rows blank: how many of them were 1. or 2. only the author
 * knows, and table.cell-blank asks for them. Only for a row read with certainty, on one line.
 */
function splitRowFix(report: Report, row: Row, expected: BlockDecl, group: GroupDecl, want: FormatId): Fix | undefined {
  const text = report.text;
  if (row.confidence !== 'certain' || row.run || row.label[1] <= row.label[0]) return undefined;
  if (row.cells.some((c) => c.state !== 'ok' && c.state !== 'blank')) return undefined;
  if (text.slice(row.range[0], row.range[1]).includes('\n')) return undefined;
  const parts = expected.rows.filter((r) => r.group === group.id);
  if (parts.length < 2 || parts.some((p) => p.labels.length === 0)) return undefined;
  const lineStart = text.lastIndexOf('\n', row.range[0] - 1) + 1;
  let lineEnd = text.indexOf('\n', row.range[1]);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const brk = text[lineEnd] === '\r' ? '\r\n' : '\n';
  const prefix = text.slice(lineStart, row.range[0]);
  const suffix = text.slice(row.range[1], lineEnd);
  const firstCell = row.cells[0]!;
  // The separator after the label as written ("\t", " | "): the group label stands before the first row's.
  const sep = text.slice(row.label[1], firstCell.range[0]) || '\t';
  const lineOf = (label: string, values: (string | null)[]) => {
    let out = label;
    let at = row.label[1];
    row.cells.forEach((c, i) => {
      out += text.slice(at, c.range[0]);
      const v = values[i] ?? null;
      out += v === null ? (c.state === 'blank' ? text.slice(c.range[0], c.range[1]) : '') : c.state === 'blank' ? fillText(c, v) : v;
      at = c.range[1];
    });
    return out;
  };
  const last = parts.length - 1;
  const lines = parts.map((p, k) => {
    const values = row.cells.map((c) => (c.state !== 'ok' ? null : k === last ? c.raw : c.value === 0 ? fmt(0) : null));
    return lineOf(k === 0 ? `${group.labels[0]}${sep}${p.labels[0]}` : p.labels[0]!, values);
  });
  const lastLabel = short(parts[last]!);
  return {
    range: row.range,
    text: lines.join(`${suffix}${brk}${prefix}`),
    title: msg(
      `改为${shortName(want).zh}“${group.labels[0]}”的 ${parts.length} 行，原数字填入“${lastLabel}”（原为 0 的栏各行填 0，其余留空待核）`,
      `Split into the ${parts.length} rows of “${group.name.en}”, the figures under “${lastLabel}” (0 where the row had 0, the rest left blank to check)`,
    ),
  };
}

function labelRange(row: Row): Range {
  return row.label[1] > row.label[0] ? row.label : row.range;
}

/** A 2022 report's 表二 (一) in the 2021 format: what tells the report's format in the examples. */
const ACTIVE_2021 =
  '2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n';

export const formatMixed: Rule = {
  id: 'format.mixed',
  name: msg('新旧格式混用', 'Formats mixed'),
  description: msg(
    '同一报告中的表格混用了不同版本格式的栏目（如 2021 年版表三中只有一行“（六）其他处理”）。提示说明哪里是另一版格式；旧版的一行“（六）其他处理”可按建议改为新版的三行。',
    'Blocks of different formats in one report (e.g. a one-row (6) Other handling in a 2021 table 3). The finding says what marks the other format; the old one-row (6) can be split into the new rows as a suggestion.',
  ),
  severity: 'error',
  fixable: false,
  doc: {
    rationale: msg(
      '混用格式通常是在旧表上局部改动造成的，混用的部分栏目与新格式对不上。',
      'Mixing formats usually means an old table was only partly updated.',
    ),
    wrong: `${ACTIVE_2021}${requestsExample({}).replace(/（六）其他处理\n1\.申请人无正当理由[^\n]*\n2\.申请人逾期[^\n]*\n3\.其他([^\n]*)\n/, '（六）其他处理$1\n')}`,
    right: `${ACTIVE_2021}${requestsExample({})}`,
  },
  check({ report }) {
    if (report.format === 'unknown') return [];
    const want = report.format;
    const out: ReturnType<Rule['check']> = [];
    for (const t of report.tables) {
      for (const b of t.blocks) {
        if (blockIn(b.decl, want) || b.evidence === 'assumed') continue;
        const of = blockFormats(b.decl);
        const expected = formatById(want)?.blocks[t.decl.id]?.find((x) => x.slot === b.decl.slot);
        const { reason, row } = mixedReason(b.decl, expected, of[0]!, want);
        const found = row ? b.rows.find((r) => r.decl === row) : undefined;
        const group = found && expected ? groupOf(expected, found.decl) : undefined;
        const fix = found && expected && group ? splitRowFix(report, found, expected, group, want) : undefined;
        out.push({
          range: found ? labelRange(found) : (b.heading ?? b.range),
          message: msg(
            `${t.decl.name.zh}${b.heading ? `“${b.decl.name.zh}”` : ''}：${reason.zh}。报告其余部分为${shortName(want).zh}`,
            `${t.decl.name.en}${b.heading ? ` “${b.decl.name.en}”` : ''}: ${reason.en}. The rest of the report is in the ${shortName(want).en}`,
          ),
          ...(fix ? { suggestions: [fix] } : {}),
        });
      }
    }
    return out;
  },
};
