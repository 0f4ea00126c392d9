/** Where in an input file something went wrong: every ingestion error names file, line and column. */
export interface IngestLocation {
  file: string;
  line?: number;
  column?: string;
}

/** A problem with the input (not with CivScope): the CLI exits non-zero and nothing is loaded. */
export class IngestError extends Error {
  readonly location: IngestLocation;

  constructor(message: string, location: IngestLocation) {
    super(message);
    this.name = 'IngestError';
    this.location = location;
  }
}

/** The error for one cell of an input file: "<file>, line <n>, column "<name>": <message>". */
export function cellError(file: string, line: number, column: string, message: string): IngestError {
  return new IngestError(`${file}, line ${line}, column "${column}": ${message}`, { file, line, column });
}
