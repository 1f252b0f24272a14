import type { TRanking } from '@kechuang/contracts';
import { Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './indicator-format.ts';

const low = [239, 246, 255];
const high = [29, 78, 216];
const mix = (f: number) => `rgb(${low.map((l, i) => Math.round(l + ((high[i] as number) - l) * f)).join(',')})`;

/** Where a value sits between the lowest and the highest (0–1), turned round for "lower is better". */
export function shade(value: number, min: number, max: number, negative: boolean): number {
  const f = max === min ? 1 : (value - min) / (max - min);
  return negative ? 1 - f : f;
}

/**
 * 色块图: one square per child region in code order, coloured by the indicator (darker = better), with
 * its value and rank. Not a map — shown while no boundary file has been uploaded (docs/decisions/0008:
 * the platform ships no boundaries).
 */
export function TileGrid({ data }: { data: TRanking }) {
  const { t } = useTranslation();
  const ind = data.indicator;
  const values = data.rows.map((r) => r.value?.value).filter((v): v is number => typeof v === 'number');
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const rows = [...data.rows].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  return (
    <div data-testid="tile-grid">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(132px, 1fr))', gap: 8 }}>
        {rows.map((r) => {
          const v = r.value?.value;
          const f = typeof v === 'number' ? shade(v, min, max, ind.polarity === 'negative') : null;
          const dark = f !== null && f > 0.55;
          return (
            <Tooltip
              key={r.regionCode}
              title={`${r.regionName}：${typeof v === 'number' ? `${formatNumber(v, ind.decimals)} ${ind.unit}` : t('indicator.map.noValue')}${r.rank ? ` · ${t('indicator.map.rank', { rank: r.rank })}` : ''}`}
            >
              <div
                data-testid="tile"
                data-region={r.regionCode}
                style={{
                  aspectRatio: '1.4',
                  borderRadius: 6,
                  padding: 10,
                  background: f === null ? '#f5f5f5' : mix(f),
                  color: dark ? '#fff' : '#1f1f1f',
                  border: f === null ? '1px dashed #d9d9d9' : '1px solid transparent',
                  display: 'flex',
                  flexDirection: 'column',
                  justifyContent: 'space-between',
                }}
              >
                <span style={{ fontWeight: 600, fontSize: 13 }}>{r.regionName}</span>
                <span style={{ fontSize: 15 }}>
                  {typeof v === 'number' ? formatNumber(v, ind.decimals) : t('indicator.map.noValue')}
                  {r.rank ? <span style={{ fontSize: 11, opacity: 0.8 }}> · {t('indicator.map.rank', { rank: r.rank })}</span> : null}
                </span>
              </div>
            </Tooltip>
          );
        })}
      </div>
      <Flex gap={8} align="center" style={{ marginTop: 10 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('indicator.map.low')}
        </Typography.Text>
        <div style={{ width: 120, height: 10, borderRadius: 5, background: `linear-gradient(90deg, ${mix(0)}, ${mix(1)})` }} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('indicator.map.high')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 12 }}>
          {t('indicator.map.tileNote', { unit: ind.unit })}
        </Typography.Text>
      </Flex>
    </div>
  );
}
