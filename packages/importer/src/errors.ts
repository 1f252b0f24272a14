/** Stable codes callers map to HTTP statuses and i18n keys. */
export type ImportErrorCode =
  | 'import/empty'
  | 'import/unsupported_type'
  | 'import/scanned_pdf'
  | 'import/corrupt'
  | 'import/too_large'
  | 'import/zip_bomb';

const messages: Record<ImportErrorCode, string> = {
  'import/empty': '文件为空或没有可识别的文字',
  'import/unsupported_type': '不支持的文件类型（支持 .docx、.pdf、.html、.txt）',
  'import/scanned_pdf': '该 PDF 没有文字层（可能是扫描件），请先进行文字识别（OCR）或上传 Word 版本',
  'import/corrupt': '文件已损坏或格式不正确，无法读取',
  'import/too_large': '文件过大（上限 20 MB）',
  'import/zip_bomb': '文件解压后体积异常巨大，已拒绝读取',
};

/** The one error the importer throws; `message` is a one-line zh-CN reason fit for an operator. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, detail?: string) {
    super(detail ? `${messages[code]}：${detail}` : messages[code]);
    this.name = 'ImportError';
    this.code = code;
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}
