/** A record cut from CSV text: its cells, where the next record starts, and the line breaks it spans. */
export interface CutRecord {
  cells: string[];
  next: number;
  lineBreaks: number;
}

/** Thrown for text papaparse would report: `locateParseError` then names the place. */
export class MalformedCsv extends Error {}

/**
 * Cuts one RFC 4180 record from `text` at `pos`, or returns null when the record may continue past
 * the end of `text` (more of the file is needed). `nextQuote` is the position of the first `"` at or
 * after `pos` (-1 for none), kept by the caller so a file without quotes is never rescanned: a record
 * without a quote is a plain `split(',')`, the common case by far.
 */
export function cutRecord(text: string, pos: number, nextQuote: number, atEnd: boolean): CutRecord | null {
  const newline = text.indexOf('\n', pos);
  if (nextQuote === -1 || (newline !== -1 && nextQuote > newline)) {
    if (newline === -1 && !atEnd) return null;
    const end = newline === -1 ? text.length : newline;
    const lineText = text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end);
    return { cells: lineText.split(','), next: newline === -1 ? text.length : newline + 1, lineBreaks: 1 };
  }
  return cutQuotedRecord(text, pos, atEnd);
}

/** The slow path: a record with at least one quote, cell by cell. */
function cutQuotedRecord(text: string, pos: number, atEnd: boolean): CutRecord | null {
  const cells: string[] = [];
  let i = pos;
  let lineBreaks = 1;
  for (;;) {
    if (text[i] === '"') {
      let cell = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) {
          if (atEnd) throw new MalformedCsv('Quoted field unterminated');
          return null;
        }
        if (close + 1 >= text.length && !atEnd) return null;
        cell += text.slice(from, close);
        if (text[close + 1] === '"') {
          cell += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      for (let k = cell.indexOf('\n'); k !== -1; k = cell.indexOf('\n', k + 1)) lineBreaks++;
      cells.push(cell);
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== '\n') end++;
      if (end >= text.length && !atEnd) return null;
      cells.push(text.charCodeAt(end - 1) === 13 && text[end] === '\n' ? text.slice(i, end - 1) : text.slice(i, end));
      i = end;
    }
    // After a cell: a separator, the end of the record, or the end of the file.
    if (i >= text.length) return { cells, next: i, lineBreaks };
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\n') return { cells, next: i + 1, lineBreaks };
    if (text[i] === '\r' && text[i + 1] === '\n') return { cells, next: i + 2, lineBreaks };
    if (text[i] === '\r' && i + 1 >= text.length && !atEnd) return null;
    throw new MalformedCsv('Trailing quote on quoted field is malformed');
  }
}
