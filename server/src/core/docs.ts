/** Each rule's documentation page, derived from the registry: what it checks, why, a wrong and a right example. */
import { type CheckResult, check } from './check';
import { extract } from './crossyear/extract';
import { pairReports } from './crossyear/series';
import { parse } from './parse';
import { localize } from './i18n';
import { LineMap } from './position';
import type { Rule } from './rules/types';

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示', hint: '暗示' } as const;

function block(text: string): string {
  return `\`\`\`text\n${text.replace(/\n$/, '')}\n\`\`\``;
}

/** A rule's example checked as the rule sees it: beside its `previous` report (上年.txt) when it has one, paired as the CLI pairs files. */
export function checkExample(rule: Rule, text: string): CheckResult {
  if (rule.doc.previous === undefined) return check(text);
  const pairs = pairReports([
    { file: '上年.txt', extract: extract(parse(rule.doc.previous)) },
    { file: '本年.txt', extract: extract(parse(text)) },
  ]);
  const crossyear = pairs.get('本年.txt');
  return check(text, crossyear ? { crossyear } : {});
}

export function ruleDocPage(rule: Rule): string {
  const previous = rule.doc.previous;
  const wrong = checkExample(rule, rule.doc.wrong);
  const lm = new LineMap(rule.doc.wrong);
  const found = wrong.findings.filter((f) => f.rule === rule.id);
  const shown = found
    .map((f) => {
      const p = lm.positionAt(f.range[0]);
      const fix = f.fix ? `（可修复：${localize(f.fix.title, 'zh')}）` : '';
      return `- ${p.line + 1}:${p.character + 1} ${localize(f.message, 'zh')}${fix}\n  ${localize(f.message, 'en')}`;
    })
    .join('\n');
  return [
    `# \`${rule.id}\` — ${rule.name.zh} / ${rule.name.en}`,
    '',
    `默认级别 Default severity: **${rule.severity}**（${SEVERITY_ZH[rule.severity]}） · ${rule.fixable ? '可自动修复 Fixable' : '不自动修复 Not auto-fixable'}`,
    '',
    '## 检查什么 / What it checks',
    '',
    rule.description.zh,
    '',
    rule.description.en,
    '',
    '## 为什么 / Why',
    '',
    rule.doc.rationale.zh,
    '',
    rule.doc.rationale.en,
    '',
    ...(previous !== undefined
      ? [
          '## 上年报告 / Last year’s report',
          '',
          '以下示例与这份上年报告（上年.txt）对照检查 / the examples below are checked beside this report of the year before (上年.txt):',
          '',
          block(previous),
          '',
          '命令行中，一起检查的报告按机关和年度配对（`nianbao check 目录`），或用 `--previous 上年 本年` 指定。编辑器中，打开或修改报告时，在其所在文件夹及子文件夹（以年份命名的文件夹如“2022”，则为其上级文件夹）和 `.nianbaorc.json` 的 `pairs` 中查找上一年度的报告；已打开的上年报告以编辑中的内容为准，修改后本年报告的问题随即更新。',
          '',
          'In the CLI, reports checked together are paired by body and year (`nianbao check DIR`), or by `--previous LAST THIS`. In the editor, last year’s report is looked for when a report is opened or changed, in its folder and subfolders (for a folder named after a year, such as “2022”, its parent) and in the `pairs` of `.nianbaorc.json`; an open report of last year counts as edited, and this year’s problems follow its edits.',
          '',
        ]
      : []),
    '## 错误示例 / Wrong',
    '',
    block(rule.doc.wrong),
    '',
    'nianbao 报告 / nianbao reports:',
    '',
    shown || '- （无 / none）',
    '',
    '## 正确示例 / Right',
    '',
    block(rule.doc.right),
    '',
    '## 配置 / Configuration',
    '',
    '在 `.nianbaorc.json` 中调整级别或关闭 / change the severity or turn it off in `.nianbaorc.json`:',
    '',
    '```json',
    `{ "rules": { "${rule.id}": "off" } }`,
    '```',
    '',
    '或在报告中用指令忽略 / or silence it in the report:',
    '',
    '```text',
    `<!-- nianbao-disable-next-line ${rule.id} -->`,
    '```',
    '',
    '本页由规则注册表生成 / generated from the rule registry: `npm run docs`.',
    '',
  ].join('\n');
}
