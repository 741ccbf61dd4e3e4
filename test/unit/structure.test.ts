/**
 * The shape of the code: no function over 200 lines in the server, the CLI or the client (a longer
 * one is a module waiting to be cut out: the server was once one 490-line closure; every
 * function-like node counts, nested ones too, from its first line to its last); and the layers
 * import only downwards: the core nothing but itself, the host layer the core and Node.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { ROOT } from '../helpers';

const MAX_LINES = 200;
/** The libraries the readers parse documents with (bundled by esbuild). */
const READER_LIBRARIES = ['saxes', 'parse5'];
const ROOTS = ['server/src', 'client/src'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every function-like node of a file: its name (or where it is) and its length in lines. */
function functions(file: string): { name: string; lines: number }[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = src.getLineAndCharacterOfPosition(node.getStart(src)).line;
      const last = src.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : `(anonymous)`;
      out.push({ name: `${relative(ROOT, file)}:${first + 1} ${name}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

describe('code size', () => {
  it(`no function in ${ROOTS.join(' or ')} is longer than ${MAX_LINES} lines`, () => {
    const all = ROOTS.flatMap((r) => sources(join(ROOT, r))).flatMap(functions);
    assert.ok(all.length > 100, `found the functions (${all.length})`);
    const long = all.filter((f) => f.lines > MAX_LINES).map((f) => `${f.name}: ${f.lines} lines`);
    assert.deepEqual(long, []);
  });

  it('server/src/core imports only itself (no LSP, no VS Code, no Node); server/src/host only the core, the readers and Node; the readers only Node, saxes and parse5', () => {
    const wrong: string[] = [];
    for (const [layer, allowed] of [
      ['server/src/core', (target: string) => target.startsWith(join(ROOT, 'server/src/core'))],
      ['server/src/host', (target: string) => ['core', 'host', 'readers'].some((d) => target.startsWith(join(ROOT, 'server/src', d)))],
      // The readers: Node and their parsing libraries, nothing of the server, the CLI or the host.
      ['server/src/readers', (target: string) => target.startsWith(join(ROOT, 'server/src/readers'))],
    ] as const) {
      for (const file of sources(join(ROOT, layer))) {
        const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
        for (const st of src.statements) {
          if (!(ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier)) continue;
          const spec = st.moduleSpecifier.text;
          const ok = spec.startsWith('.')
            ? allowed(resolve(dirname(file), spec))
            : (layer === 'server/src/host' && spec.startsWith('node:')) ||
              (layer === 'server/src/readers' && (spec.startsWith('node:') || READER_LIBRARIES.includes(spec)));
          if (!ok) wrong.push(`${relative(ROOT, file)} imports ${spec}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });
});
