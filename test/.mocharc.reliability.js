// Suite "reliability" (issue 9): faults, interruption, bad input, secrets, TLS and npm audit,
// measured on two fleets of 20 tenants; see support/root-hooks.ts for where the figures go.
const base = require("./mocharc.base")("reliability");

module.exports = {
  ...base,
  require: [...base.require, "test/reliability/support/root-hooks.ts"],
  // One engine run takes seconds; a case is a few runs, a persistent fault waits out its retries.
  timeout: 600_000,
  slow: 60_000,
};
