// Run as its own process (mocks are global to the Pulumi runtime): declares TenantCertificates
// against Pulumi's mock engine with the stack-trace pause off and on, and prints as JSON how many
// stack traces with frames were formatted while each was declared, and what the pause left
// behind. Used by promise-stack-traces.test.ts.
import * as pulumi from "@pulumi/pulumi";

let framed = 0;
const format = Error.prepareStackTrace;
// Counts traces when they are formatted (`.stack` read), which is what costs under ts-node.
Error.prepareStackTrace = (error, frames) => {
  if (frames.length > 0) framed++;
  return format ? format(error, frames) : `${String(error)}${frames.map((frame) => `\n    at ${frame}`).join("")}`;
};

function framesWhile(declare: () => void): number {
  const before = framed;
  declare();
  return framed - before;
}

async function main(): Promise<void> {
  pulumi.runtime.setMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) }, "project", "stack", false);
  const { TenantCertificate } = await import("../../../provider");
  const declared: pulumi.Resource[] = [];
  const declare = (name: string) => () => void declared.push(new TenantCertificate(name, { subject: { commonName: name } }));

  process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
  const unpaused = framesWhile(declare("unpaused"));
  delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
  const limitBefore = Error.stackTraceLimit;
  const paused = framesWhile(declare("paused"));
  const limitAfter = Error.stackTraceLimit;

  let thrownStack = "";
  try {
    new TenantCertificate("", { subject: { commonName: "nameless" } });
  } catch (error) {
    thrownStack = error instanceof Error ? (error.stack ?? "") : String(error);
  }
  const limitAfterThrow = Error.stackTraceLimit;

  await Promise.all(declared.map((resource) => new Promise<void>((resolve) => resource.urn.apply(() => resolve()))));
  process.stdout.write(JSON.stringify({ unpaused, paused, limitBefore, limitAfter, limitAfterThrow, thrownStack }));
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
