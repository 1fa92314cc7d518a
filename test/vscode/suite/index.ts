// Entry point @vscode/test-electron loads inside the extension host (extensionTestsPath): runs the mocha tests of
// this folder. (npm test does not see them: its mocha globs are out/test/unit and out/test/lsp.)
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60_000 });
  mocha.addFile(path.join(__dirname, 'cases.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
