import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { ShippedRelease } from './shipped.ts';

/**
 * Whether a publisher has posted an edition newer than the ones shipped: download the candidate
 * file a source's meta.yaml names (`source.editions.download`), hash it, compare it with every
 * shipped release of the source, and when it is new write a release folder for an operator to
 * review and ingest. Nothing is loaded here. Every way a download can go wrong has its own
 * verdict and exit code, so a scheduled job can tell "nothing new" from "the publisher's site
 * answered an error page".
 */
export const VERDICTS = {
  /** The candidate is an edition already shipped. */
  same: 0,
  /** The source names no file to download: its editions page is to be checked by hand. */
  manual: 0,
  /** A new edition: a release folder was written. */
  new: 10,
  /** 404 or 410: the file is not (or no longer) where meta.yaml says. */
  'not-found': 20,
  /** Any other status that is not a success. */
  'http-error': 21,
  /** No answer: DNS, refused connection, time-out. */
  unreachable: 22,
  /** Fewer bytes than announced, a cut connection, or a zip (xlsx) without its end record. */
  truncated: 23,
  /** An HTML page where a data file was expected (an error or login page served with status 200). */
  'html-page': 24,
  /** A content type that is not the file's kind (e.g. JSON for a CSV). */
  'wrong-content-type': 25,
} as const;

export type Verdict = keyof typeof VERDICTS;

export interface EditionCheck {
  source: string;
  verdict: Verdict;
  exitCode: number;
  /** One line for the operator. */
  message: string;
  url?: string;
  sha256?: string;
  /** The release folder written for a new edition. */
  folder?: string;
}

/** Content types a publisher may serve each kind of file with (octet-stream for any). */
const CONTENT_TYPES: Record<string, string[]> = {
  '.csv': ['text/csv', 'application/csv', 'text/plain', 'text/comma-separated-values', 'application/vnd.ms-excel'],
  '.xlsx': ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'],
  '.zip': ['application/zip', 'application/x-zip-compressed'],
  '.dta': ['application/x-stata', 'application/x-stata-dta'],
  '.gz': ['application/gzip', 'application/x-gzip'],
};
const ANY_BINARY = ['application/octet-stream', 'binary/octet-stream', 'application/force-download'];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The newest shipped release of each source, by publication date (the one whose meta describes it). */
export function newestBySource(shipped: ShippedRelease[]): Map<string, ShippedRelease> {
  const newest = new Map<string, ShippedRelease>();
  for (const r of shipped) {
    const seen = newest.get(r.meta.source.id);
    if (!seen || r.publishedOn >= seen.publishedOn) newest.set(r.meta.source.id, r);
  }
  return newest;
}

/** sha256 of every shipped data file of the source: what "already loaded" means here. */
async function knownDigests(shipped: ShippedRelease[], sourceId: string): Promise<Set<string>> {
  const digests = new Set<string>();
  for (const r of shipped.filter((s) => s.meta.source.id === sourceId)) {
    if (r.meta.sha256) digests.add(r.meta.sha256);
    digests.add(sha256(await readFile(r.dataPath)));
  }
  return digests;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<head');
}

/** A zip (xlsx, zip) ends with its end-of-central-directory record (PK\x05\x06) within its last 64 KiB. */
function zipIsWhole(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= from; i--)
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  return false;
}

const result = (source: string, verdict: Verdict, message: string, extra: Partial<EditionCheck> = {}) => ({
  source,
  verdict,
  exitCode: VERDICTS[verdict],
  message,
  ...extra,
});

