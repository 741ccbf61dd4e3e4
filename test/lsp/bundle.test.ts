/**
 * The built client bundle loads outside VS Code with `vscode` as its only external (a stand-in is
 * given for it) and exports activate/deactivate. (`npm test` builds first; the real editor test is
 * test/vscode.)
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers';

const CLIENT = join(ROOT, 'client/out/extension.js');

/** Anything at all: every property and every call gives another stand-in. */
function standIn(): unknown {
  // A function, not an arrow: the proxy must be constructible (`class X extends vscode.Y`).
  // biome-ignore lint/complexity/useArrowFunction: arrows cannot be constructed
  const f = function () {
    return standIn();
  };
  return new Proxy(f, {
    get: (_t, p) => (p === Symbol.toPrimitive ? () => '' : p === 'then' ? undefined : standIn()),
    construct: () => standIn() as object,
  });
}

describe('client bundle', { skip: existsSync(CLIENT) ? false : 'client not built (npm run build)' }, () => {
  it('loads with only `vscode` external and exports activate and deactivate', () => {
    const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const load = M._load;
    const asked: string[] = [];
    M._load = function (request: string, ...rest: unknown[]) {
      if (request === 'vscode') {
        asked.push(request);
        return standIn();
      }
      return load.call(this, request, ...rest);
    };
    try {
      const ext = require(CLIENT) as { activate: unknown; deactivate: unknown };
      assert.equal(typeof ext.activate, 'function');
      assert.equal(typeof ext.deactivate, 'function');
      assert.ok(asked.length > 0, 'vscode is required at run time, not bundled');
    } finally {
      M._load = load;
    }
  });
});
