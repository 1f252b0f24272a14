import { Card, Flex, InputNumber, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionName } from '../../components/RegionName.tsx';
import { useCounts } from './talent-api.ts';

/** The year's 人数, 服务次数 and 覆盖村数: the total of the bureau's region, then each county. */
export function CountsCard(props: { year: number; onYear: (year: number) => void }) {
  const { t } = useTranslation();
  const counts = useCounts(props.year);
  const total = counts.data?.rows[0];
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="commissioner-counts">
      <Flex gap={32} wrap align="center">
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('talent.fields.year')}</Typography.Text>
          <InputNumber value={props.year} min={2000} max={2100} onChange={(v) => v && props.onYear(v)} />
        </Flex>
        <Statistic title={t('talent.fields.people')} value={total?.people ?? 0} />
        <Statistic title={t('talent.fields.logs')} value={total?.services ?? 0} />
        <Statistic title={t('talent.fields.villages')} value={total?.villages ?? 0} />
        <Typography.Text type="secondary">
          {(counts.data?.rows.slice(1) ?? []).map((r) => (
            <span key={r.regionCode} style={{ marginRight: 16 }}>
              <RegionName code={r.regionCode} />：
              {t('talent.hints.countLine', { people: r.people, services: r.services, villages: r.villages })}
            </span>
          ))}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
