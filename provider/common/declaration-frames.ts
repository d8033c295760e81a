import * as path from "node:path";

/** pulumi-vb365's resources and components: this file's parent directory, from source or from dist/. */
const LIBRARY_DIR = path.resolve(__dirname, "..") + path.sep;

/**
 * Leaves pulumi-vb365's own frames out of the stack traces taken until the returned function is
 * called: around the SDK's constructor, where it takes the resource's source position and stack
 * trace, which the engine stores in state with every resource. The source position is then the
 * line of the program that declared the resource (what Pulumi Cloud and the CLI point at), not a
 * constructor of this library, and each resource's stored trace is two or three frames shorter:
 * the checkpoint, which the engine rewrites after every step, is about 2% smaller for a tenant.
 *
 * The frames are left out before any other formatter (ts-node's source maps) sees them, and only
 * the SDK's own frames, which it skips by count, come before them.
 */
export function hideLibraryFrames(): () => void {
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = (error, callSites) => {
    const kept = withoutLibraryFrames(callSites);
    return previous ? previous(error, kept) : `${String(error)}${kept.map((site) => `\n    at ${site}`).join("")}`;
  };
  return () => {
    Error.prepareStackTrace = previous;
  };
}

export function withoutLibraryFrames(callSites: NodeJS.CallSite[]): NodeJS.CallSite[] {
  return callSites.filter((site) => !site.getFileName()?.startsWith(LIBRARY_DIR));
}
