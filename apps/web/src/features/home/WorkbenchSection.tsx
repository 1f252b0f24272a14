import type { TWorkbenchItem, TWorkbenchSection } from '@kechuang/contracts';
import { Badge, Card, Empty, Flex, List, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusTag, TargetStatusTag } from '../plan-execution/exec-format.tsx';

/** The right-hand side of an item: its status, completion, days left or count. */
function ItemFacts({ item, section }: { item: TWorkbenchItem; section: TWorkbenchSection['key'] }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center" style={{ flex: 'none' }}>
      {item.taskStatus ? <StatusTag status={item.taskStatus} /> : null}
      {item.targetStatus ? <TargetStatusTag status={item.targetStatus} /> : null}
      {item.percent !== null && section === 'plans' ? (
        <Progress type="circle" percent={Math.round(item.percent)} size={36} />
      ) : item.percent !== null ? (
        <Typography.Text type="secondary">{t('home.workbench.percent', { value: Math.round(item.percent) })}</Typography.Text>
      ) : null}
      {item.days !== null ? (
        <Tag color={item.days < 0 ? 'error' : item.days <= 3 ? 'warning' : 'default'} style={{ marginInlineEnd: 0 }}>
          {item.days < 0
            ? t('home.workbench.daysOverdue', { count: -item.days })
            : item.days === 0
              ? t('home.workbench.today')
              : t('home.workbench.daysLeft', { count: item.days })}
        </Tag>
      ) : null}
      {item.count !== null && section === 'review' ? <Badge count={item.count} overflowCount={999} /> : null}
      {item.count !== null && section === 'plans' && item.count > 0 ? (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('home.workbench.unassigned', { count: item.count })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** One block of the 工作台: a heading with its total, the first items, a link to the whole list. */
export function WorkbenchSection({ section }: { section: TWorkbenchSection }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          {t(`home.workbench.sections.${section.key}`)}
          <Badge count={section.total} showZero color={section.total > 0 ? undefined : '#c9cdd4'} overflowCount={9999} />
        </Flex>
      }
      extra={section.link && section.total > 0 ? <Link to={section.link}>{t('home.workbench.all')}</Link> : null}
      style={{ height: '100%' }}
      data-testid={`workbench-${section.key}`}
    >
      {section.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`home.workbench.empty.${section.key}`)} />
      ) : (
        <List
          size="small"
          split
          dataSource={section.items}
          renderItem={(item) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Flex justify="space-between" align="center" gap={12} style={{ width: '100%', minWidth: 0 }}>
                <div style={{ minWidth: 0 }}>
                  <Link to={item.link} data-testid="workbench-item">
                    <Typography.Text ellipsis={{ tooltip: item.title }} style={{ color: 'inherit', maxWidth: '100%' }}>
                      {item.title}
                    </Typography.Text>
                  </Link>
                  {item.detail ? (
                    <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                      {item.detail}
                    </Typography.Text>
                  ) : null}
                </div>
                <ItemFacts item={item} section={section.key} />
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
