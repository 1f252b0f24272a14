import type { RegionResolver, TRegion, TRegionLevel } from './draft.ts';

export type Metadata = {
  title: string;
  docNumber: string | null;
  issuer: string | null;
  date: string | null;
  region: TRegion | null;
  year: number | null;
  period: { from: number; to: number } | null;
  kind: 'plan' | 'summary';
};

// Lines a web page puts above the article: index numbers, classification, publish dates.
const headerNoise =
  /^(?:索引号|主题分类|发文单位|发布机构|名\s*称|发布日期|发文日期|有效性|成文日期|文\s*号|来源|浏览次数|字号|【|首页|当前位置|您现在的位置)/;

const issuerOnly = /^[\u4e00-\u9fa5]{2,25}(?:科学技术局|科技局|科技创新局|科学技术委员会|科技委员会)$/;
const documentName = /^(?:19|20)\d{2}年.{0,30}(?:要点|总结|计划|方案|安排|思路|打算)$/;

/** The title line; a title set on two lines (洛阳市科学技术局⏎2020年工作总结及2021年工作安排) is read whole. */
function firstTitleLine(lines: string[]): string {
  for (const [i, l] of lines.slice(0, 12).entries()) {
    if (!l || headerNoise.test(l) || /^[A-Z]{2,}[—-]/.test(l)) continue;
    const next = lines[i + 1] ?? '';
    return issuerOnly.test(l) && documentName.test(next) ? `${l}${next}` : l;
  }
  return lines.find(Boolean) ?? '';
}

const docNumberRe = /[\u4e00-\u9fa5]{1,10}[〔[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号/;

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function findDate(head: string): string | null {
  const labelled = /(?:发文日期|成文日期|发布日期|发布时间)[:：\s]*(20\d{2})[-年/.](\d{1,2})[-月/.](\d{1,2})/.exec(head);
  if (labelled) return isoDate(labelled[1]!, labelled[2]!, labelled[3]!);
  // A date alone on its line signs off a notice (长沙市人民政府办公厅\n2021年2月19日).
  const own = /(?:^|\n)\s*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*(?:\n|$)/.exec(head);
  return own ? isoDate(own[1]!, own[2]!, own[3]!) : null;
}

function findIssuer(head: string, lines: string[]): string | null {
  const labelled = /(?:发文单位|发布机构|发文机关)[:：\s]*([\u4e00-\u9fa5]{2,30}?)(?:\s|$)/.exec(head);
  if (labelled) return labelled[1] ?? null;
  const own = lines
    .slice(0, 30)
    .find((l) => /^[\u4e00-\u9fa5]{2,25}(?:人民政府办公厅|人民政府办公室|人民政府|科学技术局|科技局|科学技术厅|科技厅|委员会)$/.test(l));
  return own ?? null;
}

const levelBySuffix = (name: string): TRegionLevel | null =>
  /省$|自治区$/.test(name) ? 'province' : /(?:市|州|盟|地区)$/.test(name) ? 'city' : /(?:县|区|旗)$/.test(name) ? 'county' : null;

/** The first place name in the title, issuer or opening that the resolver knows (or that looks like one). */
function findRegion(sources: string[], resolve: RegionResolver | undefined): TRegion | null {
  const re = /[\u4e00-\u9fa5]{1,8}?(?:自治区|自治州|自治县|地区|省|市|州|盟|县|区|旗)/g;
  let fallback: TRegion | null = null;
  for (const src of sources) {
    for (const m of src.matchAll(re)) {
      const word = m[0];
      // Try every suffix of the match: 关于印发长沙市 → 长沙市.
      for (let i = 0; i <= word.length - 2; i++) {
        const name = word.slice(i);
        if (/^(?:全|本|我|各|市|县|区|省|该)/.test(name) && name.length <= 3) continue;
        const hit = resolve?.(name);
        if (hit) return { name, code: hit.code, level: hit.level };
        if (!resolve && !fallback && i === 0) {
          // Without a gazetteer, guess only a plain 衡阳市 / 辰溪县 after any 2021年 / 关于印发 before it.
          const bare = name.replace(/^.*(?:年|关于|印发|的|和|及)/, '');
          if (/^[\u4e00-\u9fa5]{1,4}[省市县]$/.test(bare) && bare.length >= 2 && !/^[全本我各]/.test(bare)) {
            fallback = { name: bare, code: null, level: levelBySuffix(bare) };
          }
        }
      }
    }
  }
  return fallback;
}

/** Title, number, issuer, date, region, year and kind, from the first lines of the document. */
export function extractMetadata(text: string, resolve?: RegionResolver): Metadata {
  const lines = text.split('\n').map((l) => l.trim());
  const head = text.slice(0, 1500);
  const title = firstTitleLine(lines);
  const docNumber = docNumberRe.exec(head)?.[0].replace(/\s+/g, '') ?? null;
  const issuer = findIssuer(head, lines);
  const date = findDate(head);
  const period = /((?:19|20)\d{2})\s*[-—–－~～至到]\s*((?:19|20)\d{2})年/.exec(title);
  const yearInTitle = /((?:19|20)\d{2})年/.exec(title);
  let year: number | null = period ? Number(period[1]) : yearInTitle ? Number(yearInTitle[1]) : null;
  if (year === null) {
    const opening = /(?:^|\n)\s*((?:19|20)\d{2})年[，,是]/.exec(head);
    year = opening ? Number(opening[1]) : date ? Number(date.slice(0, 4)) : null;
  }
  const summary = /总结|工作情况|完成情况|工作回顾|述职/.test(title);
  const region = findRegion([title, issuer ?? '', head.slice(0, 600)], resolve);
  return {
    title,
    docNumber,
    issuer,
    date,
    region,
    year,
    period: period ? { from: Number(period[1]), to: Number(period[2]) } : null,
    kind: summary ? 'summary' : 'plan',
  };
}
