import { CalculatorOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way into 条件自测, shown prominently on the module page. */
export function AssessEntry() {
  const { t } = useTranslation();
  return (
    <Card style={{ marginBottom: 16, background: 'linear-gradient(90deg, #f0f5ff 0%, #ffffff 100%)' }} data-testid="assess-entry">
      <Flex align="center" gap={16} wrap>
        <CalculatorOutlined style={{ fontSize: 36, color: '#1677ff' }} />
        <div style={{ flex: 1, minWidth: 240 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('enterprise.assess.entry')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('enterprise.assess.subtitle')} · {t('enterprise.assess.entryHint')}
          </Typography.Text>
        </div>
        <Link to="/enterprises/assess">
          <Button type="primary" size="large" icon={<RightOutlined />} iconPlacement="end">
            {t('enterprise.assess.entry')}
          </Button>
        </Link>
      </Flex>
    </Card>
  );
}
