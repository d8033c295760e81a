import { parseArgs } from "node:util";
import { normaliseRegion, regionHint } from "../../provider/organization/region";
import { REGIONS, type Region } from "../../provider/organization/types";
import { didYouMean } from "../../provider/common/did-you-mean";
import { parseDuration } from "../duration";
import { UsageError } from "../usage-error";

/** The flags of `vb365 device-code`, checked and converted. */
export interface DeviceCodeArgs {
  help: boolean;
  url?: string;
  username?: string;
  apiVersion?: string;
  caFile?: string;
  insecure: boolean;
  connection?: string;
  region: Region;
  wait: boolean;
  timeoutMs?: number;
  intervalMs?: number;
  json: boolean;
  stack?: string;
  cwd?: string;
  configKey?: string;
  up: boolean;
  targets: string[];
}

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  url: { type: "string" },
  username: { type: "string" },
  "api-version": { type: "string" },
  "ca-file": { type: "string" },
  insecure: { type: "boolean" },
  connection: { type: "string" },
  region: { type: "string" },
  wait: { type: "boolean" },
  timeout: { type: "string" },
  interval: { type: "string" },
  json: { type: "boolean" },
  stack: { type: "string", short: "s" },
  cwd: { type: "string", short: "C" },
  "config-key": { type: "string" },
  up: { type: "boolean" },
  target: { type: "string", multiple: true },
} as const;

export const FLAG_NAMES = Object.keys(OPTIONS).map((name) => `--${name}`);

/** Poll intervals below this would only load the server; RFC 8628's default is 5 s. */
const MIN_INTERVAL_MS = 100;

export function parseDeviceCodeArgs(argv: readonly string[]): DeviceCodeArgs {
  refusePasswordFlag(argv);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  if (positionals.length) {
    throw new UsageError(`vb365 device-code takes no arguments, only flags; got ${JSON.stringify(positionals[0])}.`);
  }
  const args: DeviceCodeArgs = {
    help: values.help ?? false,
    url: nonEmpty(values.url, "--url"),
    username: nonEmpty(values.username, "--username"),
    apiVersion: values["api-version"] === undefined ? undefined : apiVersion(values["api-version"]),
    caFile: nonEmpty(values["ca-file"], "--ca-file"),
    insecure: values.insecure ?? false,
    connection: nonEmpty(values.connection, "--connection"),
    region: region(values.region),
    wait: (values.wait ?? false) || (values.up ?? false),
    timeoutMs: values.timeout === undefined ? undefined : duration(values.timeout, "--timeout", 1000),
    intervalMs: values.interval === undefined ? undefined : duration(values.interval, "--interval", MIN_INTERVAL_MS),
    json: values.json ?? false,
    stack: nonEmpty(values.stack, "--stack"),
    cwd: nonEmpty(values.cwd, "--cwd"),
    configKey: nonEmpty(values["config-key"], "--config-key"),
    up: values.up ?? false,
    targets: values.target ?? [],
  };
  if (!args.help) checkCombinations(args, values);
  return args;
}

function checkCombinations(args: DeviceCodeArgs, values: { wait?: boolean; timeout?: string; interval?: string }): void {
  const needs = (present: unknown, flag: string, required: unknown, requiredFlag: string, why: string) => {
    if (present && !required) throw new UsageError(`${flag} needs ${requiredFlag}: ${why}`);
  };
  needs(args.configKey, "--config-key", args.stack, "--stack <name>", "the code is written into that stack's config.");
  needs(args.up, "--up", args.stack, "--stack <name>", "pulumi up runs on that stack.");
  needs(args.up, "--up", args.configKey, "--config-key <key>", "the program reads the code from that config key.");
  needs(args.targets.length, "--target", args.up, "--up", "it is passed on to pulumi up.");
  needs(args.cwd, "--cwd", args.stack, "--stack <name>", "it is the directory of the Pulumi project (Pulumi.yaml) that holds the stack.");
  needs(values.timeout, "--timeout", values.wait || args.up, "--wait", "it limits the wait for the sign-in.");
  needs(values.interval, "--interval", values.wait || args.up, "--wait", "it is the pause between checks of the sign-in.");
  if (args.insecure && args.caFile) {
    throw new UsageError("--insecure and --ca-file contradict each other: --ca-file trusts one certificate, --insecure trusts any. Pick one.");
  }
  const connectionFlags = [
    ["--url", args.url],
    ["--username", args.username],
    ["--api-version", args.apiVersion],
    ["--ca-file", args.caFile],
    ["--insecure", args.insecure || undefined],
  ].filter(([, value]) => value !== undefined);
  if (args.connection && connectionFlags.length) {
    throw new UsageError(
      `--connection takes the whole connection from vb365:connections.${args.connection} in the stack config; ` +
        `drop ${connectionFlags.map(([flag]) => flag).join(", ")} or --connection.`,
    );
  }
  needs(args.connection, "--connection", args.stack, "--stack <name>", "the named connection is read from that stack's vb365:connections.");
}

/** A password flag would land in shell history and process listings: say where it goes instead. */
function refusePasswordFlag(argv: readonly string[]): void {
  if (argv.some((arg) => arg === "--password" || arg.startsWith("--password=") || arg === "-p")) {
    throw new UsageError(
      "There is no --password flag: a password on the command line ends up in shell history and process listings. " +
        "Set VB365_PASSWORD, or vb365:password as a secret in the stack config (with --stack), or run on a terminal to be asked for it.",
    );
  }
}

function parseArgsMessage(error: Error & { code?: string }): string {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return `Unknown flag ${unknown[1]}.${didYouMean(unknown[1], FLAG_NAMES)}`;
  const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(error.message);
  if (missing) return `${missing[1]} needs a value.`;
  const unexpected = /Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(error.message);
  if (unexpected) return `${unexpected[1]} is a switch and takes no value.`;
  return error.message;
}

function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === "") throw new UsageError(`${flag} needs a value, not an empty string.`);
  return value;
}

function region(value: string | undefined): Region {
  if (value === undefined) return "Worldwide";
  const known = normaliseRegion(value);
  if (known) return known;
  throw new UsageError(`--region must be ${regionHint()}, not ${JSON.stringify(value)}.${didYouMean(value, REGIONS)}`);
}

function apiVersion(value: string): string {
  if (/^v?[678]$/i.test(value.trim())) return value.trim().toLowerCase().replace(/^(?!v)/, "v");
  throw new UsageError(`--api-version must be v6, v7 or v8, not ${JSON.stringify(value)}.`);
}

function duration(value: string, flag: string, minimumMs: number): number {
  const ms = parseDuration(value);
  if (ms === undefined) throw new UsageError(`${flag} must be a duration such as 90s, 10m or 1h30m, not ${JSON.stringify(value)}.`);
  if (ms < minimumMs) throw new UsageError(`${flag} must be at least ${minimumMs >= 1000 ? `${minimumMs / 1000}s` : `${minimumMs}ms`}, not ${JSON.stringify(value)}.`);
  return ms;
}
