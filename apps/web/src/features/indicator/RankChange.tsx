import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 进位 (up) / 退位 (down) against the previous year's rank. */
export function RankChange({ change, previous }: { change: number | null; previous: number | null }) {
  const { t } = useTranslation();
  if (change === null || previous === null) return <Typography.Text type="secondary">{t('indicator.results.noPrevious')}</Typography.Text>;
  if (change > 0)
    return (
      <Tag color="success" icon={<ArrowUpOutlined />} title={t('indicator.results.previous', { rank: previous })} data-change="up">
        {t('indicator.results.up', { n: change })}
      </Tag>
    );
  if (change < 0)
    return (
      <Tag color="error" icon={<ArrowDownOutlined />} title={t('indicator.results.previous', { rank: previous })} data-change="down">
        {t('indicator.results.down', { n: -change })}
      </Tag>
    );
  return (
    <Tag icon={<MinusOutlined />} title={t('indicator.results.previous', { rank: previous })} data-change="same">
      {t('indicator.results.same')}
    </Tag>
  );
}
