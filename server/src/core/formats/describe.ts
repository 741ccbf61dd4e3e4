/**
 * Texts about the formats, written from the registry: which format a year's report uses, the
 * choices of the `format` setting. The manifest, the rule pages and the messages use them, so
 * that a new format is described wherever the formats are listed.
 */
import { type Msg, msg, orList } from '../i18n';
import { formats } from './registry';
import type { FormatDecl } from './types';

/** 'a、b' (two years), 'a—b' (more), 'a' (one): a closed range in Chinese. */
function zhSpan(a: number, b: number): string {
  return a === b ? `${a}` : b === a + 1 ? `${a}、${b}` : `${a}—${b}`;
}

/** "2019、2020 年度报告使用国办公开办函〔2019〕60号格式；2021 年度起使用国办公开办函〔2021〕30号格式。" */
export function formatsByYearText(list: readonly FormatDecl[] = formats()): Msg {
  const zh = list.map(({ years: [a, b], source }) => `${b === null ? `${a} 年度起` : `${zhSpan(a, b)} 年度报告`}使用${source}格式`);
  const en = list.map(({ years: [a, b], id }) => `reports for ${b === null ? `${a} on` : a === b ? `${a}` : `${a}–${b}`} use the ${id} format`);
  const sentence = en.join('; ');
  return msg(`${zh.join('；')}。`, `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
}

/** The `format` setting (and config key): what it does, with every format and its years. */
export function formatSettingText(list: readonly FormatDecl[] = formats()): Msg {
  const zh = list.map(({ years: [a, b], id }) => (b === null ? `${a} 年度起用 ${id} 年版` : `${zhSpan(a, b)} 年度用 ${id} 年版`)).join('，');
  const en = list.map(({ years: [a, b], id }) => `${id} format ${b === null ? `from ${a} on` : a === b ? `for ${a}` : `for ${a}–${b}`}`).join(', ');
  const ids = orList(list.map((f) => `\`${f.id}\``));
  return msg(
    `按哪一版格式检查表格：\`auto\` 按表格和报告年度判断（${zh}）；${ids.zh} 为指定格式。`,
    `The table format to check against: \`auto\` tells it from the tables and the report year (${en}); ${ids.en} forces one.`,
  );
}

/** The `format` setting's values, `auto` first, each with its description. */
export function formatChoiceTexts(list: readonly FormatDecl[] = formats()): { value: string; description: Msg }[] {
  return [
    { value: 'auto', description: msg('按表格和年度自动判断', 'Tell the format from the tables and the year') },
    ...list.map(({ id, source, years: [a, b] }) => ({
      value: id,
      description: msg(
        `${source}（${b === null ? `${a} 年度及以后的报告` : `${zhSpan(a, b)} 年度报告`}）`,
        `${source} (reports for ${b === null ? `${a} and later` : a === b ? `${a}` : b === a + 1 ? `${a} and ${b}` : `${a}–${b}`})`,
      ),
    })),
  ];
}
