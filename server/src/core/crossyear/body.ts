/**
 * Which reports belong together: the issuing body named in a report's title, and when two names
 * stand for the same body. Pure: a name in, a key out.
 *
 * A name is read as a chain of administrative units (云岭市 · 桐溪区) and what follows them (the
 * department: "市场监督管理局"; nothing for the government itself). "人民政府", "管委会" and
 * "街道办事处" stand for the unit they govern, so "桐溪区人民政府" is "桐溪区"; but "人民政府办公室"
 * is the office, a body of its own. Two names are the same body when their departments are equal
 * and one chain of units ends the other ("桐溪区" ends "云岭市桐溪区"). A renamed body is paired
 * only through the config (`pairs`), never by resemblance.
 */

/** An issuing body as read from a name. */
export interface Body {
  /** The administrative units, outermost first: ["云岭市", "桐溪区"]. */
  units: string[];
  /** What follows the units: "" for the government itself, else the department ("人民政府办公室"). */
  rest: string;
}

const UNIT = /^(.{1,10}?(?:自治区|自治州|自治县|经济技术开发区|经济开发区|高新技术产业开发区|高新区|开发区|新区|地区|省|市|州|盟|县|区|旗|镇|乡|街道))/u;

/** Words that stand for the unit itself: its government, a zone's committee, a 街道's office. */
const GOVERNMENT = /^(?:人民政府|政府|管理委员会|管委会|办事处)$/u;

/** The body named before the year in a title ("云岭市桐溪区人民政府2021年政府信息公开工作年度报告"), or null. */
export function bodyFromTitle(title: string): string | null {
  const t = title.replace(/\s+/gu, '');
  const m = /^(.*?)(?:关于)?(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})年(?:度)?/u.exec(t);
  // "某局政府信息公开工作年度报告（2021年）": the year after the words; the body is before them.
  const name = (m ? m[1]! : '').replace(/^[#＃*《“"]+/u, '').replace(/(?:政府信息公开|政务公开|信息公开).*$/u, '');
  return name.length >= 2 ? name : null;
}

/** A name read as units and department. */
export function parseBody(name: string): Body {
  let s = name.replace(/[\s　]+/gu, '').replace(/[（(].*?[)）]/gu, '');
  const units: string[] = [];
  for (;;) {
    const m = UNIT.exec(s);
    if (!m) break;
    // "市场监督管理局": 市 starts a word, it does not end a unit name; a unit needs a name of its own.
    const unit = m[1]!;
    units.push(unit);
    s = s.slice(unit.length);
    if (GOVERNMENT.test(s)) {
      s = '';
      break;
    }
  }
  if (GOVERNMENT.test(s)) s = '';
  return { units, rest: s };
}

/** Whether two names stand for the same body. */
export function sameBody(a: string, b: string): boolean {
  // A name is its own body (most of a series is one name written alike): no need to read it.
  if (a === b) return true;
  const x = parseBody(a);
  const y = parseBody(b);
  if (x.rest !== y.rest) return false;
  const [short, long] = x.units.length <= y.units.length ? [x.units, y.units] : [y.units, x.units];
  if (!short.length) return long.length === 0;
  const tail = long.slice(long.length - short.length);
  return tail.every((u, i) => u === short[i]);
}

/** A key names that may be the same body share (then `sameBody` decides): the innermost unit and the department. */
export function bodyBucket(name: string): string {
  const b = parseBody(name);
  return `${b.units.at(-1) ?? ''}|${b.rest}`;
}
