/**
 * Cuts a YAML stream into documents the way kubectl's reader does: line by line, a line starting with `---`
 * ends the current document (only spaces or a `# comment` may follow it), and empty documents are skipped.
 * Lines are re-terminated with `\n` (CRLF files become LF). go-yaml then sees one document at a time, so its
 * line numbers count from the line after the separator.
 * Models k8s.io/apimachinery/pkg/util/yaml/decoder.go (YAMLReader.Read, LineReader.Read).
 */

/** One document's text and where it starts in the original stream. */
export interface YamlChunk {
  text: string;
  /** 1-based line of the chunk's first line in the stream. */
  firstLine: number;
}

/** A separator line kubectl refuses (`--- foo`, `----`). */
export interface SeparatorError {
  message: string;
  /** 1-based line of the separator. */
  line: number;
}

/** The documents of a stream, stopping at a bad separator (kubectl stops reading there). */
export function splitYamlDocuments(text: string, firstLineNumber = 1): { chunks: YamlChunk[]; error?: SeparatorError } {
  const lines = text.split('\n');
  // A final "\n" leaves an empty last element that is not a line.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const chunks: YamlChunk[] = [];
  let buffer: string[] = [];
  let bufferStart = firstLineNumber;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    // bufio.Reader.ReadLine drops a "\r" before the "\n".
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const lineNumber = firstLineNumber + i;
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest.length > 0 && rest[0] !== '#') {
        return { chunks, error: { message: `invalid Yaml document separator: ${rest}`, line: lineNumber } };
      }
      if (buffer.length > 0) chunks.push({ text: buffer.join(''), firstLine: bufferStart });
      buffer = [];
      bufferStart = lineNumber + 1;
      continue;
    }
    if (buffer.length === 0) bufferStart = lineNumber;
    buffer.push(`${line}\n`);
  }
  if (buffer.length > 0) chunks.push({ text: buffer.join(''), firstLine: bufferStart });
  return { chunks };
}
