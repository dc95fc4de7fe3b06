// Jest's order for a fresh clone: it runs the files that took longest last time first, but without
// that record (a fresh clone, CI) it goes by file size, which puts the small files that spawn tsc,
// jest or the built CLI (the packed-package consumers, the printed commands) at the end, where one
// worker runs them alone while the other idles. These go first; the rest keep jest's order. The
// demo's runs (they wait on the simulator's executions), the bench smoke and the browser test are
// not large files either, and long in wall-clock time though light on CPU: first as well.
const Sequencer = require('@jest/test-sequencer').default;

const slow = [
  /\/test\/package\//,
  /\/test\/docs\/printedCommands\.test\.ts$/,
  /\/test\/cli\/simulatorAndDemo\.test\.ts$/,
  /\/test\/bench\/smoke\.test\.ts$/,
  /\/test\/console\/browser\.test\.ts$/,
];
const rank = (test) => (slow.some((pattern) => pattern.test(test.path)) ? 0 : 1);

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    return [...ordered].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowFirstSequencer;
