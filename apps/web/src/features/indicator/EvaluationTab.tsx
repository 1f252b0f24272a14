import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { TStoredScheme } from '@kechuang/contracts';
import { Button, Card, Col, Empty, Flex, List, Row, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { downloadFile } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useDrawer } from '../../lib/use-drawer.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { useCatalog, useRun, useRuns, useSchemes } from './indicator-api.ts';
import { Results } from './RunResults.tsx';
import { SchemeCard } from './SchemeCard.tsx';
import { SchemeEditor } from './SchemeEditor.tsx';
import { countIndicators } from './scheme-model.ts';

/** 综合评价: schemes, runs for a year, ranked results with 进位/退位, tiers, sensitivity and the per-region breakdown. */
export function EvaluationTab() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const canWrite = user.roles.some((r) => r === 'admin' || r === 'planner');
  const schemes = useSchemes();
  const catalog = useCatalog();
  const byCode = useMemo(() => new Map((catalog.data ?? []).map((i) => [i.code, i])), [catalog.data]);
  const editor = useDrawer<TStoredScheme>();
  const [schemeId, setSchemeId] = useState<number>();
  const scheme = schemes.data?.find((s) => s.id === schemeId) ?? schemes.data?.[0];
  const runs = useRuns(scheme?.id);
  const [runId, setRunId] = useState<number>();
  const currentRunId = runs.data?.some((r) => r.id === runId) ? runId : runs.data?.[0]?.id;
  const run = useRun(currentRunId);

  return (
    <Row gutter={16} data-testid="indicator-evaluation">
      <Col xs={24} xl={5}>
        <Card
          title={t('indicator.scheme.list')}
          size="small"
          extra={
            canWrite ? (
              <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => editor.openWith(null)} data-testid="scheme-new">
                {t('indicator.scheme.new')}
              </Button>
            ) : null
          }
          styles={{ body: { padding: 0 } }}
          style={{ marginBottom: 16 }}
        >
          {schemes.isError ? <QueryError error={schemes.error} onRetry={() => schemes.refetch()} /> : null}
          <List<TStoredScheme>
            loading={schemes.isPending}
            dataSource={schemes.data ?? []}
            locale={{ emptyText: <Empty description={t('indicator.scheme.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            renderItem={(s) => (
              <List.Item
                onClick={() => setSchemeId(s.id)}
                style={{
                  cursor: 'pointer',
                  padding: '10px 16px',
                  background: s.id === scheme?.id ? '#e6f4ff' : undefined,
                  borderLeft: s.id === scheme?.id ? '3px solid #1677ff' : '3px solid transparent',
                }}
                data-testid="scheme-item"
              >
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong ellipsis={{ tooltip: s.name }}>
                    {s.name}
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {s.parentRegionName} · {t(`indicator.scheme.levels.${s.level}`)} ·{' '}
                      {t('indicator.scheme.count', { n: countIndicators(s.definition) })}
                    </Typography.Text>
                  </div>
                </div>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} xl={19}>
        {scheme ? (
          <Flex vertical gap={16}>
            <SchemeCard scheme={scheme} canWrite={canWrite} onEdit={() => editor.openWith(scheme)} onRun={(r) => setRunId(r.id)} />
            <Card
              size="small"
              title={t('indicator.results.title')}
              extra={
                <Flex gap={8} align="center">
                  <Select
                    value={currentRunId}
                    onChange={setRunId}
                    placeholder={t('indicator.results.pickRun')}
                    style={{ width: 280 }}
                    loading={runs.isPending}
                    options={(runs.data ?? []).map((r) => ({
                      value: r.id,
                      label: t('indicator.results.runLabel', { year: r.year, at: formatDateTime(r.computedAt), n: r.regionCount }),
                    }))}
                    data-testid="run-select"
                  />
                  <Button
                    icon={<DownloadOutlined />}
                    disabled={currentRunId === undefined}
                    onClick={() =>
                      currentRunId !== undefined &&
                      downloadFile(`/api/indicators/evaluation-runs/${currentRunId}/export`, t('indicator.results.fileName'))
                    }
                    data-testid="run-export"
                  >
                    {t('indicator.results.export')}
                  </Button>
                </Flex>
              }
              styles={{ body: { padding: 0 } }}
            >
              {run.isError ? <QueryError error={run.error} onRetry={() => run.refetch()} /> : null}
              {currentRunId === undefined ? (
                <Empty
                  description={canWrite ? t('indicator.results.noneYet') : t('indicator.results.noneYetReader')}
                  style={{ padding: 32 }}
                />
              ) : run.isPending ? (
                <TableSkeleton />
              ) : run.data ? (
                <Results run={run.data} catalog={byCode} />
              ) : null}
            </Card>
          </Flex>
        ) : schemes.isPending ? (
          <Card>
            <TableSkeleton />
          </Card>
        ) : (
          <Card>
            <Empty description={t('indicator.scheme.emptyHint')}>
              {canWrite ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.openWith(null)}>
                  {t('indicator.scheme.new')}
                </Button>
              ) : null}
            </Empty>
          </Card>
        )}
      </Col>
      <SchemeEditor
        key={editor.key}
        open={editor.open}
        item={editor.item}
        catalog={catalog.data ?? []}
        onClose={editor.close}
        onSaved={(s) => setSchemeId(s.id)}
      />
    </Row>
  );
}
