import * as path from "node:path";
import type { ConnectionSettings, RetryPolicy } from "../../provider/client";
import { warnPlainHttpOnce } from "../../provider/client/plain-http";
import { type FailureContext, knownSecret } from "../failure";
import type { CliIo } from "../io";
import { promptHidden } from "../prompt";
import { findPulumi } from "../pulumi/locate";
import { PulumiStack } from "../pulumi/stack";
import type { ConnectionFlags } from "./flags";
import { commandConnection } from "./settings";

/**
 * A person (or a pipeline log) waits for the answer: after two quick retries a dead server is
 * reported, instead of after the provider's patient five.
 */
export const CLI_RETRY_POLICY: RetryPolicy = { maxRetries: 2, minDelayMs: 500, maxDelayMs: 2_000 };

/** What a command talks to VB365 with, and the stack whose config gave it (with --stack). */
export interface OpenedConnection {
  settings: ConnectionSettings;
  stack?: PulumiStack;
  stackConfig?: Record<string, string>;
}

/**
 * Reads the stack's config (with --stack) and settles the connection (settings.ts), noting in
 * `context` what a failure report names (and the password, for it to redact). Warns on stderr
 * when TLS verification is off, or when the password crosses the network unencrypted.
 */
export async function openConnection(flags: ConnectionFlags, io: CliIo, context: FailureContext): Promise<OpenedConnection> {
  context.stack = flags.stack;
  const stack = flags.stack ? new PulumiStack(findPulumi(io.env), flags.stack, path.resolve(io.cwd, flags.cwd ?? "."), io.env) : undefined;
  const stackConfig = stack ? await stack.config() : undefined;
  const settings = await commandConnection(flags, io.env, stackConfig, passwordPrompt(io));
  knownSecret(context, settings.password);
  context.url = settings.url;
  context.username = settings.username;
  if (settings.insecureSkipVerify) {
    io.stderr.write(`Warning: TLS certificate verification is off for ${settings.url}. Trust the server with --ca-file instead.\n`);
  }
  // The client would warn on the console; said here first, on the command's stderr, it says it once.
  warnPlainHttpOnce(settings, (sentence) => io.stderr.write(`Warning: ${sentence}\n`));
  return { settings, stack, stackConfig };
}

/** A hidden prompt is only possible when a person sits at the terminal. */
function passwordPrompt(io: CliIo): ((username: string, url: string) => Promise<string>) | undefined {
  if (!io.stdin.isTTY || !io.stderr.isTTY) return undefined;
  return (username, url) => promptHidden(`Password of ${username} at ${url}: `, io.stdin, io.stderr);
}
