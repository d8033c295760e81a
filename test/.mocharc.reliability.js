// Suite "reliability" (issue 9): faults, interruption, bad input, secrets, TLS and npm audit,
// measured on a fleet of 20 tenants; writes reliability.json and docs/reliability.md at the end.
const base = require("./mocharc.base")("reliability");

module.exports = {
  ...base,
  require: [...base.require, "test/reliability/support/root-hooks.ts"],
  // One engine run takes seconds; a case is a few runs, a persistent fault waits out its retries.
  timeout: 600_000,
  slow: 60_000,
};
