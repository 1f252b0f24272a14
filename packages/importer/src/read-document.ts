import mammoth from 'mammoth';
import { ImportError } from './errors.ts';
import { htmlToText, tidyText } from './html-text.ts';
import { joinBrokenLines, reflowWrappedLines } from './reflow.ts';
import { assertSafeZip } from './zip-guard.ts';

export const maxInputBytes = 20 * 1024 * 1024;

export type DocumentType = 'docx' | 'pdf' | 'html' | 'txt';

function extensionType(filename: string): DocumentType | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename.trim())?.[1]?.toLowerCase() ?? '';
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'html' || ext === 'htm' || ext === 'shtml' || ext === 'xhtml') return 'html';
  if (ext === 'txt' || ext === 'text' || ext === '') return 'txt';
  return null;
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const isZip = (b: Uint8Array) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]);
const isPdf = (b: Uint8Array) => Buffer.from(b.subarray(0, 1024)).includes('%PDF-');
const isOle = (b: Uint8Array) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0]);

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), UTF-16 by BOM, otherwise GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Text that is mostly control characters or replacement marks is binary, whatever its name says. */
function assertTextual(s: string): void {
  const sample = s.slice(0, 20_000);
  let bad = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c < 0xa0)) bad++;
  }
  if (sample.length && bad / sample.length > 0.02) throw new ImportError('import/corrupt', '文件不是可读的文本');
}

async function readDocx(bytes: Uint8Array): Promise<string> {
  assertSafeZip(bytes);
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return htmlToText(value, { findArticle: false });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('import/corrupt', 'Word 文件无法解析');
  }
}

async function readPdf(bytes: Uint8Array): Promise<string> {
  let pages: string[];
  try {
    const { extractText, getDocumentProxy } = await import('unpdf');
    // pdf.js may take over the buffer; give it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
    try {
      pages = (await extractText(pdf, { mergePages: false })).text;
    } finally {
      await pdf.destroy();
    }
  } catch {
    throw new ImportError('import/corrupt', 'PDF 文件无法解析');
  }
  const text = joinBrokenLines(reflowWrappedLines(tidyText(pages.join('\n'))));
  // A scanned page yields no characters; a few stray marks (page numbers) do not make a text layer.
  if (text.replace(/[\s\d\-—–·.]/g, '').length < Math.max(10, pages.length * 5)) throw new ImportError('import/scanned_pdf');
  return text;
}

function readHtml(bytes: Uint8Array): string {
  let html = decodeText(bytes);
  const charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(html.slice(0, 4096))?.[1]?.toLowerCase();
  if (charset && /gb/.test(charset)) html = new TextDecoder('gb18030').decode(bytes);
  assertTextual(html);
  return joinBrokenLines(htmlToText(html, { findArticle: true }), { runningText: false });
}

/**
 * The plain text of a plan document. Pure apart from parsing: no file system, no network. Throws ImportError with a
 * stable code for anything it cannot read.
 */
export async function readDocument(bytes: Uint8Array, filename: string): Promise<string> {
  if (bytes.byteLength > maxInputBytes) throw new ImportError('import/too_large');
  if (bytes.byteLength === 0) throw new ImportError('import/empty');
  const type = extensionType(filename);
  if (!type) throw new ImportError('import/unsupported_type', filename);
  // Content must agree with the name: a PDF renamed .docx or a .doc (OLE) file is refused clearly.
  if (isOle(bytes)) throw new ImportError('import/unsupported_type', '旧版 .doc 文件请另存为 .docx');
  if (type === 'docx' && !isZip(bytes)) {
    throw new ImportError(isPdf(bytes) ? 'import/unsupported_type' : 'import/corrupt', '文件内容与扩展名 .docx 不符');
  }
  if (type === 'pdf' && !isPdf(bytes)) {
    throw new ImportError(isZip(bytes) ? 'import/unsupported_type' : 'import/corrupt', '文件内容与扩展名 .pdf 不符');
  }
  if ((type === 'txt' || type === 'html') && (isZip(bytes) || isPdf(bytes))) {
    throw new ImportError('import/unsupported_type', '文件内容与扩展名不符');
  }
  let text: string;
  if (type === 'docx') text = await readDocx(bytes);
  else if (type === 'pdf') text = await readPdf(bytes);
  else if (type === 'html') text = readHtml(bytes);
  else {
    const raw = decodeText(bytes);
    assertTextual(raw);
    text = joinBrokenLines(tidyText(raw));
  }
  if (!text.trim()) throw new ImportError('import/empty');
  return text;
}
