import { type TLadderRung, usccCheckChar } from '@kechuang/contracts';
import type { DemoEnterprise } from './demo-enterprises.ts';

/*
 * A few hundred fictitious enterprises across nine of 衡阳's twelve counties and districts, on every rung of the
 * cultivation ladder: 科技型中小企业 registered year after year from their first year, a third of them
 * 高新技术企业 with three-year certificates (some expiring in the coming months), some in the 高企后备库,
 * a few 专精特新 and 小巨人. The demo's enterprise-count indicators are counted from these same statuses,
 * so the funnel and the indicator agree. Names (雁城…, after the hand-written 衡阳… ones in name order) and
 * credit codes are made up (valid check characters).
 */

const counties: Array<[string, string, number]> = [
  ['430405', '珠晖', 22],
  ['430406', '雁峰', 18],
  ['430407', '石鼓', 20],
  ['430408', '蒸湘', 34],
  ['430421', '衡阳县', 26],
  ['430422', '衡南', 24],
  ['430423', '衡山', 16],
  // 南岳 (430412), 衡东 (430424) and 祁东 (430426) are left to the registry tests' hand-checked fixtures
  ['430481', '耒阳', 38],
  ['430482', '常宁', 24],
];
const trades = ['精密机械', '新材料', '电子信息', '生物医药', '智能装备', '新能源', '环保科技', '化工新材', '食品科技', '软件信息'];
const industries = ['C34', 'C30', 'C39', 'C27', 'C35', 'C38', 'N77', 'C26', 'C14', 'I65'];
const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100 credit code: 91 + region + a 9-character organisation code + the check character. */
function uscc(region: string, n: number): string {
  let id = '';
  for (let x = n, i = 0; i < 5; i++, x = Math.floor(x / chars.length)) id = (chars[x % chars.length] as string) + id;
  const first17 = `91${region}MA4${id}X`.slice(0, 17);
  return `${first17}${usccCheckChar(first17)}`;
}

export function demoLadder(today: string): DemoEnterprise[] {
  const thisYear = Number(today.slice(0, 4));
  const out: DemoEnterprise[] = [];
  let n = 0;
  for (const [region, short, count] of counties) {
    for (let k = 0; k < count; k++, n++) {
      const trade = n % trades.length;
      // entry into the 科技型中小企业 pool from 2022 on, staggered; one in seven has left again
      const first = 2022 + (n % 5);
      const last = n % 7 === 3 ? Math.min(thisYear, first + 1) : thisYear;
      const statuses: DemoEnterprise['statuses'] = [];
      for (let y = first; y <= last; y++)
        statuses.push({
          rung: 'techSme',
          reference: `${y}${region}${String(n).padStart(5, '0')}`,
          validFrom: `${y}-04-15`,
          validTo: `${y}-12-31`,
        });
      const rung = (r: TLadderRung, from: string, to: string | null, reference: string | null = null) =>
        statuses.push({ rung: r, reference, validFrom: from, validTo: to });
      if (n % 3 === 0) {
        // three-year certificates granted over the last three years: some run out in the coming months
        const granted = thisYear - 3 + (Math.floor(n / 3) % 3);
        const mm = String(1 + ((n * 5) % 12)).padStart(2, '0');
        const from = `${granted}-${mm}-15`;
        const to = `${granted + 3}-${mm}-14`;
        rung('hnte', from, to, `GR${granted}43${String(n).padStart(6, '0')}`);
        // an expired certificate renewed at once for every other one (the rest have dropped out)
        if (to < today && n % 2 === 0)
          rung('hnte', `${granted + 3}-${mm}-15`, `${granted + 6}-${mm}-14`, `GR${granted + 3}43${String(n).padStart(6, '0')}`);
      } else if (n % 5 === 1) rung('hnteReserve', `${thisYear - 1}-03-01`, null);
      if (n % 11 === 0) rung('specialized', `${thisYear - 2}-08-01`, `${thisYear + 1}-07-31`);
      if (n % 37 === 0) rung('littleGiant', `${thisYear - 1}-07-01`, `${thisYear + 2}-06-30`);
      out.push({
        uscc: uscc(region, n),
        name: `雁城${short}${trades[trade]}${['科技', '股份', '实业', '技术'][n % 4]}${n % 2 ? '有限公司' : '有限责任公司'}（${String(n + 1).padStart(3, '0')}）`,
        regionCode: region,
        industryCode: industries[trade] as string,
        registeredOn: `${2008 + (n % 14)}-0${1 + (n % 9)}-15`,
        years: [],
        statuses,
      });
    }
  }
  return out;
}

/** Enterprises holding a rung on 31 December of a year, by county: what the registry sync counts. */
export function rungCounts(enterprises: DemoEnterprise[], rung: TLadderRung, year: number): Map<string, number> {
  const day = `${year}-12-31`;
  const out = new Map<string, number>();
  for (const e of enterprises)
    if (e.statuses.some((s) => s.rung === rung && s.validFrom <= day && (s.validTo === null || s.validTo >= day)))
      out.set(e.regionCode, (out.get(e.regionCode) ?? 0) + 1);
  return out;
}
