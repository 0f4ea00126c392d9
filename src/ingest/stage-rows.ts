import type { RawRow, RowStream } from './readers/raw-row.ts';
import type { ParsedObservation, RowValidator } from './validate.ts';

export interface StageProgress {
  /** Rows read from the file so far. */
  rows: number;
  bytesRead: number;
}

/**
 * Validates each batch as the reader produces it and hands the accepted rows, batch after batch,
 * to `copy` (one COPY into the table), which pulls the next batch while the database inserts the
 * last; memory holds a few batches, whatever the size of the file. A row the validator refuses
 * throws out of `copy`, which abandons the COPY.
 */
export async function stageRows(
  copy: (batches: AsyncIterable<ParsedObservation[]>) => Promise<void>,
  stream: RowStream,
  validator: RowValidator,
  onProgress?: (progress: StageProgress) => void,
): Promise<{ rowsRead: number; staged: number }> {
  let rowsRead = 0;
  let staged = 0;
  async function* validated() {
    for await (const batch of stream.batches as AsyncIterable<RawRow[]>) {
      const accepted: ParsedObservation[] = [];
      for (const row of batch) {
        const parsed = validator.accept(row);
        if (parsed) accepted.push(parsed);
      }
      rowsRead += batch.length;
      staged += accepted.length;
      onProgress?.({ rows: rowsRead, bytesRead: stream.bytesRead() });
      yield accepted;
    }
  }
  await copy(validated());
  return { rowsRead, staged };
}
