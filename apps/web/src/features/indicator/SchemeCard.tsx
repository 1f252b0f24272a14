import { DeleteOutlined, EditOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { TEvaluationRun, TStoredScheme } from '@kechuang/contracts';
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
import { useCatalog, useCreateRun, useDeleteScheme } from './indicator-api.ts';
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
  onRun: (run: TEvaluationRun) => void;
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
