import { checkConnectionFlags, CONNECTION_OPTIONS, type ConnectionFlags, connectionFlags, nonEmpty, parseCommandFlags } from "../../connection/flags";

/** The flags of `vb365 tenants export`, checked and converted. */
export interface TenantsExportArgs extends ConnectionFlags {
  help: boolean;
  /** The tenants file to add to; without it the entries go to stdout. */
  file?: string;
  json: boolean;
  /** Where to write the `pulumi import -f` file of what was exported. */
  importFile?: string;
  /** Read the organizations' jobs (not with --no-jobs). */
  jobs: boolean;
}

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  ...CONNECTION_OPTIONS,
  file: { type: "string", short: "f" },
  json: { type: "boolean" },
  "import-file": { type: "string" },
  "no-jobs": { type: "boolean" },
} as const;

export function parseTenantsExportArgs(argv: readonly string[]): TenantsExportArgs {
  const values = parseCommandFlags("tenants export", argv, OPTIONS, (positional) => ` To add to a file, pass --file ${positional}.`);
  const args: TenantsExportArgs = {
    help: values.help ?? false,
    ...connectionFlags(values),
    file: nonEmpty(values.file, "--file"),
    json: values.json ?? false,
    importFile: nonEmpty(values["import-file"], "--import-file"),
    jobs: !(values["no-jobs"] ?? false),
  };
  if (!args.help) checkConnectionFlags(args);
  return args;
}
