import type { RawRow, RowStream } from './readers/raw-row.ts';
import type { ParsedObservation, RowValidator } from './validate.ts';

export interface StageProgress {
  /** Rows read from the file so far. */
  rows: number;
  bytesRead: number;
}

/**
 * Validates each batch as the reader produces it and hands it to `copy` (a COPY into the table).
 * One COPY is kept in flight while the next batch is parsed and validated, so the file and the
 * database work at the same time; memory holds two batches, whatever the size of the file.
 */
export async function stageRows(
  copy: (rows: ParsedObservation[]) => Promise<void>,
  stream: RowStream,
  validator: RowValidator,
  onProgress?: (progress: StageProgress) => void,
): Promise<{ rowsRead: number; staged: number }> {
  let rowsRead = 0;
  let staged = 0;
  let inFlight: Promise<void> = Promise.resolve();
  try {
    for await (const batch of stream.batches as AsyncIterable<RawRow[]>) {
      const accepted: ParsedObservation[] = [];
      for (const row of batch) {
        const parsed = validator.accept(row);
        if (parsed) accepted.push(parsed);
      }
      rowsRead += batch.length;
      staged += accepted.length;
      await inFlight;
      inFlight = copy(accepted);
      // Handled here so a failure while the next batch is parsed is not an unhandled rejection;
      // it is still thrown by the next `await inFlight`.
      inFlight.catch(() => {});
      onProgress?.({ rows: rowsRead, bytesRead: stream.bytesRead() });
    }
  } finally {
    // A failing batch must not leave a COPY running when the transaction rolls back.
    await inFlight.catch(() => {});
  }
  await inFlight;
  return { rowsRead, staged };
}
