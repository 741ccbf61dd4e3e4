/** Example tables for the rules' documentation pages, built from the declarations. */
import { formats } from '../formats/registry';

/** 表三 of the newest format in tab layout, all 0 but the given cells ("row:col" → text). */
export function requestsExample(cells: Record<string, string>): string {
  const all = formats();
  const b = all[all.length - 1]!.blocks.requests[0]!;
  const lines: string[] = ['三、收到和处理政府信息公开申请情况'];
  let group: string | undefined;
  for (const r of b.rows) {
    if (r.group !== group) {
      group = r.group;
      const g = b.groups.find((x) => x.id === r.group);
      if (g) lines.push(g.labels[0]!);
    }
    lines.push([r.labels[0], ...b.columns.map((c) => cells[`${r.id}:${c.id}`] ?? '0')].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

export const REVIEW_HEADER =
  '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计';
