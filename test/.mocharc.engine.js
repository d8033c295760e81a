// Suite "engine": see test/README.md for what each suite covers and what it needs.
// Two files at a time: an engine test spends much of its time waiting on the CLI, the language
// hosts and the emulator, and each file makes its own backends, homes and emulators. The longest
// files go first, so that the suite does not end on one of them running alone; every other file
// follows in the glob's order.
const fs = require("node:fs");
const path = require("node:path");

const LONGEST_FIRST = ["examples", "root-program", "plugin-go", "plugin-python", "plugin-yaml", "estate", "upgrade", "peer-range", "installed-package", "backup-jobs", "organizations", "update-semantics"];

const base = require("./mocharc.base")("engine");
const directory = path.join(__dirname, "engine");
const files = fs.readdirSync(directory).filter((file) => file.endsWith(".test.ts"));
const first = LONGEST_FIRST.map((name) => `${name}.test.ts`);
for (const file of first) if (!files.includes(file)) throw new Error(`test/.mocharc.engine.js orders ${file}, which test/engine does not have`);
const spec = [...first, ...files.filter((file) => !first.includes(file)).sort()].map((file) => path.join("test", "engine", file));

// Each file also fails when a process of the provider plugin outlives it (helpers/plugin-process-hooks.ts).
module.exports = { ...base, spec, parallel: true, jobs: 2, require: [...base.require, "test/helpers/plugin-process-hooks.ts"] };
