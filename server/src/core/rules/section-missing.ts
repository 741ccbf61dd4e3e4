import { SECTIONS, TABLES } from '../formats';
import type { SectionDecl } from '../formats/types';
import { msg } from '../i18n';
import { skeletonFor } from '../skeleton';
import type { Rule } from './types';

/**
 * Words of a section that stand somewhere in the text although no heading was found: its heading's
 * wording, or its table's header words. Then the section is most likely there (a heading run into a
 * long line, a flattened web page), and nothing is inserted.
 */
function tracesOf(decl: SectionDecl, compact: () => string, withTable: boolean): string | null {
  // The heading's words after its numeral ("三、收到和处理…"): the introduction's list of the six
  // parts names them without numerals, and that is no trace of the section.
  const numeral = decl.canonical.slice(0, decl.canonical.indexOf('、') + 1);
  const headings = [decl.canonical, ...decl.variants.filter((v) => v.length >= 6).map((v) => numeral + v)];
  const words = [...headings, ...(withTable ? (TABLES.find((t) => t.section === decl.id)?.anchors ?? []) : [])];
  for (const w of words) if (compact().includes(w.replace(/\s+/g, ''))) return w;
  return null;
}

const notOnItsLine = (decl: SectionDecl, trace: string) =>
  msg(
    `未找到第${'一二三四五六'[decl.number - 1]}部分“${decl.canonical}”的标题行；文中出现了“${trace}”，标题可能未单独成行`,
    `No heading line for section ${decl.number} “${decl.canonical}”; the text holds “${trace}”: the heading may be run into other text`,
  );

export const sectionMissing: Rule = {
  id: 'section.missing',
  name: msg('缺少章节', 'Missing section'),
  description: msg(
    '年度报告必须包含格式规定的六个部分：总体情况、主动公开、依申请公开、行政复议和行政诉讼、存在的问题及改进、其他需要报告的事项。',
    'The report must have the six sections the format prescribes.',
  ),
  severity: 'error',
  fixable: true,
  doc: {
    rationale: msg(
      '缺少一个部分，读者就无法找到这部分应公开的数据；常见于从旧稿复制时漏掉标题。',
      'A missing section hides the data it should disclose; it often happens when a heading is lost in copying.',
    ),
    wrong:
      '一、总体情况\n本年度……\n二、主动公开政府信息情况\n……\n四、政府信息公开行政复议、行政诉讼情况\n……\n五、存在的主要问题及改进情况\n……\n六、其他需要报告的事项\n无。\n',
    right:
      '一、总体情况\n本年度……\n二、主动公开政府信息情况\n……\n三、收到和处理政府信息公开申请情况\n……\n四、政府信息公开行政复议、行政诉讼情况\n……\n五、存在的主要问题及改进情况\n……\n六、其他需要报告的事项\n无。\n',
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    const sections = report.sections;
    let squeezed: string | null = null;
    const compact = () => (squeezed ??= report.norm.replace(/[\s\u3000]+/g, '').replace(/[()]/g, (c) => (c === '(' ? '（' : '）')));
    for (const decl of SECTIONS) {
      const found = sections.find((s) => s.decl.id === decl.id);
      if (found?.heading) continue;
      if (found && !found.heading) {
        // The table is there, its heading is not (or not on a line of its own).
        const at = found.range[0];
        const trace = tracesOf(decl, compact, false);
        if (trace) {
          out.push({ range: [at, at], message: notOnItsLine(decl, trace) });
          continue;
        }
        out.push({
          range: [at, at],
          message: msg(
            `缺少第${'一二三四五六'[decl.number - 1]}部分的标题“${decl.canonical}”（其表格已找到）`,
            `The heading of section ${decl.number}, “${decl.canonical}”, is missing (its table is here)`,
          ),
          fix: { range: [at, at], text: `${decl.canonical}\n`, title: msg(`插入标题“${decl.canonical}”`, `Insert the heading “${decl.canonical}”`) },
        });
        continue;
      }
      // Insert before the first later section, or at the end.
      const next = sections.find((s) => s.decl.number > decl.number);
      const trace = tracesOf(decl, compact, true);
      const at = next ? next.range[0] : report.text.length;
      const prevEnd = at === report.text.length && report.text.length && !report.text.endsWith('\n') ? '\n' : '';
      const skeleton = skeletonFor(report, decl.id);
      // Shown on the heading of the section that follows the gap (or the end of the text).
      // (The text's last character whole: an emoji is two UTF-16 units, and so is a CRLF.)
      const t = report.text;
      const end = t.length;
      const pair = end >= 2 && (((t.charCodeAt(end - 1) & 0xfc00) === 0xdc00 && (t.charCodeAt(end - 2) & 0xfc00) === 0xd800) || t.endsWith('\r\n'));
      const last = pair ? end - 2 : Math.max(0, end - 1);
      const range: [number, number] = next?.heading ? next.heading.range : [last, end];
      if (trace) {
        out.push({ range, message: notOnItsLine(decl, trace) });
        continue;
      }
      out.push({
        range,
        message: msg(`缺少第${'一二三四五六'[decl.number - 1]}部分“${decl.canonical}”`, `Section ${decl.number} “${decl.canonical}” is missing`),
        fix: {
          range: [at, at],
          text: `${prevEnd}${decl.canonical}\n${skeleton}`,
          title: msg(`插入“${decl.canonical}”${skeleton ? '及其表格' : ''}`, `Insert “${decl.canonical}”${skeleton ? ' with its table' : ''}`),
        },
      });
    }
    return out;
  },
};
