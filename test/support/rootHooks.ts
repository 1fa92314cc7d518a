/**
 * Mocha root hooks (loaded by .mocharc.json): after the last test, a test run must end by itself.
 * Should something a test opened still hold the process (a server, a child process, a timer), the
 * run would wait for ever — in CI too. So after a grace period the open resources are written to
 * stderr and the process ends with mocha's own exit code (the tests' result). The warning names the
 * leak; the run does not hang on it.
 */
const GRACE_MS = 15_000;

export const mochaHooks = {
  afterAll(): void {
    const timer = setTimeout(() => {
      const open = (process as unknown as { getActiveResourcesInfo?: () => string[] }).getActiveResourcesInfo?.() ?? [];
      process.stderr.write(`\nWARNING: the test run did not end by itself ${GRACE_MS / 1000} s after the last test; still open: ${open.join(', ') || '(unknown)'}\n`);
      process.exit();
    }, GRACE_MS);
    timer.unref();
  },
};
