import type { Emulator } from "../../../../emulator";
import type { EngineRun } from "../engine-runner";
import type { BadInputResult } from "../results";

/** A bad input given to a real stack, and how to take it back. */
export interface PreviewCase {
  id: string;
  target: BadInputResult["target"];
  field: string;
  valid: RegExp;
  apply: () => Promise<void>;
  undo: () => Promise<void>;
}

export interface PreviewContext {
  emulator: Emulator;
  /** The checkpoint text, as the backend stores it. */
  stateText(): string;
  preview(name: string): Promise<EngineRun>;
}

/**
 * `pulumi preview` with the bad input in place, as a pipeline runs it before `up`: it must fail,
 * its error must name the field and what is valid, no request may reach VB365 and the
 * checkpoint must stay byte for byte the same.
 */
export async function previewBadInput(badInput: PreviewCase, context: PreviewContext): Promise<BadInputResult> {
  const state = context.stateText();
  await badInput.apply();
  context.emulator.resetCounters();
  let run: EngineRun;
  try {
    run = await context.preview(`bad input at preview: ${badInput.target} ${badInput.id}`);
  } finally {
    await badInput.undo();
  }
  const apiCalls = context.emulator.counters().total;
  const message = run.ok ? "" : (run.error ?? "");
  const namesField = message.includes(badInput.field);
  const saysWhatIsValid = badInput.valid.test(message);
  const stateUnchanged = context.stateText() === state;
  return {
    id: badInput.id,
    target: badInput.target,
    through: "pulumi preview",
    field: badInput.field,
    message,
    namesField,
    saysWhatIsValid,
    apiCalls,
    stateUnchanged,
    caught: !run.ok && namesField && saysWhatIsValid && apiCalls === 0 && stateUnchanged,
  };
}
