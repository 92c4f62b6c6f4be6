// Loads conformance/vectors.json: what every language's module must answer for each of the
// 65,536 codes and for a list of language tags.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The answers for one run of consecutive codes that all answer the same. */
export interface Run {
  readonly first: number;
  readonly last: number;
  readonly name: string | null;
  readonly aliases: readonly string[];
  readonly iana_name: string | null;
  readonly range: string | null;
  readonly sendable: boolean;
  readonly browser_closable: boolean;
  readonly sender: string | null;
  readonly reconnect: string;
  /** One title per locale, in `locales` order. */
  readonly title: readonly string[];
  /** One description per locale, in `locales` order. */
  readonly description: readonly string[];
}

/** The whole conformance file. */
export interface Vectors {
  readonly locales: readonly string[];
  readonly fallback: string;
  readonly runs: readonly Run[];
  /** Pairs of a requested tag and the locale it negotiates to. */
  readonly negotiation: readonly (readonly [string, string])[];
  /** Pairs of an `Accept-Language` header and the locale it negotiates to. */
  readonly accept_language: readonly (readonly [string, string])[];
  /** Close frame payloads: parsed, built and truncated. */
  readonly close_payloads: ClosePayloadVectors;
  /** The reconnect policy over a grid of codes and contexts. */
  readonly reconnect: ReconnectVectors;
}

/** The reconnect grid: for each code and context, a step per attempt and random number. */
export interface ReconnectVectors {
  readonly randoms: readonly number[];
  /** Attempts 0 up to this number, exclusive. */
  readonly attempts: number;
  readonly cases: readonly {
    readonly code: number;
    readonly delay_bounds: readonly [number, number];
    readonly contexts: readonly {
      readonly closed_by_client: boolean;
      readonly ever_opened: boolean;
      /** Attempt-major: `stop`, `retry:<ms>` or `reauthenticate:<ms>`. */
      readonly steps: readonly string[];
    }[];
  }[];
}

/** What reading, building and truncating Close frame payloads must answer. */
export interface ClosePayloadVectors {
  /** A received payload (hex) and its code and reason, or the close code of its error. */
  readonly parse: readonly {
    readonly payload: string;
    readonly code: number | null;
    readonly reason: string | null;
    readonly error: number | null;
  }[];
  /** A code and reason to send and the payload (hex), or the close code of the error. */
  readonly encode: readonly {
    readonly code: number;
    readonly reason: string;
    readonly payload: string | null;
    readonly error: number | null;
  }[];
  /** A reason and its longest prefix that fits in a Close frame. */
  readonly truncate: readonly { readonly reason: string; readonly truncated: string }[];
}

/** Where the file lives, relative to the repository root. */
export const VECTORS_PATH = "conformance/vectors.json";

/** The file in the nearest directory at or above the tests that has it. */
function locate(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let directory = here; ; directory = dirname(directory)) {
    const candidate = join(directory, VECTORS_PATH);
    if (existsSync(candidate)) return candidate;
    if (dirname(directory) === directory) throw new Error(`no ${VECTORS_PATH} at or above ${here}`);
  }
}

/** Reads and parses the conformance file. */
export function loadVectors(): Vectors {
  return JSON.parse(readFileSync(locate(), "utf8")) as Vectors;
}
