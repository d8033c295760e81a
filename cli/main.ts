import { didYouMean } from "../provider/common/did-you-mean";
import { deviceCodeCommand } from "./device-code/command";
import { EXIT } from "./exit-codes";
import { MAIN_HELP } from "./help";
import type { CliIo } from "./io";
import { packageVersion } from "./package-info";
import { tenantsCommand } from "./tenants/command";

/** Subcommands by name; each takes its own flags and returns an exit code. */
const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIo) => Promise<number>>> = {
  "device-code": deviceCodeCommand,
  tenants: tenantsCommand,
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "-h" || first === "--help" || first === "help") {
    (first === undefined ? io.stderr : io.stdout).write(MAIN_HELP);
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === "-V" || first === "--version" || first === "version") {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[first];
  if (!command) {
    io.stderr.write(`vb365: unknown command ${JSON.stringify(first)}.${didYouMean(first, Object.keys(COMMANDS))} Run vb365 --help for the commands.\n`);
    return EXIT.usage;
  }
  return command(rest, io);
}
