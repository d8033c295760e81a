import * as fs from "node:fs";
import { type Document, LineCounter, parseDocument } from "yaml";
import { aliasPastLimit } from "./yaml-aliases";

/**
 * The largest tenants file read: 16 MiB, some 10,000 tenants with their jobs and comments (about
 * 1 KB each), far beyond what one stack onboards in an update. Parsing is linear but costly (about
 * 0.7 s and 60 MB of memory per MB of YAML), so a larger file is refused before it is read.
 */
export const MAX_TENANTS_FILE_BYTES = 16 * 1024 * 1024;

/**
 * How far aliases may expand the file: the yaml library's own bound against alias bombs
 * (maxAliasCount, its default), named so that the message can say it.
 */
export const MAX_ALIAS_COUNT = 100;

/** A tenants file that cannot be used; the message names the file, and the line where there is one. */
export class TenantsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TenantsFileError";
  }
}

/** Where the YAML of a file goes wrong. */
export interface YamlProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * A file whose text cannot be read as YAML at all: too large, not YAML, or aliases that expand
 * too far. `reason` completes a sentence about the file ("is not valid YAML"), for callers that
 * word their own message; `problems` say where, when there is a where.
 */
export class TenantsYamlError extends TenantsFileError {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly problems: readonly YamlProblem[] = [],
  ) {
    super(`${file} ${reason}${problems.length ? `:\n${problems.map((problem) => `  - line ${problem.line}, column ${problem.column}: ${problem.message}`).join("\n")}` : "."}`);
    this.name = "TenantsYamlError";
  }
}

/** The YAML of a tenants file: the document (for lines and for edits), and its value. */
export interface TenantsYaml {
  document: Document;
  lines: LineCounter;
  raw: unknown;
}

/**
 * The text of `file`, refused with TenantsYamlError when larger than MAX_TENANTS_FILE_BYTES; errors
 * of the file system (ENOENT, EACCES) are thrown as they are, for the caller to word. A regular
 * file is refused by its size before a byte of it is read; a FIFO, a pipe or /dev/stdin reports
 * size 0, so at most one byte past the limit is read from any file, whatever its size says.
 */
export function readTenantsText(file: string, shown = file): string {
  const fd = fs.openSync(file, "r");
  try {
    const { size } = fs.fstatSync(fd);
    if (size > MAX_TENANTS_FILE_BYTES) throw tooLarge(shown, size);
    const bytes = readAtMost(fd, MAX_TENANTS_FILE_BYTES);
    if (bytes === undefined) throw tooLarge(shown);
    return bytes.toString("utf8");
  } finally {
    fs.closeSync(fd);
  }
}

const READ_CHUNK_BYTES = 1024 * 1024;

/** Up to `limit` bytes of `fd`, read in chunks to its end; undefined as soon as there is a byte more. */
export function readAtMost(fd: number, limit: number): Buffer | undefined {
  const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, limit + 1));
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const read = fs.readSync(fd, chunk, 0, Math.min(chunk.length, limit + 1 - total), null);
    if (read === 0) return Buffer.concat(chunks, total);
    total += read;
    if (total > limit) return undefined;
    // A pipe gives a few KB per read: each is copied out, so the chunk buffer is not kept per read.
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
}

/**
 * Parses the text of a tenants file (`file` only names it in messages): every syntax error (a key
 * given twice among them) with its line and column, aliases bounded by MAX_ALIAS_COUNT, the size
 * by MAX_TENANTS_FILE_BYTES. The one reader of tenants files, for the root program and the CLI.
 */
export function parseTenantsYaml(text: string, file: string): TenantsYaml {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_TENANTS_FILE_BYTES) throw tooLarge(file, bytes);
  const lines = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, lineCounter: lines, uniqueKeys: true });
  if (document.errors.length) {
    const problems = document.errors.map((error) => ({ ...position(lines, error.pos[0]), message: error.message.split("\n")[0] ?? error.message }));
    throw new TenantsYamlError(file, "is not valid YAML", problems);
  }
  try {
    return { document, lines, raw: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // The library's own refusal of an alias bomb carries no position: aliasPastLimit finds it.
    const alias = aliasPastLimit(document, MAX_ALIAS_COUNT);
    if (!alias?.range) throw new TenantsYamlError(file, `is not valid YAML (${error.message})`);
    throw new TenantsYamlError(file, "has aliases that expand too far", [
      {
        ...position(lines, alias.range[0]),
        message: `the alias *${alias.source} takes the file past the ${MAX_ALIAS_COUNT} aliased nodes a tenants file may have (a bound against alias bombs); write the values out instead`,
      },
    ]);
  }
}

function position(lines: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** `bytes` is the size when known; a FIFO or a pipe tells it only by going past the limit. */
function tooLarge(file: string, bytes?: number): TenantsYamlError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  const size = bytes === undefined ? "is" : `is ${mb(bytes)},`;
  return new TenantsYamlError(file, `${size} more than the ${mb(MAX_TENANTS_FILE_BYTES)} a tenants file may have; give each stack a tenants file of its own (tenantsFile, docs/tenants-file.md)`);
}
