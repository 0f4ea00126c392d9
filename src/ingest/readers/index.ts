import type { ReleaseMeta } from '../meta.ts';
import type { RawRow, Reader, RowStream } from './raw-row.ts';
import { streamTidy } from './tidy.ts';

/**
 * The readers of the layouts that need reshaping, loaded when a release needs one: they use danfojs,
 * whose TensorFlow.js backend costs a second and ~150 MiB of memory that a tidy bulk load never needs.
 */
const READERS: Readonly<Record<Exclude<ReleaseMeta['format'], 'tidy'>, () => Promise<Reader>>> = {
  'wb-bulk': async () => (await import('./wb-bulk.ts')).readWorldBankBulk,
  'un-egov': async () => (await import('./un-egov.ts')).readUnEgov,
  'bipa-long': async () => (await import('./bipa-long.ts')).readBipaLong,
  'qog-wide': async () => (await import('./qog-wide.ts')).readQogWide,
  'ilostat-bulk': async () => (await import('./ilostat-bulk.ts')).readIlostatBulk,
  'bipa-processed': async () => (await import('./bipa-processed.ts')).readBipaProcessed,
  'wb-databank-xlsx': async () => (await import('./wb-databank-xlsx.ts')).readWorldBankDatabankXlsx,
  'findex-csv': async () => (await import('./findex-csv.ts')).readFindexCsv,
  'wgi-long': async () => (await import('./wgi-long.ts')).readWgiLong,
  'wgi-wide': async () => (await import('./wgi-wide.ts')).readWgiWide,
  'itu-datahub-csv': async () => (await import('./itu-datahub-csv.ts')).readItuDatahubCsv,
};

/**
 * The release's rows as a stream: the tidy format is parsed in batches straight from the file; the
 * formats that need reshaping are read whole by their reader (they are small) and handed on as one batch.
 */
export async function openRowStream(
  format: ReleaseMeta['format'],
  path: string,
  displayName: string,
  meta: ReleaseMeta,
): Promise<RowStream> {
  if (format === 'tidy') return streamTidy(path, displayName);
  const read = await READERS[format]();
  const { rows, linesRead, notLoaded } = await read(path, displayName, meta);
  async function* batches(): AsyncGenerator<RawRow[]> {
    yield rows;
  }
  return { batches: batches(), bytesRead: () => 0, notLoaded: notLoaded ?? 0, linesRead };
}
