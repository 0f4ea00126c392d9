import type { ReleaseMeta } from '../meta.ts';
import { readBipaLong } from './bipa-long.ts';
import { readBipaProcessed } from './bipa-processed.ts';
import { readIlostatBulk } from './ilostat-bulk.ts';
import { readQogWide } from './qog-wide.ts';
import type { RawRow, Reader, RowStream } from './raw-row.ts';
import { readTidy, streamTidy } from './tidy.ts';
import { readUnEgov } from './un-egov.ts';
import { readWorldBankBulk } from './wb-bulk.ts';

export const READERS: Readonly<Record<ReleaseMeta['format'], Reader>> = {
  tidy: readTidy,
  'wb-bulk': readWorldBankBulk,
  'un-egov': readUnEgov,
  'bipa-long': readBipaLong,
  'qog-wide': readQogWide,
  'ilostat-bulk': readIlostatBulk,
  'bipa-processed': readBipaProcessed,
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
  const { rows, linesRead, notLoaded } = await READERS[format](path, displayName, meta);
  async function* batches(): AsyncGenerator<RawRow[]> {
    yield rows;
  }
  return { batches: batches(), bytesRead: () => 0, notLoaded: notLoaded ?? 0, linesRead };
}
