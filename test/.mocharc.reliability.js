// Suite "reliability": faults, interruption, bad input, secrets, TLS and npm audit, measured on
// two fleets of 12 tenants. `npm run test:reliability` runs it through test/reliability/run.ts,
// one process per fleet; RELIABILITY_SPECS (comma-separated files) is how that runner gives each
// process its specs. See support/root-hooks.ts for where the figures go.
const base = require("./mocharc.base")("reliability");

module.exports = {
  ...base,
  spec: process.env.RELIABILITY_SPECS ? process.env.RELIABILITY_SPECS.split(",") : base.spec,
  require: [...base.require, "test/reliability/support/root-hooks.ts"],
  // One engine run takes seconds; a case is a few runs, a persistent fault waits out its retries.
  timeout: 600_000,
  slow: 60_000,
};
