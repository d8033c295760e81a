/**
 * Time from spawning the built `vb365-emulator` to its ready line (HTTPS, so certificate
 * generation included), over several runs.
 *
 *   npm run build && npx ts-node --transpile-only bench/emulator-startup.ts [runs]
 */
import { requireBuild, startEmulatorProcess } from "./emulator-process";

async function main(): Promise<void> {
  requireBuild();
  const runs = Number(process.argv[2] ?? 10);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const emulator = await startEmulatorProcess([]);
    times.push(emulator.startupMs);
    await emulator.stop();
  }
  times.sort((a, b) => a - b);
  const at = (fraction: number) => times[Math.min(times.length - 1, Math.floor(fraction * times.length))]!.toFixed(0);
  process.stdout.write(`vb365-emulator startup to ready line over ${runs} runs (ms): min ${at(0)}, median ${at(0.5)}, max ${at(1)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
