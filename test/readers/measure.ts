/**
 * The readers over the harness's 240 generated reports (`npx tsx test/readers/measure.ts`): each
 * report's document (shapes/doc.ts, laid out like the official template) written as a .docx and as
 * a web page, read by the readers and measured against the tables it was made from. The page is
 * written the way sites publish them: the article inside breadcrumbs and a footer, labels split over
 * <span>s, empty cells as &nbsp;, a cell's paragraphs as <br> or <p>, rowspan/colspan for merges,
 * borders in CSS only, in GBK for every third report.
 */
import { execFileSync } from 'node:child_process';
import { readDocument } from '../../server/src/readers';
import { buildDoc, type DocItem } from '../shapes/doc';
import { docx } from '../shapes/docx';
import { measure } from '../shapes/harness';
import { expectedOf, makeReports } from '../shapes/model';
import { chance, rng } from '../shapes/random';
import { DEFAULT_SEED } from '../shapes/generate';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Text split over spans, as editors export it (a label in two or three runs). */
const spans = (s: string, r: () => number) => {
  if (s.length < 4 || !chance(r, 0.5)) return esc(s);
  const at = 1 + Math.floor(r() * (s.length - 2));
  return `<span style="font-family:仿宋">${esc(s.slice(0, at))}</span><font face="宋体">${esc(s.slice(at))}</font>`;
};

export function html(items: DocItem[], r: () => number, charset: string): string {
  const body = items
    .map((it) => {
      if (it.kind === 'p') return `<p style="text-indent:2em">${spans(it.text, r)}</p>`;
      const rows = it.rows.map(
        (row) =>
          `<tr>${row
            .map((c) => {
              const attrs = `${(c.rowspan ?? 1) > 1 ? ` rowspan="${c.rowspan}"` : ''}${(c.colspan ?? 1) > 1 ? ` colspan="${c.colspan}"` : ''}`;
              const paras = c.paras.filter((p) => p !== '');
              const inner = !paras.length
                ? '&nbsp;'
                : chance(r, 0.5)
                  ? paras.map((p) => spans(p, r)).join('<br>')
                  : paras.map((p) => `<p>${spans(p, r)}</p>`).join('\n');
              return `<td style="border:1px solid #000"${attrs}>${inner}</td>`;
            })
            .join('')}</tr>`,
      );
      return `<table style="border-collapse:collapse"><tbody>${rows.join('\n')}</tbody></table>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>年报</title></head><body>
<div class="nav">首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div><div class="tools">【字体：大 中 小】【打印】</div>
<div class="article"><div class="TRS_Editor">${body}</div></div>
<div class="footer">主办单位：某某县人民政府办公室 网站标识码：5300000001 滇ICP备12345678号-1</div></body></html>`;
}

/** Each report's document as a .docx and as a web page (GBK for every third), to read and measure. */
export function documentsOf(ids?: string[]) {
  const reports = makeReports(DEFAULT_SEED, 240, 200).filter((rep) => !ids || ids.includes(rep.id));
  return reports.map((rep) => {
    const r = rng(DEFAULT_SEED ^ (Number(rep.id) * 2654435761));
    const o = { splitHeaders: chance(r, 0.5), activeSplit: chance(r, 0.3) };
    const items = buildDoc(rep, o);
    const gbk = Number(rep.id) % 3 === 0;
    const page = html(items, rng(Number(rep.id) + 17), gbk ? 'gbk' : 'utf-8');
    const docs: [string, string, Buffer][] = [
      ['docx', 'r.docx', docx(items, { pageNumbers: true })],
      [gbk ? 'html (GBK)' : 'html', 'r.html', gbk ? execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: page }) : Buffer.from(page)],
    ];
    return { rep, docs };
  });
}

function main(): void {
  const totals: Record<
    string,
    { reports: number; cells: number; right: number; wrong: number; unsure: number; notRead: number; headings: number; headingsRight: number }
  > = {};
  for (const { rep, docs } of documentsOf()) {
    for (const [kind, name, bytes] of docs) {
      const d = readDocument(name, bytes);
      if ('error' in d) throw new Error(`${rep.id} ${kind}: ${d.error}`);
      const m = measure({ shape: kind, id: rep.id, text: d.text, expected: expectedOf(rep, kind, false, []) });
      const t = (totals[kind] ??= { reports: 0, cells: 0, right: 0, wrong: 0, unsure: 0, notRead: 0, headings: 0, headingsRight: 0 });
      t.reports++;
      t.cells += m.cells;
      t.right += m.right;
      t.wrong += m.wrong;
      t.unsure += m.unsure;
      t.notRead += m.notRead;
      t.headings += m.headings;
      t.headingsRight += m.headingsRight;
      if (m.right !== m.cells || m.headingsRight !== m.headings)
        console.log(`${rep.id} ${kind}: ${m.right}/${m.cells} cells, ${m.headingsRight}/${m.headings} headings`);
    }
  }
  console.table(totals);
}

if (require.main === module) main();
