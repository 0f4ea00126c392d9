import type { RawRow, RowStream } from './readers/raw-row.ts';
import type { ParsedObservation, RowValidator } from './validate.ts';

export interface StageProgress {
  /** Rows read from the file so far. */
  rows: number;
  bytesRead: number;
}

/**
 * Validates each batch as the reader produces it and hands the accepted rows, batch after batch,
 * to `copy` (on Postgres one COPY into the table, which pulls the next batch while the server
 * inserts the last; on PGlite a COPY per batch, in turn); memory holds a few batches, whatever the
 * size of the file.
 *
 * Errors are reported in file order. A row the reader or the validator refuses ends the stream
 * after the rows before it, and is thrown once `copy` has finished with those: if the database
 * refused one of them first (a key given twice, earlier in the file), that is the error reported.
 */
export async function stageRows(
  copy: (batches: AsyncIterable<ParsedObservation[]>) => Promise<void>,
  stream: RowStream,
  validator: RowValidator,
  onProgress?: (progress: StageProgress) => void,
): Promise<{ rowsRead: number; staged: number }> {
  let rowsRead = 0;
  let staged = 0;
  let invalid: { error: unknown } | null = null;
  async function* validated() {
    const accepted: ParsedObservation[] = [];
    try {
      for await (const batch of stream.batches as AsyncIterable<RawRow[]>) {
        for (const row of batch) {
          const parsed = validator.accept(row);
          if (parsed) accepted.push(parsed);
        }
        rowsRead += batch.length;
        staged += accepted.length;
        onProgress?.({ rows: rowsRead, bytesRead: stream.bytesRead() });
        yield accepted.splice(0);
      }
    } catch (error) {
      invalid = { error };
      if (accepted.length > 0) yield accepted;
    }
  }
  await copy(validated());
  if (invalid) throw (invalid as { error: unknown }).error;
  return { rowsRead, staged };
}
