import { pluginProcessHooks } from "./plugin-processes";

/**
 * Root hooks of the engine suite (test/.mocharc.engine.js): a test file fails when a process of
 * the vb365 plugin it started outlives its last Pulumi run (docs/plugin.md, "Process lifetime").
 */
export const mochaHooks = pluginProcessHooks();
