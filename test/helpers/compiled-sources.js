"use strict";
// Loaded with `node --require` into every process of a test's Pulumi run (TestStack sets
// NODE_OPTIONS). A program imports the package from its TypeScript sources ("../../provider"),
// which ts-node would transpile afresh in every program process: about 1 s of CPU each, for
// hundreds of engine runs per `npm test`. The build of the same sources is used instead; it is
// what the provider processes load anyway (through the package's exports), and `npm test` and
// each `npm run test:<suite>` build it first. Where no build of a file exists, its source is used.
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const BUILT = path.join(REPO_ROOT, "dist");
const COMPILED_DIRECTORIES = ["provider", "emulator", "cli"].map((directory) => path.join(REPO_ROOT, directory) + path.sep);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const resolved = resolveFilename.call(this, request, parent, ...rest);
  if (!resolved.endsWith(".ts") || resolved.endsWith(".d.ts") || !COMPILED_DIRECTORIES.some((directory) => resolved.startsWith(directory))) return resolved;
  const built = path.join(BUILT, path.relative(REPO_ROOT, resolved)).replace(/\.ts$/, ".js");
  return fs.existsSync(built) ? built : resolved;
};
