import { Vb365ApiError, Vb365ConfigError, Vb365ConnectionError, Vb365Error } from "../provider/client";
import { SecretRegistry } from "../provider/client/redaction";
import { Vb365DeviceCodeError } from "../provider/device-code";
import { CommandError } from "./command-error";
import { EXIT, type ExitCode } from "./exit-codes";
import { InterruptedError } from "./interrupted";
import { PulumiError, PulumiUpError } from "./pulumi/errors";
import { UsageError } from "./usage-error";

export interface Failure {
  exitCode: ExitCode;
  /** Stable machine-readable reason, e.g. "tls_untrusted", "usage". */
  code: string;
  /** What happened, as a sentence. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

export interface FailureContext {
  /** The command as typed after `vb365`, for the pointer to its help. Default "device-code". */
  command?: string;
  /** What the account must be allowed to do, for a 401/403 after login. Default "add organizations". */
  rights?: string;
  url?: string;
  username?: string;
  stack?: string;
  /**
   * What the command learnt that must not be printed: the password, the device code. Redacted,
   * in every form a message may quote it, from all a failure says (errors from VB365 come
   * redacted of the connection's secrets already; a tool's or a library's message may not).
   */
  secrets?: SecretRegistry;
}

/** Notes a secret the command now knows, for every failure report to redact. */
export function knownSecret(context: FailureContext, value: string | undefined): void {
  (context.secrets ??= new SecretRegistry()).add(value);
}

/**
 * Every error the command can meet, as what happened and what to do: never a stack trace, never a
 * secret of `context`.
 */
export function describeFailure(error: unknown, context: FailureContext = {}): Failure {
  const failure = classified(error, context);
  const secrets = context.secrets;
  if (!secrets?.size) return failure;
  return { ...failure, message: secrets.redact(failure.message), ...(failure.hint === undefined ? {} : { hint: secrets.redact(failure.hint) }) };
}

/**
 * The failure as `vb365 <command>` prints it on stderr: what happened, what to do, and with
 * VB365_DEBUG set where it happened (the stack trace, redacted like the rest).
 */
export function failureText(command: string, error: unknown, failure: Failure, context: FailureContext, env: NodeJS.ProcessEnv): string {
  const lines = [`vb365 ${command}: ${failure.message}`, ...(failure.hint ? [failure.hint] : [])];
  if (env.VB365_DEBUG && error instanceof Error && error.stack) lines.push(context.secrets?.redact(error.stack) ?? error.stack);
  return `${lines.join("\n")}\n`;
}

function classified(error: unknown, context: FailureContext): Failure {
  if (error instanceof UsageError) return { exitCode: EXIT.usage, code: "usage", message: error.message, hint: `Run vb365 ${context.command ?? "device-code"} --help for the flags.` };
  if (error instanceof CommandError) return { exitCode: error.exitCode, code: error.code, message: error.message, hint: error.hint };
  if (error instanceof InterruptedError) return { exitCode: EXIT.interrupted, code: "interrupted", message: error.message };
  if (error instanceof PulumiUpError) return pulumiUpFailure(error, context);
  if (error instanceof PulumiError) return { exitCode: EXIT.pulumi, code: "pulumi", message: error.message };
  if (error instanceof Vb365DeviceCodeError) return deviceCodeFailure(error);
  if (error instanceof Vb365ConfigError && error.code === "insecure_http") {
    return {
      exitCode: EXIT.usage,
      code: error.code,
      message: error.message,
      hint: "For the command: --allow-insecure-http, or VB365_ALLOW_INSECURE_HTTP=1, or vb365:allowInsecureHttp in the stack config. Better: the server's https:// address.",
    };
  }
  if (error instanceof Vb365ConfigError) {
    return { exitCode: EXIT.usage, code: error.code, message: error.message, hint: "Flags (--url, --username, --api-version, --ca-file) override the stack config, which overrides VB365_* variables." };
  }
  if (error instanceof Vb365ConnectionError) return connectionFailure(error, context);
  if (error instanceof Vb365ApiError) return apiFailure(error, context);
  if (Vb365Error.isInstance(error)) return { exitCode: EXIT.failed, code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT.failed, code: "unexpected", message: `Unexpected error: ${message}`, hint: "Set VB365_DEBUG=1 to see where it happened, and report it." };
}

