import { deviceCodeLogin, type DeviceCodeLoginResult, type DeviceCodeVerification } from "../../provider/device-code";
import { CLI_RETRY_POLICY, openConnection } from "../connection/open";
import { EXIT } from "../exit-codes";
import { describeFailure, type FailureContext, failureText, knownSecret } from "../failure";
import type { CliIo } from "../io";
import { type DeviceCodeArgs, parseDeviceCodeArgs } from "./args";
import { DEVICE_CODE_HELP } from "./help";
import { customerInstructions, jsonReport, type JsonReport } from "./render";
import { rotationLine, waitingRotation, type WaitingRotation } from "./rotation";
import { WaitDisplay } from "./wait-display";

/** What the run got to, for the final report whether it succeeded or not. */
interface Progress {
  verification?: DeviceCodeVerification;
  result?: DeviceCodeLoginResult;
  configWritten?: boolean;
  pulumiUp?: "succeeded" | "failed";
  interrupted?: boolean;
  /** The tenant whose certificate rotation this code is for, where the stack's summary says one waits for it. */
  rotation?: WaitingRotation;
}

/**
 * `vb365 device-code`: a thin shell over deviceCodeLogin. Human text goes to stderr, except the
 * customer's instructions (stdout, so they can be piped into a message); with --json, stdout
 * carries exactly one JSON object, on success and on failure alike.
 */
export async function deviceCodeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes("--json");
  const context: FailureContext = {};
  const progress: Progress = {};
  let args: DeviceCodeArgs | undefined;
  const interrupt = new AbortController();
  const stopListening = io.onInterrupt(() => {
    progress.interrupted = true;
    interrupt.abort();
  });
  try {
    args = parseDeviceCodeArgs(argv);
    if (args.help) {
      io.stdout.write(DEVICE_CODE_HELP);
      return EXIT.ok;
    }
    const { settings: connection, stack, stackConfig } = await openConnection(args, io, context);
    warnings(args, stackConfig).forEach((warning) => io.stderr.write(`Warning: ${warning}\n`));
    if (stack && args.configKey) {
      progress.rotation = waitingRotation(await stack.outputs(), args.configKey);
      if (progress.rotation) io.stderr.write(rotationLine(progress.rotation));
    }

    let display: WaitDisplay | undefined;
    try {
      progress.result = await deviceCodeLogin({
        connection,
        // Polls have their own tolerance on top.
        clientOptions: { retryPolicy: CLI_RETRY_POLICY },
        region: args.region,
        wait: args.wait,
        timeoutMs: args.timeoutMs,
        pollIntervalMs: args.intervalMs,
        signal: interrupt.signal,
        onVerification: async (verification) => {
          progress.verification = verification;
          knownSecret(context, verification.userCode);
          // Stored before the customer hears of it: if the stack cannot take it, nobody signs in for nothing.
          if (stack && args?.configKey) {
            await stack.setSecret(args.configKey, verification.userCode);
            progress.configWritten = true;
            io.stderr.write(`Wrote the code into the config of stack ${stack.name} as the secret ${args.configKey}.\n`);
          }
          io.stderr.write("Forward these instructions to the customer's Global Administrator:\n\n");
          (json ? io.stderr : io.stdout).write(customerInstructions(verification, Date.now()));
          if (args?.wait) {
            display = new WaitDisplay(io.stderr, verification.expiresAt);
            display.start();
          }
        },
        onProgress: (step) => display?.progress(step),
      });
    } finally {
      display?.stop();
    }

    if (stack && args.up) {
      io.stderr.write(`Running pulumi up --yes --stack ${stack.name}${args.targets.map((urn) => ` --target ${urn}`).join("")} in ${stack.cwd}\n`);
      progress.pulumiUp = "failed";
      await stack.up(args.targets, json ? "stderr" : "inherit");
      progress.pulumiUp = "succeeded";
      io.stderr.write("pulumi up succeeded.\n");
    }
    if (json) io.stdout.write(`${JSON.stringify(report(args, progress))}\n`);
    return EXIT.ok;
  } catch (error) {
    const failure = describeFailure(error, context);
    const exitCode = progress.interrupted ? EXIT.interrupted : failure.exitCode;
    io.stderr.write(failureText("device-code", error, failure, context, io.env));
    if (json) io.stdout.write(`${JSON.stringify({ ...report(args, progress), error: { ...failure, exitCode } })}\n`);
    return exitCode;
  } finally {
    stopListening();
  }
}

function report(args: DeviceCodeArgs | undefined, progress: Progress): JsonReport {
  return {
    ...jsonReport(progress.verification, progress.result),
    stack: args?.stack,
    configKey: args?.configKey,
    configWritten: args?.configKey ? (progress.configWritten ?? false) : undefined,
    pulumiUp: progress.pulumiUp,
    ...(progress.rotation ? { rotation: progress.rotation } : {}),
  };
}

function warnings(args: DeviceCodeArgs, stackConfig: Record<string, string> | undefined): string[] {
  const found: string[] = [];
  const stackUrl = stackConfig?.["vb365:url"];
  if (args.up && args.url && stackUrl && stackUrl.replace(/\/+$/, "") !== args.url.replace(/\/+$/, "")) {
    // A device code is only known to the server that issued it.
    found.push(`--url ${args.url} is not the stack's vb365:url (${stackUrl}); pulumi up will add the organization on the latter, which does not know this code.`);
  }
  return found;
}
