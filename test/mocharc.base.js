"use strict";
// Shared strict mocha settings. Each suite runs on its own (npm run test:<suite>) and all four
// run in `npm test`; a suite that finds no test fails instead of passing silently.
const timeouts = { unit: 20_000, integration: 30_000, engine: 600_000 };

module.exports = (suite) => ({
  spec: [`test/${suite}/**/*.test.ts`],
  extension: ["ts"],
  require: ["ts-node/register/transpile-only", "test/helpers/hooks.ts"],
  "fail-zero": true,
  "check-leaks": true,
  // The Pulumi SDK keeps its runtime state in this global once a resource or closure is touched.
  global: ["globalStore"],
  "forbid-only": Boolean(process.env.CI),
  "forbid-pending": Boolean(process.env.CI),
  timeout: timeouts[suite],
  slow: suite === "engine" ? 60_000 : 2_000,
  reporter: "spec",
});
