import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Emulator } from "../../emulator";

export interface OversizedOptions {
  /** How many bytes the body would have. */
  bytes: number;
  contentType?: string;
  /** Declare no Content-Length (chunked), so the server learns the size only by reading. */
  chunked?: boolean;
  headers?: Record<string, string>;
}

export interface OversizedAnswer {
  status: number;
  text: string;
  /** How much of the body was written before the answer came. */
  bytesWritten: number;
}

const CHUNK = Buffer.alloc(64 * 1024, "a");

/**
 * POSTs a body too large to be read, written a chunk at a time until the server answers: a
 * server that refuses early answers after a few chunks and closes, which ends the writing (the
 * EPIPE or reset of a write after the answer is expected, not an error).
 */
export function postOversized(emulator: Pick<Emulator, "url" | "caPem">, path: string, options: OversizedOptions): Promise<OversizedAnswer> {
  const url = new URL(path, emulator.url);
  const requester = url.protocol === "https:" ? httpsRequest : httpRequest;
  const headers: Record<string, string> = { "content-type": options.contentType ?? "application/json", ...options.headers };
  if (!options.chunked) headers["content-length"] = String(options.bytes);
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = requester(url, { method: "POST", headers, agent: false, ca: emulator.caPem }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", () => undefined);
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), bytesWritten: written });
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const writeMore = () => {
      while (!answered && written < options.bytes) {
        const size = Math.min(CHUNK.length, options.bytes - written);
        written += size;
        if (!req.write(size === CHUNK.length ? CHUNK : CHUNK.subarray(0, size))) {
          req.once("drain", writeMore);
          return;
        }
      }
      if (!answered) req.end();
    };
    writeMore();
  });
}