function deviceCodeFailure(error: Vb365DeviceCodeError): Failure {
  switch (error.code) {
    case "device_code_expired":
      return { exitCode: EXIT.expired, code: error.code, message: error.message, hint: "Run vb365 device-code again for a new code." };
    case "device_code_wait_timeout":
      return {
        exitCode: EXIT.timeout,
        code: error.code,
        message: error.message,
        hint: "Allow a longer --timeout, or leave it out to wait until the code expires; or run vb365 device-code again for a new code.",
      };
    default:
      return { exitCode: EXIT.interrupted, code: error.code, message: error.message };
  }
}

function connectionFailure(error: Vb365ConnectionError, context: FailureContext): Failure {
  const where = context.url ?? "the VB365 server";
  if (error.code === "tls_untrusted") {
    return {
      exitCode: EXIT.tls,
      code: error.code,
      message: `The TLS certificate of ${where} is not trusted${tlsReason(error)}, so nothing was sent to it.`,
      hint:
        "Trust it with --ca-file <PEM file> (or VB365_CA_FILE, or vb365:caCertificate in the stack config): the CA's certificate, " +
        "or the server's own if it is self-signed. Only for a test server: --insecure skips the check.",
    };
  }
  return {
    exitCode: EXIT.unreachable,
    code: error.code,
    message: `VB365 did not answer ${error.method} ${error.path}: ${firstSentence(error.message)}`,
    hint:
      "Check --url (or VB365_URL, or vb365:url in the stack config: https://<server>:4443), that the server is running with its REST API " +
      "enabled (Set-VBORestAPISettings -EnableService), and that its port is open from here." +
      (error.code === "timeout" ? " If the server is only slow, raise VB365_TIMEOUT_SECONDS or vb365:timeoutSeconds." : ""),
  };
}

function apiFailure(error: Vb365ApiError, context: FailureContext): Failure {
  if (error.code === "bad_credentials") {
    return {
      exitCode: EXIT.credentials,
      code: error.code,
      message: `VB365${context.url ? ` at ${context.url}` : ""} refused the user name or password${context.username ? ` of ${context.username}` : ""} (${error.method} ${error.path} answered ${error.status}).`,
      hint:
        "Check --username (or VB365_USERNAME, or vb365:username) and the password in VB365_PASSWORD or the secret vb365:password. " +
        "The account needs to be a VB365 administrator without MFA: the REST API cannot log in interactively.",
    };
  }
  if (error.status === 401 || error.status === 403) {
    return {
      exitCode: EXIT.credentials,
      code: error.code,
      message: error.message,
      hint: `The account logged in, but VB365 refused the request: it needs the rights to ${context.rights ?? "add organizations"}.`,
    };
  }
  return { exitCode: EXIT.failed, code: error.code, message: error.message };
}

function pulumiUpFailure(error: PulumiUpError, context: FailureContext): Failure {
  return {
    exitCode: EXIT.up,
    code: "pulumi_up_failed",
    message: error.message,
    hint:
      `If VB365 did not add the organization, the signed-in code can still be used: run pulumi up --stack ${context.stack ?? "<stack>"} again before it expires, ` +
      "or run vb365 device-code again for a new code. A code that was used once is refused a second time.",
  };
}

/** "nothing answers at https://h:4443 (connection refused)." out of the client's longer message. */
function firstSentence(message: string): string {
  const explanation = message.replace(/^VB365 \S+ \S+ failed: /, "");
  const end = explanation.indexOf(". ");
  return end === -1 ? explanation : explanation.slice(0, end + 1);
}

/** The certificate problem in Node's words, e.g. " (DEPTH_ZERO_SELF_SIGNED_CERT)". */
function tlsReason(error: Vb365ConnectionError): string {
  let current: unknown = error.cause;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /CERT|SELF_SIGNED|VERIFY|ALTNAME/.test(code)) return ` (${code})`;
    current = (current as { cause?: unknown }).cause;
  }
  return "";
}
