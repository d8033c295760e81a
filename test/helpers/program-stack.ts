import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { TestStack, type TestStackOptions } from "./engine";

/**
 * A TestStack on a program directory that lives in the repository (the root program, an
 * example): the stack gets a name of its own per test process, and its Pulumi.<stack>.yaml is
 * removed even when a run is cut short, so nothing is left in the working tree.
 */
export async function repositoryStack(options: TestStackOptions & { stackName: string }): Promise<{ stack: TestStack; dispose: () => Promise<void> }> {
  const stackName = `${options.stackName}-${process.pid}`;
  const settingsFile = path.join(options.programDir, `Pulumi.${stackName}.yaml`);
  const stack = await TestStack.create({ ...options, stackName });
  return {
    stack,
    dispose: async () => {
      await stack.dispose();
      fs.rmSync(settingsFile, { force: true });
    },
  };
}

/** Runs a preview that must fail, and returns the CLI's message (stdout and stderr). */
export async function failedPreview(stack: TestStack): Promise<string> {
  let failure: unknown;
  try {
    await stack.preview();
  } catch (error) {
    failure = error;
  }
  expect(failure, "the preview should have failed").to.be.instanceOf(Error);
  return (failure as Error).message;
}