export interface CheckOptions {
  shipped: ShippedRelease[];
  /** Where release folders are written (datasets/). */
  datasetsDir: string;
  today: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export async function checkEdition(newest: ShippedRelease, options: CheckOptions): Promise<EditionCheck> {
  const source = newest.meta.source.id;
  const editions = newest.meta.source.editions;
  const url = editions?.download;
  if (!url)
    return result(source, 'manual', `no file to download: check ${editions?.page ?? newest.meta.source.url} by hand`);
  let response: Response;
  let bytes: Uint8Array;
  try {
    response = await (options.fetch ?? fetch)(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs ?? 300_000),
    });
  } catch (error) {
    return result(source, 'unreachable', `${url}: no answer (${(error as Error).message})`, { url });
  }
  if (response.status === 404 || response.status === 410)
    return result(source, 'not-found', `${url}: ${response.status}, the file is not there`, { url });
  if (!response.ok) return result(source, 'http-error', `${url}: HTTP ${response.status}`, { url });
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return result(source, 'truncated', `${url}: the connection closed mid-file (${(error as Error).message})`, {
      url,
    });
  }
  const announced = Number(response.headers.get('content-length') ?? Number.NaN);
  const extension = path.extname(new URL(url).pathname).toLowerCase();
  if ((Number.isFinite(announced) && bytes.length < announced) || (extension === '.xlsx' && !zipIsWhole(bytes)))
    return result(
      source,
      'truncated',
      `${url}: ${bytes.length} bytes${Number.isFinite(announced) ? ` of ${announced} announced` : ', the zip has no end record'}`,
      { url },
    );
  if (looksLikeHtml(bytes))
    return result(source, 'html-page', `${url}: an HTML page was served where a ${extension} file was expected`, {
      url,
    });
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const expected = [...(CONTENT_TYPES[extension] ?? []), ...ANY_BINARY];
  if (type !== '' && !expected.includes(type))
    return result(source, 'wrong-content-type', `${url}: served as ${type}, expected one of ${expected.join(', ')}`, {
      url,
    });
  const digest = sha256(bytes);
  if ((await knownDigests(options.shipped, source)).has(digest))
    return result(source, 'same', `the edition at ${url} is already shipped (sha256 ${digest.slice(0, 12)}…)`, {
      url,
      sha256: digest,
    });
  const folder = await writeCandidate(newest, bytes, digest, url, options);
  return result(source, 'new', `a new edition: written to ${path.relative(process.cwd(), folder)}`, {
    url,
    sha256: digest,
    folder,
  });
}

/**
 * The candidate's release folder: the file as downloaded and the newest release's meta.yaml with
 * a provisional id, the file name, its sha256 and today's retrieval date. The operator sets the
 * edition's label and publication date before ingesting it.
 */
async function writeCandidate(
  newest: ShippedRelease,
  bytes: Uint8Array,
  digest: string,
  url: string,
  options: CheckOptions,
): Promise<string> {
  const release = `candidate-${options.today}-${digest.slice(0, 8)}`;
  const folder = path.join(options.datasetsDir, newest.meta.source.id, release);
  const fileName = path.basename(new URL(url).pathname) || 'data';
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, fileName), bytes);
  const meta = parseDocument(await readFile(path.join(newest.folder, 'meta.yaml'), 'utf8'));
  meta.set('release', release);
  meta.set('label', `Candidate edition downloaded ${options.today} from ${url}: set the label and published_on`);
  meta.set('file', fileName);
  meta.set('sha256', digest);
  meta.set('retrieved_on', options.today);
  meta.set('published_on', options.today);
  meta.set(
    'notes',
    `Written by sources:check on ${options.today} from ${url}. The publication date is the download date until the operator sets the publisher's; the indicators are the previous edition's.`,
  );
  meta.set('label_vi', `Ấn bản ứng viên tải ngày ${options.today} từ ${url}: cần đặt nhãn và published_on`);
  meta.set(
    'notes_vi',
    `Do sources:check ghi ngày ${options.today} từ ${url}. Ngày công bố là ngày tải cho đến khi người vận hành đặt ngày của nhà xuất bản; các chỉ tiêu là của ấn bản trước.`,
  );
  await writeFile(path.join(folder, 'meta.yaml'), meta.toString());
  return folder;
}
