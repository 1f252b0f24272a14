/**
 * 统一社会信用代码 check character, GB 32100-2015 §4–5: 18 characters from the alphabet
 * 0-9 A-H J-N P-R T U W-Y (no I O Z S V), weights 3^(i) mod 31, check = 31 - (Σ mod 31).
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = alphabet.indexOf(first17[i] as string);
    if (v < 0) return null;
    sum += v * (weights[i] as number);
  }
  const c = 31 - (sum % 31);
  return alphabet[c === 31 ? 0 : c] as string;
}

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}
