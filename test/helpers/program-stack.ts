import { expect } from "chai";
import type { TestStack } from "./engine";

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
