import * as fs from "node:fs";
import * as path from "node:path";
import { CommandError } from "../../command-error";
import { EXIT } from "../../exit-codes";

/**
 * Writes `text` to `file` in one step: a temporary file beside it (same file system, so the
 * rename is atomic), flushed, then renamed over it. A reader, or an interrupted export, sees the
 * old file or the new one, never half of one. An existing file's mode is kept.
 */
export function writeAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const mode = existingMode(file);
    const fd = fs.openSync(temporary, "wx", mode ?? 0o644);
    try {
      fs.writeFileSync(fd, text, "utf8");
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (mode !== undefined) fs.chmodSync(temporary, mode);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new CommandError(`${file} could not be written: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; it is as it was.`, "tenants_file_unwritable", EXIT.failed);
  }
}

function existingMode(file: string): number | undefined {
  try {
    return fs.statSync(file).mode & 0o777;
  } catch {
    return undefined;
  }
}
