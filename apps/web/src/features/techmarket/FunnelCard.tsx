import type { TMarketFunnel } from '@kechuang/contracts';
import { Card, Flex, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { wanText } from '../project/wan.ts';
import { EChart, type EChartOption } from './chart.ts';

const steps = ['demands', 'introductions', 'intentions', 'contracts'] as const;

/** 发布需求 → 对接 → 意向 → 合同 → 成交额, as bars that narrow step by step. */
export function FunnelView({ funnel, title, testId }: { funnel: TMarketFunnel; title?: string; testId?: string }) {
  const { t } = useTranslation();
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 90, right: 40, top: 10, bottom: 10 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: steps.map((s) => t(`techmarket.funnel.${s}`)) },
      series: [{ type: 'bar', barMaxWidth: 28, label: { show: true, position: 'right' }, data: steps.map((s) => funnel[s]) }],
    }),
    [funnel, t],
  );
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Flex gap={32} wrap style={{ marginBottom: 8 }}>
        {steps.map((s) => (
          <Statistic key={s} title={t(`techmarket.funnel.${s}`)} value={funnel[s]} />
        ))}
        <Statistic title={t('techmarket.funnel.amount')} value={wanText(funnel.contractAmountFen)} />
      </Flex>
      <EChart option={option} style={{ height: 170 }} />
    </Card>
  );
}
