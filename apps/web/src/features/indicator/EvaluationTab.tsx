import { DownloadOutlined, EditOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { TEvaluationRun, TIndicator, TRegionResult, TStoredScheme } from '@kechuang/contracts';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  InputNumber,
  List,
  Modal,
  Progress,
  Row,
  Select,
  Slider,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Tree,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { downloadFile } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useDrawer } from '../../lib/use-drawer.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { BreakdownDrawer } from './BreakdownDrawer.tsx';
import { useCatalog, useCreateRun, useRun, useRuns, useSchemes } from './indicator-api.ts';
import { defaultYear, formatNumber } from './indicator-format.ts';
import { RankChange } from './RankChange.tsx';
import { SchemeEditor } from './SchemeEditor.tsx';
import { countIndicators, isFlat } from './scheme-model.ts';

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

function SchemeCard({
  scheme,
  canWrite,
  onEdit,
  onRun,
}: {
  scheme: TStoredScheme;
  canWrite: boolean;
  onEdit: () => void;
  onRun: (run: TEvaluationRun) => void;
}) {
  const { t } = useTranslation();
  const def = scheme.definition;
  const [runOpen, setRunOpen] = useState(false);
  const flat = isFlat(def);
  const treeData = useMemo(() => {
    type Node = { key: string; title: string; children?: Node[] };
    const walk = (nodes: (typeof def.groups)[number]['children'], prefix: string): Node[] =>
      nodes.map((n, i) =>
        n.kind === 'group'
          ? {
              key: `${prefix}${i}`,
              title: `${n.name}（${t('indicator.scheme.weight')} ${n.weight}）`,
              children: walk(n.children, `${prefix}${i}-`),
            }
          : {
              key: `${prefix}${i}`,
              title: `${n.name ?? n.code} · ${t('indicator.scheme.weight')} ${n.weight} · ${t(`indicator.polarity.${n.polarity}`)} · ${t(`indicator.scheme.methods.${n.normalisation.method}`)}${n.normalisation.method === 'standard' ? `（${t('indicator.scheme.standard')} ${n.normalisation.standard}）` : ''}`,
            },
      );
    return walk(def.groups, '');
  }, [def, t]);

  return (
    <Card
      size="small"
      title={scheme.name}
      extra={
        canWrite ? (
          <Flex gap={8}>
            <Tooltip title={flat ? undefined : t('indicator.scheme.nested')}>
              <Button icon={<EditOutlined />} onClick={onEdit} disabled={!flat}>
                {t('common.actions.edit')}
              </Button>
            </Tooltip>
            <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setRunOpen(true)} data-testid="run-open">
              {t('indicator.run.open')}
            </Button>
          </Flex>
        ) : null
      }
    >
      {scheme.description ? <Typography.Paragraph type="secondary">{scheme.description}</Typography.Paragraph> : null}
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'scope',
                label: t('indicator.scheme.scope'),
                children: `${scheme.parentRegionName} · ${t(`indicator.scheme.levels.${scheme.level}`)}`,
              },
              { key: 'agg', label: t('indicator.scheme.aggregation'), children: t(`indicator.scheme.aggregations.${def.aggregation}`) },
              { key: 'missing', label: t('indicator.scheme.missing'), children: t(`indicator.scheme.missingRules.${def.missing}`) },
              {
                key: 'tiers',
                label: t('indicator.scheme.tiers'),
                children:
                  def.tiers.length === 0 ? (
                    t('common.none')
                  ) : (
                    <Flex gap={4} wrap>
                      {def.tiers.map((tier) => (
                        <Tag key={tier.name}>
                          {tier.name} {tier.exclusive ? '>' : '≥'} {tier.minScore}
                        </Tag>
                      ))}
                    </Flex>
                  ),
              },
              {
                key: 'by',
                label: t('indicator.scheme.updated'),
                children: `${formatDateTime(scheme.updatedAt)} · ${scheme.createdBy ?? ''}`,
              },
            ]}
          />
        </Col>
        <Col xs={24} lg={14}>
          <Tree treeData={treeData} defaultExpandAll selectable={false} style={{ fontSize: 13 }} />
        </Col>
      </Row>
      <RunModal
        open={runOpen}
        scheme={scheme}
        onClose={() => setRunOpen(false)}
        onDone={(r) => {
          setRunOpen(false);
          onRun(r);
        }}
      />
    </Card>
  );
}

