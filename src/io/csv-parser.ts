// A small streaming CSV parser (RFC 4180 plus what spreadsheets export): quoted fields with
// delimiters, doubled quotes and line breaks; LF, CRLF or CR line endings. It counts physical lines
// exactly (a CRLF is one line break, inside quotes too), so every record carries the line it starts
// on; csv-parse counts a quoted CRLF twice, which put every later error message on the wrong line.

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line the record starts on. */
  line: number;
  /** Whether each field was quoted (a quoted empty field is still a value). */
  quoted: boolean[];
}

export interface CsvSyntaxProblem {
  line: number;
  column: number;
  message: string;
}

export interface CsvParser {
  push(chunk: string): void;
  end(): void;
}

/** `quoted` for a record with no quoted field (index past the end: false). */
const NOT_QUOTED: boolean[] = [];

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
  AfterQuoted,
}

/**
 * A whole physical line with no quote and no CR (but its own CRLF ending): `text.slice(start, end)`,
 * line ending excluded. Given to `onPlainLine` when set, so a reader can split it without building
 * a string per field; otherwise split into a CsvRecord like any other.
 */
export type PlainLineHandler = (text: string, start: number, end: number, line: number) => void;

export function createCsvParser(
  delimiter: string,
  onRecord: (record: CsvRecord) => void,
  onProblem: (problem: CsvSyntaxProblem) => void,
  onPlainLine?: PlainLineHandler,
): CsvParser {
  const delim = delimiter.charCodeAt(0);
  let state = State.FieldStart;
  let fields: string[] = [];
  let quoted: boolean[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let fieldLine = 1;
  // A CR ended the previous chunk: an LF at the start of the next one belongs to it.
  let pendingCr = false;

  const endField = (wasQuoted: boolean) => {
    fields.push(field);
    quoted.push(wasQuoted);
    field = '';
  };
  const endRecord = () => {
    onRecord({ fields, line: recordLine, quoted });
    fields = [];
    quoted = [];
  };

  return {
    push(chunk: string) {
      const n = chunk.length;
      let i = 0;
      if (pendingCr) {
        pendingCr = false;
        if (n > 0 && chunk.charCodeAt(0) === LF) {
          i = 1;
          // The CRLF was inside a quoted value: keep it whole.
          if (state === State.Quoted) field += '\n';
        }
      }
      let segment = i;
      // Where the next quote and CR are, searched once per chunk and moved on only when passed.
      let nextQuote = -2;
      let nextCr = -2;
      while (i < n) {
        // Fast path, for nearly every row of a real export: a whole line ahead in this chunk with
        // no quote and no CR but its own CRLF ending is split natively in one go.
        if (state === State.FieldStart && fields.length === 0) {
          const lf = chunk.indexOf('\n', i);
          if (lf !== -1) {
            if (nextQuote !== -1 && nextQuote < i) nextQuote = chunk.indexOf('"', i);
            if (nextCr !== -1 && nextCr < i) nextCr = chunk.indexOf('\r', i);
            // (nextCr is -1 when there is no CR: a line break at index 0 is no CRLF.)
            const crlf = nextCr !== -1 && nextCr === lf - 1;
            if ((nextQuote === -1 || nextQuote > lf) && (nextCr === -1 || nextCr > lf || crlf)) {
              line++;
              if (onPlainLine !== undefined) onPlainLine(chunk, i, crlf ? lf - 1 : lf, recordLine);
              else onRecord({ fields: chunk.slice(i, crlf ? lf - 1 : lf).split(delimiter), line: recordLine, quoted: NOT_QUOTED });
              recordLine = line;
              i = lf + 1;
              continue;
            }
          }
        }
        const c = chunk.charCodeAt(i);
        switch (state) {
          case State.FieldStart:
            if (c === QUOTE) {
              state = State.Quoted;
              fieldLine = line;
              segment = i + 1;
              i++;
              continue;
            }
            state = State.Unquoted;
            segment = i;
          // falls through: the character starts an unquoted field
          case State.Unquoted:
            if (c === delim) {
              field += chunk.slice(segment, i);
              endField(false);
              state = State.FieldStart;
              i++;
              continue;
            }
            if (c === LF || c === CR) {
              field += chunk.slice(segment, i);
              endField(false);
              endRecord();
              i = lineBreak(chunk, i);
              recordLine = line;
              state = State.FieldStart;
              continue;
            }
            i++;
            continue;
          case State.Quoted:
            if (c === QUOTE) {
              field += chunk.slice(segment, i);
              state = State.QuoteInQuoted;
              i++;
              continue;
            }
            if (c === LF || c === CR) {
              const next = lineBreak(chunk, i);
              // Keep the line break as written, but count it once.
              field += chunk.slice(segment, next);
              segment = next;
              i = next;
              continue;
            }
            i++;
            continue;
          case State.QuoteInQuoted:
            if (c === QUOTE) {
              field += '"';
              state = State.Quoted;
              segment = i + 1;
              i++;
              continue;
            }
            state = State.AfterQuoted;
          // falls through: the quote closed the field
          case State.AfterQuoted:
            if (c === delim) {
              endField(true);
              state = State.FieldStart;
              i++;
              continue;
            }
            if (c === LF || c === CR) {
              endField(true);
              endRecord();
              i = lineBreak(chunk, i);
              recordLine = line;
              state = State.FieldStart;
              continue;
            }
            if (c === 32 || c === 9) {
              i++;
              continue;
            }
            onProblem({
              line,
              column: fields.length + 1,
              message: `unexpected text after a closing quote (a quote inside a quoted value must be doubled: "")`,
            });
            // Keep the text so the row can still be read and other problems found.
            state = State.Unquoted;
            segment = i;
            continue;
        }
      }
      if (state === State.Unquoted || state === State.Quoted) field += chunk.slice(segment, n);
    },
    end() {
      if (state === State.Quoted || state === State.QuoteInQuoted) {
        if (state === State.Quoted) {
          onProblem({ line: fieldLine, column: fields.length + 1, message: 'a quoted value is never closed (missing ")' });
        }
        endField(true);
        endRecord();
      } else if (state === State.AfterQuoted) {
        endField(true);
        endRecord();
      } else if (state === State.Unquoted || fields.length > 0) {
        endField(false);
        endRecord();
      }
      state = State.FieldStart;
    },
  };

  /** Consumes one line break (CRLF, LF or CR) at `i`, counts it, and returns the index after it. */
  function lineBreak(chunk: string, i: number): number {
    line++;
    if (chunk.charCodeAt(i) === CR) {
      if (i + 1 < chunk.length) return chunk.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      pendingCr = true;
    }
    return i + 1;
  }
}
