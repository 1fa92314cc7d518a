// Packages the repository's extension (Kamerwijzer) into a .vsix in a temp dir, for the real end-to-end tests.
// Uses the repo's vsce and .vscodeignore; does not build: run `npm run build` (dist/) first.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './tools';

export function packageKamerwijzer(outDir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-vsix-'))): string {
  for (const f of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(repoRoot, f))) throw new Error(`${f} missing: run npm run build first`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(outDir, `${pkg.name}-${pkg.version}.vsix`);
  // --no-dependencies: the extension is bundled by esbuild, node_modules is not shipped.
  execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  return vsix;
}

if (require.main === module) {
  console.log(packageKamerwijzer(process.argv[2]));
}