const stages = ['load', 'normalise', 'aggregate', 'sensitivity'] as const;

/** 计算: pick the year and the sensitivity settings, then wait for the run with a progress bar. */
function RunModal({
  open,
  scheme,
  onClose,
  onDone,
}: {
  open: boolean;
  scheme: TStoredScheme;
  onClose: () => void;
  onDone: (r: TEvaluationRun) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const create = useCreateRun();
  const [year, setYear] = useState(defaultYear());
  const [samples, setSamples] = useState(200);
  const [perturbation, setPerturbation] = useState(20);
  const [progress, setProgress] = useState(0);

  useEffect(() => {
    if (open) setProgress(0);
  }, [open]);

  // The run is one request; the bar advances through the stages while it is under way.
  useEffect(() => {
    if (!create.isPending) return;
    setProgress(5);
    const timer = setInterval(() => setProgress((p) => (p < 90 ? p + Math.max(1, (90 - p) / 8) : p)), 150);
    return () => clearInterval(timer);
  }, [create.isPending]);

  const start = () =>
    create.mutate(
      { schemeId: scheme.id, year, samples, perturbation: perturbation / 100 },
      {
        onSuccess: (r) => {
          setProgress(100);
          message.success(t('indicator.run.done', { year: r.year, n: r.regionCount }));
          onDone(r);
        },
        onError: (e) => message.error(errorText(e)),
      },
    );
  const stage = stages[Math.min(stages.length - 1, Math.floor((progress / 100) * stages.length))] ?? 'load';

  return (
    <Modal
      open={open}
      onCancel={create.isPending ? undefined : onClose}
      closable={!create.isPending}
      maskClosable={false}
      title={t('indicator.run.title', { name: scheme.name })}
      okText={t('indicator.run.start')}
      onOk={start}
      okButtonProps={{ loading: create.isPending, ...({ 'data-testid': 'run-start' } as object) }}
      cancelButtonProps={{ disabled: create.isPending }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('indicator.run.year')} extra={t('indicator.run.yearHint')}>
          <InputNumber value={year} min={1990} max={2100} onChange={(v) => v && setYear(v)} style={{ width: 140 }} data-testid="run-year" />
        </Form.Item>
        <Form.Item label={t('indicator.run.perturbation', { p: perturbation })} extra={t('indicator.run.perturbationHint')}>
          <Slider min={0} max={50} value={perturbation} onChange={setPerturbation} />
        </Form.Item>
        <Form.Item label={t('indicator.run.samples')}>
          <InputNumber value={samples} min={10} max={2000} step={50} onChange={(v) => v && setSamples(v)} style={{ width: 140 }} />
        </Form.Item>
      </Form>
      {create.isPending || progress === 100 ? (
        <div data-testid="run-progress">
          <Progress percent={Math.round(progress)} status={create.isPending ? 'active' : 'success'} />
          <Typography.Text type="secondary">{t(`indicator.run.stages.${stage}`)}</Typography.Text>
        </div>
      ) : null}
    </Modal>
  );
}

function Results({ run, catalog }: { run: TEvaluationRun; catalog: Map<string, TIndicator> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [tier, setTier] = useState<string>();
  const topGroups = run.definition.groups;
  const rows = run.result.results.filter((r) => !tier || r.tier === tier);
  const tiers = [...new Set(run.result.results.map((r) => r.tier).filter((x): x is string => x !== null))];

  const columns: TableColumnsType<TRegionResult> = [
    {
      title: t('indicator.results.rank'),
      dataIndex: 'rank',
      width: 64,
      align: 'center',
      sorter: (a, b) => a.rank - b.rank,
      defaultSortOrder: 'ascend',
    },
    {
      title: t('indicator.results.region'),
      dataIndex: 'name',
      width: 130,
      fixed: 'left',
      render: (n: string, r) => (
        <Typography.Link onClick={() => setOpen(r.code)} data-testid="result-region">
          {n}
        </Typography.Link>
      ),
    },
    {
      title: t('indicator.results.score'),
      dataIndex: 'score',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.score - b.score,
      render: (s: number) => <Typography.Text strong>{formatNumber(s, 2)}</Typography.Text>,
    },
    {
      title: t('indicator.results.change'),
      key: 'change',
      width: 110,
      sorter: (a, b) => (a.rankChange ?? 0) - (b.rankChange ?? 0),
      render: (_, r) => <RankChange change={r.rankChange} previous={r.previousRank} />,
    },
    {
      title: t('indicator.results.tier'),
      dataIndex: 'tier',
      width: 90,
      render: (x: string | null) => (x ? <Tag color="geekblue">{x}</Tag> : t('common.none')),
    },
    {
      title: (
        <Tooltip title={t('indicator.results.intervalHint')}>
          <span style={{ borderBottom: '1px dotted #999' }}>{t('indicator.results.interval')}</span>
        </Tooltip>
      ),
      key: 'interval',
      width: 130,
      render: (_, r) => {
        const s = run.sensitivity[r.code];
        if (!s) return t('common.none');
        const stable = s.minRank === s.maxRank;
        return (
          <Tooltip title={t('indicator.results.intervalText', { p05: s.p05Rank, p95: s.p95Rank, min: s.minRank, max: s.maxRank })}>
            <Typography.Text type={stable ? 'success' : undefined}>
              {s.p05Rank === s.p95Rank ? `${s.p05Rank}` : `${s.p05Rank}–${s.p95Rank}`}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                ({s.minRank}–{s.maxRank})
              </Typography.Text>
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    ...topGroups.map((g) => ({
      title: g.name,
      key: `g:${g.key}`,
      width: 90,
      align: 'right' as const,
      render: (_: unknown, r: TRegionResult) => formatNumber(r.groups.find((x) => x.key === g.key)?.score, 2),
    })),
    {
      title: t('common.table.actions'),
      key: 'actions',
      width: 90,
      render: (_, r) => (
        <Button size="small" type="link" onClick={() => setOpen(r.code)} data-testid="result-breakdown">
          {t('indicator.results.breakdown')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex gap={16} wrap align="center" style={{ padding: '12px 16px' }}>
        <Typography.Text type="secondary">
          {t('indicator.results.summary', { year: run.year, n: run.regionCount, at: formatDateTime(run.computedAt) })}
        </Typography.Text>
        <Typography.Text type="secondary">{t(`indicator.results.previousFrom.${run.previousRanksFrom}`)}</Typography.Text>
        <Typography.Text type="secondary">
          {t('indicator.results.origins', { stored: run.origins.stored, rolledUp: run.origins.rolledUp, derived: run.origins.derived })}
        </Typography.Text>
        <span style={{ flex: 1 }} />
        {tiers.length > 0 ? (
          <Select
            value={tier}
            onChange={setTier}
            allowClear
            placeholder={t('indicator.results.tier')}
            style={{ width: 140 }}
            options={tiers.map((x) => ({ value: x, label: x }))}
          />
        ) : null}
      </Flex>
      <Table<TRegionResult>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={rows}
        scroll={{ x: 740 + topGroups.length * 90 }}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.table.total', { total }) }}
        data-testid="results-table"
      />
      <BreakdownDrawer run={run} code={open} catalog={catalog} onClose={() => setOpen(null)} />
    </>
  );
}
