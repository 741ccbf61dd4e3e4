import { DIRECTIVE_KINDS, parseDirective } from '../directives';
import { msg } from '../i18n';
import type { Rule } from './types';

/** Levenshtein distance, for the nearest known word to a misspelled one. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The one known word nearest to `word`, when it is near enough to be a slip (and not tied). */
export function nearest(word: string, known: readonly string[]): string | null {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | null = null;
  let bestD = Infinity;
  let tied = false;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k);
    if (d < bestD) {
      best = k;
      bestD = d;
      tied = false;
    } else if (d === bestD) tied = true;
  }
  return best !== null && bestD <= limit && !tied ? best : null;
}

/** Rule ids, read when the rule runs (the registry imports this file). */
let knownIds: () => readonly string[] = () => [];
export function setKnownRuleIds(ids: () => readonly string[]): void {
  knownIds = ids;
}

export const directiveUnknown: Rule = {
  id: 'directive.unknown',
  name: msg('无法识别的 nianbao 指令', 'Unknown nianbao directive'),
  description: msg(
    '“<!-- nianbao-… -->”指令的写法或其中的规则编号无法识别，这条指令不起作用。',
    'A “<!-- nianbao-… -->” directive, or a rule id inside it, is not known: the directive does nothing.',
  ),
  severity: 'warning',
  fixable: true,
  doc: {
    rationale: msg(
      '拼错的指令会被静默忽略：本想停用的检查仍会报告，却看不出原因。明确指出才能及时改正。',
      'A misspelled directive is silently ignored: the findings it meant to silence still appear. Saying so lets it be put right.',
    ),
    wrong: '<!-- nianbao-disabel-file text.artifact -->\n<!-- nianbao-disable-next-line table.row-totl -->\n一、总体情况\n',
    right: '<!-- nianbao-disable-file text.artifact -->\n<!-- nianbao-disable-next-line table.row-total -->\n一、总体情况\n',
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    const ids = knownIds();
    for (const d of report.directives) {
      const parsed = parseDirective(d.body);
      const base = d.range[0];
      if (parsed.kind === null) {
        const at = base + parsed.kindRange[0];
        const end = base + parsed.kindRange[1];
        const want = nearest(parsed.kindText, DIRECTIVE_KINDS);
        const known = DIRECTIVE_KINDS.map((k) => `nianbao-${k}`).join('、');
        out.push({
          range: [at, end],
          message: want
            ? msg(
                `无法识别的指令“nianbao-${parsed.kindText}”，这条指令不起作用；是否应为“nianbao-${want}”？`,
                `Unknown directive “nianbao-${parsed.kindText}”: it does nothing. Did you mean “nianbao-${want}”?`,
              )
            : msg(
                `无法识别的指令“nianbao-${parsed.kindText}”，这条指令不起作用（可用：${known}）`,
                `Unknown directive “nianbao-${parsed.kindText}”: it does nothing (known: ${known})`,
              ),
          ...(want ? { fix: { range: [at, end], text: want, title: msg(`改为“nianbao-${want}”`, `Change to “nianbao-${want}”`) } } : {}),
        });
        continue;
      }
      for (const r of parsed.rules) {
        if (ids.includes(r.id)) continue;
        const range: [number, number] = [base + r.range[0], base + r.range[1]];
        const want = nearest(r.id, ids);
        out.push({
          range,
          message: want
            ? msg(
                `指令中的规则编号“${r.id}”不存在，对它的停用不起作用；是否应为“${want}”？`,
                `No rule “${r.id}”: the directive does nothing for it. Did you mean “${want}”?`,
              )
            : msg(
                `指令中的规则编号“${r.id}”不存在，对它的停用不起作用（规则列表：nianbao rules）`,
                `No rule “${r.id}”: the directive does nothing for it (see nianbao rules)`,
              ),
          ...(want ? { fix: { range, text: want, title: msg(`改为“${want}”`, `Change to “${want}”`) } } : {}),
        });
      }
    }
    return out;
  },
};
