import { parseArgs, type ParseArgsConfig } from "node:util";
import { didYouMean } from "../../provider/common/did-you-mean";
import { UsageError } from "../usage-error";

/**
 * The flags of every command that talks to VB365: the connection, and the stack whose `vb365:`
 * config may supply it. Each command adds its own flags to CONNECTION_OPTIONS.
 */
export interface ConnectionFlags {
  url?: string;
  username?: string;
  apiVersion?: string;
  caFile?: string;
  insecure: boolean;
  /** --allow-insecure-http: plain http:// to another machine; present only when given. */
  allowInsecureHttp?: boolean;
  connection?: string;
  stack?: string;
  cwd?: string;
}

/** node:util parseArgs options of the connection flags. */
export const CONNECTION_OPTIONS = {
  url: { type: "string" },
  username: { type: "string" },
  "api-version": { type: "string" },
  "ca-file": { type: "string" },
  insecure: { type: "boolean" },
  "allow-insecure-http": { type: "boolean" },
  connection: { type: "string" },
  stack: { type: "string", short: "s" },
  cwd: { type: "string", short: "C" },
} as const;

/** What parseArgs gives for CONNECTION_OPTIONS. */
export interface ConnectionValues {
  url?: string;
  username?: string;
  "api-version"?: string;
  "ca-file"?: string;
  insecure?: boolean;
  "allow-insecure-http"?: boolean;
  connection?: string;
  stack?: string;
  cwd?: string;
}

export function connectionFlags(values: ConnectionValues): ConnectionFlags {
  return {
    url: nonEmpty(values.url, "--url"),
    username: nonEmpty(values.username, "--username"),
    apiVersion: values["api-version"] === undefined ? undefined : apiVersion(values["api-version"]),
    caFile: nonEmpty(values["ca-file"], "--ca-file"),
    insecure: values.insecure ?? false,
    ...(values["allow-insecure-http"] ? { allowInsecureHttp: true } : {}),
    connection: nonEmpty(values.connection, "--connection"),
    stack: nonEmpty(values.stack, "--stack"),
    cwd: nonEmpty(values.cwd, "--cwd"),
  };
}

/** The connection flags that make no sense together or without --stack. */
export function checkConnectionFlags(flags: ConnectionFlags): void {
  if (flags.cwd && !flags.stack) {
    throw new UsageError("--cwd needs --stack <name>: it is the directory of the Pulumi project (Pulumi.yaml) that holds the stack.");
  }
  if (flags.insecure && flags.caFile) {
    throw new UsageError("--insecure and --ca-file contradict each other: --ca-file trusts one certificate, --insecure trusts any. Pick one.");
  }
  const given = [
    ["--url", flags.url],
    ["--username", flags.username],
    ["--api-version", flags.apiVersion],
    ["--ca-file", flags.caFile],
    ["--insecure", flags.insecure || undefined],
    ["--allow-insecure-http", flags.allowInsecureHttp || undefined],
  ].filter(([, value]) => value !== undefined);
  if (flags.connection && given.length) {
    throw new UsageError(
      `--connection takes the whole connection from vb365:connections.${flags.connection} in the stack config; ` +
        `drop ${given.map(([flag]) => flag).join(", ")} or --connection.`,
    );
  }
  if (flags.connection && !flags.stack) {
    throw new UsageError("--connection needs --stack <name>: the named connection is read from that stack's vb365:connections.");
  }
}

/** A password flag would land in shell history and process listings: say where it goes instead. */
export function refusePasswordFlag(argv: readonly string[]): void {
  if (argv.some((arg) => arg === "--password" || arg.startsWith("--password=") || arg === "-p")) {
    throw new UsageError(
      "There is no --password flag: a password on the command line ends up in shell history and process listings. " +
        "Set VB365_PASSWORD, or vb365:password as a secret in the stack config (with --stack), or run on a terminal to be asked for it.",
    );
  }
}

/** A command's flag definitions, as node:util's parseArgs takes them. */
export type FlagOptions = NonNullable<ParseArgsConfig["options"]>;
/** What parseCommandFlags returns for `T`: parseArgs' own typing of the values. */
export type FlagValues<T extends FlagOptions> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>["values"];

/**
 * A command's flags parsed strictly (no password flag, parseArgs' messages reworded); a positional
 * argument is refused, with `hint` saying what was probably meant.
 */
export function parseCommandFlags<T extends FlagOptions>(command: string, argv: readonly string[], options: T, hint: (positional: string) => string = () => ""): FlagValues<T> {
  refusePasswordFlag(argv);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error as Error & { code?: string }, Object.keys(options).map((name) => `--${name}`)));
  }
  const [positional] = parsed.positionals;
  if (positional !== undefined) throw new UsageError(`vb365 ${command} takes no arguments, only flags; got ${JSON.stringify(positional)}.${hint(positional)}`);
  return parsed.values;
}

/** parseArgs' own message, reworded: the flag and what it needs; a suggestion among `flagNames`. */
export function parseArgsMessage(error: Error & { code?: string }, flagNames: readonly string[]): string {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return `Unknown flag ${unknown[1]}.${didYouMean(unknown[1], flagNames)}`;
  const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(error.message);
  if (missing) return `${missing[1]} needs a value.`;
  const unexpected = /Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(error.message);
  if (unexpected) return `${unexpected[1]} is a switch and takes no value.`;
  return error.message;
}

export function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === "") throw new UsageError(`${flag} needs a value, not an empty string.`);
  return value;
}

function apiVersion(value: string): string {
  if (/^v?[678]$/i.test(value.trim())) return value.trim().toLowerCase().replace(/^(?!v)/, "v");
  throw new UsageError(`--api-version must be v6, v7 or v8, not ${JSON.stringify(value)}.`);
}
