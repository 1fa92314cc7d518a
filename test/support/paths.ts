import * as path from 'node:path';

/** The repository's root folder (tests run from out/test/…). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const seedsDir = path.join(repoRoot, 'seeds');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
/** The workplace's shared folder; it exists only on the workplace's machines, never in CI. */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
