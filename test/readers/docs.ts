/**
 * Documents made for the readers' tests: a report's text written into a .docx (each run of
 * tab-separated or Markdown pipe lines a Word table, every other line a paragraph), and a .docx
 * written by hand with what Word does that plain WordprocessingML writers don't: automatic
 * numbering (chineseCounting "一、", "（一）", decimal "1."), a merged-cell header (gridSpan and
 * vMerge), tracked changes, a comment, a text box, a header and footer, hidden text.
 */
import type { DocCell, DocItem, DocTable } from '../shapes/doc';
import { docx, zip } from '../shapes/docx';

const pipeCells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
const isPipe = (line: string) => /^\s*\|.*\|\s*$/.test(line);
const isRule = (line: string) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);

function table(rows: string[][]): DocTable {
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (t: string): DocCell => ({ paras: [t], align: 'center' });
  return {
    kind: 'table',
    grid: Array.from({ length: width }, () => Math.floor(9000 / width)),
    rows: rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => '')].map(cell)),
  };
}

/** A report's text as a document: Markdown heading marks dropped, tab or pipe lines as tables. */
export function textToItems(text: string): DocItem[] {
  const items: DocItem[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) items.push(table(rows));
    rows = [];
  };
  let first = true;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (isPipe(line)) {
      if (!isRule(line)) rows.push(pipeCells(line));
      continue;
    }
    if (line.includes('\t')) {
      rows.push(line.split('\t').map((c) => c.trim()));
      continue;
    }
    flush();
    const t = line.replace(/^#+\s*/, '').trim();
    if (!t) continue;
    items.push({ kind: 'p', role: first ? 'title' : /^[一二三四五六]、/.test(t) ? 'heading' : 'body', text: t });
    first = false;
  }
  flush();
  return items;
}

export const textToDocx = (text: string) => docx(textToItems(text), { pageNumbers: true });

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS = `xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`;

const t = (s: string) => `<w:r><w:t xml:space="preserve">${s}</w:t></w:r>`;
const numbered = (numId: number, ilvl: number, body: string) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${body}</w:p>`;
const para = (body: string) => `<w:p>${body}</w:p>`;
const tc = (text: string, pr = '') => `<w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/>${pr}</w:tcPr>${para(text ? t(text) : '')}</w:tc>`;

/** The hand-written .docx of Word's features; `body` replaces the default paragraphs (for one feature alone). */
export function featuresDocx(body?: string): Buffer {
  const levels = [
    ['chineseCounting', '%1、'],
    ['chineseCounting', '（%2）'],
    ['decimal', '%3.'],
  ]
    .map(([fmt, text], i) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/><w:suff w:val="nothing"/></w:lvl>`)
    .join('');
  const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
  const header = ['申请人情况', '', '', '']; // 申请人情况 spans three columns after the label column
  const tableXml = `<w:tbl><w:tblPr><w:tblW w:w="3600" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="900"/><w:gridCol w:w="900"/><w:gridCol w:w="900"/><w:gridCol w:w="900"/></w:tblGrid>
<w:tr>${tc('事项', '<w:vMerge w:val="restart"/>')}${tc(header[0]!, '<w:gridSpan w:val="3"/>')}</w:tr>
<w:tr>${tc('', '<w:vMerge/>')}${tc('自然人')}${tc('商业<w:br/>企业'.replace('<w:br/>', '</w:t><w:br/><w:t>'))}${tc('总计')}</w:tr>
<w:tr>${tc('本年新收')}${tc('3')}${tc('2')}${tc('5')}</w:tr></w:tbl>`;
  const paragraphs =
    body ??
    [
      para(t('某某局2024年政府信息公开工作年度报告')),
      `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${t('总体情况')}</w:p>`,
      numbered(1, 1, t('主动公开')),
      numbered(1, 1, t('依申请公开')),
      numbered(1, 2, t('属于国家秘密')),
      numbered(1, 2, t('其他法律行政法规禁止公开')),
      numbered(1, 0, t('主动公开政府信息情况')),
      numbered(1, 1, t('规章')),
      numbered(2, 0, t('一条要点')),
      para(
        `${t('共收到申请')}<w:del w:id="1" w:author="a"><w:r><w:delText>12</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">${t('5')}</w:ins>${t('件')}`,
      ),
      para(`<w:commentRangeStart w:id="0"/>${t('批注范围内的正文')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`),
      para(`${t('正文')}<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>`),
      para(
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${para(t('文本框中的文字'))}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${para(t('文本框中的文字'))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>${t('段落文字')}`,
      ),
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${t('7')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
      tableXml,
    ].join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${NS}><w:body>${paragraphs}<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/></w:sectPr></w:body></w:document>`;
  const hdr = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="${W}">${para(t('页眉文字'))}</w:hdr>`;
  const ftr = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="${W}">${para(t('- 1 -'))}</w:ftr>`;
  const comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="a">${para(t('批注内容'))}</w:comment></w:comments>`;
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`;
  const docRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${R}/header" Target="header1.xml"/><Relationship Id="rId4" Type="${R}/footer" Target="footer1.xml"/><Relationship Id="rId5" Type="${R}/comments" Target="comments.xml"/></Relationships>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`;
  return zip([
    ['[Content_Types].xml', types],
    ['_rels/.rels', rels],
    ['word/document.xml', document],
    ['word/_rels/document.xml.rels', docRels],
    ['word/numbering.xml', numbering],
    ['word/styles.xml', styles],
    ['word/header1.xml', hdr],
    ['word/footer1.xml', ftr],
    ['word/comments.xml', comments],
  ]);
}
