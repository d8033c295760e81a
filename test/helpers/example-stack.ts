import * as path from "node:path";
import type { ConfigMap } from "@pulumi/pulumi/automation";
import { after, before } from "mocha";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";
import type { Vb365Client } from "../../provider/client";
import { TestStack } from "./engine";
import { emulatorClient } from "./emulator-stack";

export const EXAMPLES = path.resolve(__dirname, "..", "..", "examples");

export interface ExampleFixture {
  emulator: Emulator;
  client: Vb365Client;
  stack: TestStack;
}

/** One example's stack against its own emulator, started before and torn down after the calling describe. */
export function exampleFixture(example: string, config: (emulator: Emulator) => ConfigMap, options: EmulatorOptions = {}): ExampleFixture {
  const fixture = {} as ExampleFixture;
  before(async () => {
    fixture.emulator = await startEmulator(options);
    fixture.client = emulatorClient(fixture.emulator);
    fixture.stack = await TestStack.create({ programDir: path.join(EXAMPLES, example), config: config(fixture.emulator) });
  });
  after(async () => {
    await fixture.stack?.dispose();
    await fixture.client?.close();
    await fixture.emulator?.close();
  });
  return fixture;
}
