/** The entry VS Code loads for the tests (`--extensionTestsPath`): runs the mocha suite. */
/// <reference types="mocha" />
import Mocha from 'mocha';
import { defineTests } from './extension.test';

export function run(): Promise<void> {
  // NIANBAO_TEST_GREP: run only the tests whose titles match (in the editor's environment).
  const grep = process.env.NIANBAO_TEST_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 30_000, ...(grep ? { grep } : {}) });
  mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
  defineTests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
  });
}
