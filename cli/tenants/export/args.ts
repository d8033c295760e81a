import { parseArgs } from "node:util";
import { checkConnectionFlags, CONNECTION_OPTIONS, type ConnectionFlags, connectionFlags, nonEmpty, parseArgsMessage, refusePasswordFlag } from "../../connection/flags";
import { UsageError } from "../../usage-error";

/** The flags of `vb365 tenants export`, checked and converted. */
export interface TenantsExportArgs extends ConnectionFlags {
  help: boolean;
  /** The tenants file to add to; without it the entries go to stdout. */
  file?: string;
  json: boolean;
  /** Read the organizations' jobs (not with --no-jobs). */
  jobs: boolean;
}

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  ...CONNECTION_OPTIONS,
  file: { type: "string", short: "f" },
  json: { type: "boolean" },
  "no-jobs": { type: "boolean" },
} as const;

const FLAG_NAMES = Object.keys(OPTIONS).map((name) => `--${name}`);

export function parseTenantsExportArgs(argv: readonly string[]): TenantsExportArgs {
  refusePasswordFlag(argv);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error as Error & { code?: string }, FLAG_NAMES));
  }
  const { values, positionals } = parsed;
  if (positionals.length) {
    throw new UsageError(`vb365 tenants export takes no arguments, only flags; got ${JSON.stringify(positionals[0])}. To add to a file, pass --file ${positionals[0]}.`);
  }
  const args: TenantsExportArgs = {
    help: values.help ?? false,
    ...connectionFlags(values),
    file: nonEmpty(values.file, "--file"),
    json: values.json ?? false,
    jobs: !(values["no-jobs"] ?? false),
  };
  if (!args.help) checkConnectionFlags(args);
  return args;
}
