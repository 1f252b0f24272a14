/** 1 万元 = 10,000 元 = 1,000,000 分. Conversions at the edges, exact (no floating point). */
const fenPerWan = 1_000_000n;

/** 分 → 万元 as an exact decimal string ("12.5", "0.000001"). */
export function fenToWan(fen: number | bigint | string): string {
  const v = BigInt(fen);
  const neg = v < 0n;
  const a = neg ? -v : v;
  const whole = a / fenPerWan;
  const frac = (a % fenPerWan).toString().padStart(6, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** 万元 written as a decimal (at most 6 places) → 分; null when it is not such a number. */
export function wanToFen(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(BigInt(m[1] as string) * fenPerWan + BigInt((m[2] ?? '').padEnd(6, '0')));
}
