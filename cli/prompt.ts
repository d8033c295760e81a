import * as readline from "node:readline";
import { Writable } from "node:stream";
import { InterruptedError } from "./interrupted";
import { UsageError } from "./usage-error";

/** The input side of a terminal, as far as a hidden prompt needs it. */
export type TerminalInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/**
 * Asks for a secret on a terminal without echoing it: readline runs in terminal mode (raw
 * input) but writes its echo into a sink. The question itself goes to `output` (stderr), so
 * stdout stays clean for --json.
 */
export function promptHidden(question: string, input: TerminalInput, output: NodeJS.WritableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    const rl = readline.createInterface({ input, output: sink, terminal: true });
    output.write(question);
    let settled = false;
    const finish = (error: Error | undefined, answer?: string) => {
      if (settled) return;
      settled = true;
      rl.close();
      output.write("\n");
      if (error) reject(error);
      else resolve(answer!);
    };
    rl.on("line", (line) => (line === "" ? finish(new UsageError("No password entered.")) : finish(undefined, line)));
    // Raw mode turns Ctrl-C into a keypress, so it must be handled here.
    rl.on("SIGINT", () => finish(new InterruptedError("Cancelled at the password prompt.")));
    rl.on("close", () => finish(new UsageError("No password entered (input closed).")));
  });
}
