import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { LpSolver } from './domain/efficiency/linear-program.ts';
import type { ProxyTrust } from './http/client-address.ts';
import type { DataVersionSource } from './http/data-version.ts';
import type { Logger } from './http/request-log.ts';
import type { ResponseStore } from './http/response-cache.ts';
import type { ReleaseUpload, UploadSummary } from './ingest/upload.ts';
import type { SpreadsheetWriter } from './http/table.ts';
import type { ChartRenderer } from './render/chart-renderer.ts';
import type { Brief } from './documents/brief-model.ts';
import type { BriefPart } from './http/analysis-params.ts';

/**
 * Browser assets served by the app (the API reference today; the chart libraries next). The
 * runtime supplies them: Node reads them from installed packages, so nothing comes from a CDN.
 */
export interface AssetProvider {
  /**
   * The file, its type, a strong validator (its sha256) and, where the runtime made them, the same
   * bytes compressed with brotli and gzip (Node compresses each once, on first use).
   */
  get(name: string): Promise<{
    body: Uint8Array;
    contentType: string;
    etag?: string;
    encoded?: { br?: Uint8Array; gzip?: Uint8Array };
  } | null>;
  /** The ETag `get` gives the file, without preparing its compressed copies (what a page links by). */
  etag?(name: string): Promise<string | null>;
}

/** Writers of a country brief as a document (Node: src/documents/brief-pdf.ts, brief-docx.ts, loaded lazily). */
export interface BriefDocumentWriters {
  /** `charts`: each section's chart as SVG markup, by theme (drawn as vectors). */
  pdf(brief: Brief, charts: ReadonlyMap<string, string>, part?: BriefPart): Promise<Uint8Array>;
  /** `charts`: each section's chart as PNG with its size in CSS pixels, by theme. */
  docx(
    brief: Brief,
    charts: ReadonlyMap<string, { png: Uint8Array; width: number; height: number }>,
    part?: BriefPart,
  ): Promise<Uint8Array>;
}

/** What the runtime-free app needs from its entry point (Node or Workers). */
export interface AppDeps {
  db: Kysely<Database>;
  /** The clock, injectable so membership "today" is testable. */
  now?: () => Date;
  /** Where ETags get the data version (default: the database, re-read at most once a second). */
  versions?: DataVersionSource;
  /** Where finished responses are cached (default: an in-process LRU of 32 MiB). */
  responseStore?: ResponseStore;
  /** Names the deployed code in cache keys and ETags, for stores that outlive a deploy. */
  build?: string;
  /** Browser assets (API reference, chart libraries) from installed packages; absent on the edge. */
  assets?: AssetProvider;
  /** An LP solver for DEA (HiGHS, WebAssembly); only Node has it (too large for the Worker bundle), so DEA answers 501 elsewhere. */
  lpSolver?: () => Promise<LpSolver>;
  /**
   * A fast LP solver for the thousands of small programmes of the DEA bootstrap (YALPS, plain
   * TypeScript, bounded in pivots); wired on Node beside HiGHS. Without it, answers carry no bootstrap intervals.
   */
  replicationLpSolver?: () => Promise<LpSolver>;
  /** Table → Excel workbook; only Node has it (exceljs stays out of the Worker), so xlsx answers 501 elsewhere. */
  spreadsheet?: SpreadsheetWriter;
  /** Brief → PDF / DOCX; only Node has them (pdfkit, docx stay out of the Worker), so they answer 501 elsewhere. */
  briefDocuments?: BriefDocumentWriters;
  /**
   * Draws charts (SVG, size, PNG, PDF, SVG with outlined text). Node gives a pool of worker
   * threads with every renderer, so rendering never blocks JSON requests; absent (the edge): SVG
   * and size in the request's thread, and PNG/PDF/outlines answer 501 (resvg and pdfkit are Node's).
   */
  renderer?: ChartRenderer;
  /** Release uploads; only Node has them (the readers use danfojs), so uploads answer 501 elsewhere. */
  ingest?: (upload: ReleaseUpload) => Promise<UploadSummary>;
  /** sha256 (hex) of each accepted admin key. No hashes: every admin call is refused. */
  adminKeyHashes?: readonly string[];
  /** Largest accepted upload, in bytes. */
  uploadMaxBytes?: number;
  /** Requests per client per window on public routes; absent: no limit. */
  rateLimit?: { limit: number; windowMs: number };
  /** Admin requests per client per window, always on (default 20 a minute): a key cannot be brute-forced. */
  adminRateLimit?: { limit: number; windowMs: number };
  /** Whose forwarding headers say who the client is (default: nobody's; the socket address counts). */
  proxyTrust?: ProxyTrust;
  /**
   * The origin of absolute URLs in responses: a configured origin; `'request'` for the request's
   * own (Host header; development and tests, the default); absent in production without
   * PUBLIC_ORIGIN (`null`): root-relative URLs.
   */
  publicOrigin?: string | 'request' | null;
  /** Structured request logs; absent: none (tests). */
  log?: Logger;
}
