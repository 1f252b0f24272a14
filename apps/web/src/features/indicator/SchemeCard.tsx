import { DeleteOutlined, EditOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { TRunJobResult, TRunSummary, TStoredScheme } from '@kechuang/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  InputNumber,
  Modal,
  Popconfirm,
  Progress,
  Row,
  Slider,
  Tag,
  Tooltip,
  Tree,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { formatDateTime } from '../../lib/format.ts';
import { jobEnded, useJob } from '../jobs/jobs-api.ts';
import { useCatalog, useDeleteScheme, useStartRun } from './indicator-api.ts';
import { defaultYear } from './indicator-format.ts';
import { isFlat } from './scheme-model.ts';

/** A scheme: its indicators and weights, its runs, and (for writers) edit, delete and run. */
export function SchemeCard({
  scheme,
  canWrite,
  onEdit,
  onRun,
}: {
  scheme: TStoredScheme;
  canWrite: boolean;
  onEdit: () => void;
  onRun: (run: TRunSummary) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const remove = useDeleteScheme();
  const def = scheme.definition;
  const [runOpen, setRunOpen] = useState(false);
  const flat = isFlat(def);
  const catalog = useCatalog();
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
              // the catalogue's zh-CN name; the code only when the catalogue does not know it
              title: `${n.name ?? catalog.data?.find((c) => c.code === n.code)?.nameZh ?? n.code} · ${t('indicator.scheme.weight')} ${n.weight} · ${t(`indicator.polarity.${n.polarity}`)} · ${t(`indicator.scheme.methods.${n.normalisation.method}`)}${n.normalisation.method === 'standard' ? `（${t('indicator.scheme.standard')} ${n.normalisation.standard}）` : ''}`,
            },
      );
    return walk(def.groups, '');
  }, [def, t, catalog.data]);

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
            <Popconfirm
              title={t('indicator.scheme.deleteConfirm', { name: scheme.name })}
              description={<div style={{ maxWidth: 300 }}>{t('indicator.scheme.deleteHint')}</div>}
              okText={t('indicator.scheme.delete')}
              okButtonProps={{ danger: true, loading: remove.isPending }}
              cancelText={t('common.actions.cancel')}
              onConfirm={() =>
                remove
                  .mutateAsync({ id: scheme.id, version: scheme.version })
                  .then(() => message.success(t('indicator.scheme.deleted')))
                  .catch((e: unknown) => message.error(errorText(e)))
              }
            >
              <Button danger icon={<DeleteOutlined />} data-testid="scheme-delete">
                {t('indicator.scheme.delete')}
              </Button>
            </Popconfirm>
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
                          {tier.name} {tier.exclusive ? '>' : '≥'}{' '}
                          {tier.reference === 'average' || tier.reference === 'region'
                            ? t('indicator.scheme.tierOf', {
                                percent: tier.minScore,
                                reference:
                                  tier.reference === 'region' ? (tier.regionCode ?? '') : t('indicator.scheme.tierReferences.average'),
                              })
                            : tier.minScore}
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

/** What the run is doing once `done` of its steps have ended (the job's progress). */
const stages = ['load', 'previous', 'aggregate', 'sensitivity', 'save'] as const;

/**
 * 计算: pick the year and the sensitivity settings, then follow the run — a background job — with a progress
 * bar through its steps; when it has stored the run, the page opens it.
 */
function RunModal({
  open,
  scheme,
  onClose,
  onDone,
}: {
  open: boolean;
  scheme: TStoredScheme;
  onClose: () => void;
  onDone: (r: TRunSummary) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const start = useStartRun();
  const [year, setYear] = useState(defaultYear());
  const [samples, setSamples] = useState(200);
  const [perturbation, setPerturbation] = useState(20);
  const [jobId, setJobId] = useState<number | null>(null);
  const job = useJob(jobId);
  const running = start.isPending || (jobId !== null && !jobEnded(job.data));

  useEffect(() => {
    const j = job.data;
    if (!j || j.id !== jobId || !jobEnded(j)) return;
    setJobId(null);
    if (j.status === 'succeeded') {
      const { run } = j.result as TRunJobResult;
      message.success(t('indicator.run.done', { year: run.year, n: run.regionCount }));
      // the list holds the new run before the page opens it
      void queryClient.invalidateQueries({ queryKey: ['indicators', 'runs', run.schemeId] }).then(() => onDone(run));
    } else {
      const key = `errors.${j.error?.code ?? 'job/failed'}`;
      message.error(i18n.exists(key) ? t(key as 'errors.job/failed') : (j.error?.message ?? t('errors.job/failed')));
    }
  }, [job.data, jobId, message, t, i18n, queryClient, onDone]);
  useEffect(() => {
    if (job.isError) {
      setJobId(null);
      message.error(errorText(job.error));
    }
  }, [job.isError, job.error, message, errorText]);

  const run = () =>
    start.mutate(
      { schemeId: scheme.id, year, samples, perturbation: perturbation / 100 },
      { onSuccess: (j) => setJobId(j.id), onError: (e) => message.error(errorText(e)) },
    );
  const current = jobId !== null && job.data?.id === jobId ? job.data : undefined;
  const done = current?.progress.done ?? 0;
  const total = current?.progress.total ?? stages.length;
  const status = current?.status ?? 'queued';

  return (
    <Modal
      open={open}
      onCancel={running ? undefined : onClose}
      closable={!running}
      maskClosable={false}
      title={t('indicator.run.title', { name: scheme.name })}
      okText={t('indicator.run.start')}
      onOk={run}
      okButtonProps={{ loading: running, ...({ 'data-testid': 'run-start' } as object) }}
      cancelButtonProps={{ disabled: running }}
      destroyOnHidden
    >
      <Form layout="vertical" disabled={running}>
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
      {running ? (
        <div data-testid="run-progress" data-status={status}>
          <Progress percent={total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0} status="active" />
          <Typography.Text type="secondary">
            {status === 'queued'
              ? t('jobs.waiting')
              : `${t(`indicator.run.stages.${stages[Math.min(done, stages.length - 1)] ?? 'load'}`)}（${t('jobs.progress', { done, total })}）`}
          </Typography.Text>
        </div>
      ) : null}
    </Modal>
  );
}
