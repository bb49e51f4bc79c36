// Précis in a Web Worker ("precis/worker").
import type { SummarizeOptions, SummaryResult, PrecisErrorCode } from './precis.js';

export interface CreateWorkerOptions {
  /**
   * Where the worker script is. Default: `new URL('./worker.mjs', import.meta.url)`,
   * which Vite, webpack 5 and Parcel recognize and emit. With esbuild, build
   * "precis/worker" as an entry point of its own and pass its URL here.
   */
  url?: string | URL;
  /** Where precis-core.wasm is (default: next to precis.mjs). Relative URLs resolve against the page. */
  wasmURL?: string | URL;
  /** The worker's name, shown by dev tools (default "precis"). */
  name?: string;
}

export interface PrecisWorker {
  /**
   * Settles once the worker has loaded the core; rejects with a PrecisError if it could not.
   * Waiting for it is optional: summarize() waits by itself.
   */
  readonly ready: Promise<void>;
  /**
   * Summarizes `text` in the worker. Rejects with a PrecisError carrying the core's
   * stable `code` (bad options, input too large, ...), or with an "AbortError"
   * DOMException once terminate() was called.
   */
  summarize(text: string, options?: SummarizeOptions): Promise<SummaryResult>;
  /** Stops the worker; pending and later calls reject with an "AbortError" DOMException. */
  terminate(): void;
}

/**
 * Spawns the worker (a module worker running "precis/worker") and returns its client.
 * Throws a PrecisError with code "unsupported" where there are no Web Workers (Node).
 */
export function createWorker(options?: CreateWorkerOptions): PrecisWorker;

/**
 * Answers requests in a worker. Runs by itself when "precis/worker" is the worker's
 * script; call it from a worker entry of your own if a bundler merged the module into
 * a shared chunk.
 */
export function serve(scope?: {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}): void;

/** The messages the worker understands. */
export type WorkerRequest =
  | { id: number | string; text: string; options?: SummarizeOptions }
  | { load: { wasmURL?: string } };

/** The messages the worker sends back. */
export type WorkerReply =
  | { id: number | string; result: SummaryResult }
  | { id: number | string; error: { code: PrecisErrorCode; message: string } }
  | { loaded: true }
  | { loaded: false; error: { code: PrecisErrorCode; message: string } };
