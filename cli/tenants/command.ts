import { didYouMean } from "../../provider/common/did-you-mean";
import { EXIT } from "../exit-codes";
import type { CliIo } from "../io";
import { tenantsExportCommand } from "./export/command";
import { TENANTS_HELP } from "./help";

/** Subcommands of `vb365 tenants` by name. */
const SUBCOMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIo) => Promise<number>>> = {
  export: tenantsExportCommand,
};

/** `vb365 tenants <command>`: hands the rest of the line to the subcommand. */
export async function tenantsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "-h" || first === "--help" || first === "help") {
    (first === undefined ? io.stderr : io.stdout).write(TENANTS_HELP);
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  const subcommand = SUBCOMMANDS[first];
  if (!subcommand) {
    io.stderr.write(`vb365 tenants: unknown command ${JSON.stringify(first)}.${didYouMean(first, Object.keys(SUBCOMMANDS))} Run vb365 tenants --help for the commands.\n`);
    return EXIT.usage;
  }
  return subcommand(rest, io);
}
