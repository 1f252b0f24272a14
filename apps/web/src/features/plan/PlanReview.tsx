import { CheckOutlined, PlusOutlined, RedoOutlined } from '@ant-design/icons';
import type { TPlanCreate, TPlanImportResult } from '@kechuang/contracts';
import { Alert, App, Badge, Button, Card, Checkbox, Col, Flex, Form, Popconfirm, Row, Space, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { bureauYear } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { JobProgress } from '../jobs/JobProgress.tsx';
import { MetaForm, type MetaValues, metaToInput } from './MetaForm.tsx';
import { PlanTree } from './PlanTree.tsx';
import { useCreatePlan } from './plan-api.ts';
import { formatValue, markColors, toneOf } from './plan-format.ts';
import { initialReview, reviewReducer, toSubmission } from './review-state.ts';
import { type SourceMark, SourceText, type TextSelection } from './SourceText.tsx';
import { TargetTable } from './TargetTable.tsx';
import { useLeaveGuard } from './use-leave-guard.ts';

type TabKey = 'meta' | 'tree' | 'targets';

const regionCodes = { 'auth/out_of_scope': 'regionCode', 'region/not_found': 'regionCode', 'region/retired': 'regionCode' };

/** Step 2 and 3 of the import: the original text beside the editable draft, then confirm. */
export function PlanReview({ result, onRestart }: { result: TPlanImportResult; onRestart: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { draft, text } = result;
  const [state, dispatch] = useReducer(reviewReducer, draft, initialReview);
  const [form] = Form.useForm<MetaValues>();
  const [tab, setTab] = useState<TabKey>('meta');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const create = useCreatePlan();
  const guard = useLeaveGuard(true);
  const [focusAt, setFocusAt] = useState<{ at: number } | null>(null);
  // a plan whose last year is over is kept as an archive (no reminders, no overdue) unless the planner says otherwise
  const watchedYear = Form.useWatch('year', form) as number | undefined;
  const watchedTo = Form.useWatch('periodTo', form) as number | null | undefined;
  const lastYear = Math.max(watchedYear ?? 0, watchedTo ?? 0);
  const isPast = lastYear > 0 && lastYear < bureauYear();
  const [archive, setArchive] = useState(true);

  const marks = useMemo<SourceMark[]>(
    () =>
      state.targets.map((x) => ({
        id: x.id,
        start: x.start,
        end: x.end,
        tone: toneOf(x),
        tip: t(x.baseline ? 'plan.targets.tipBaseline' : 'plan.targets.tip', { indicator: x.indicatorName, value: formatValue(x) }),
      })),
    [state.targets, t],
  );
  // Recounted only when a target moves to another node, not on every keystroke in the table.
  const nodeOfTargets = state.targets.map((x) => x.nodeKey ?? '').join('|');
  const targetCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const key of nodeOfTargets.split('|')) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  }, [nodeOfTargets]);
  const locate = useCallback((at: number) => setFocusAt({ at }), []);
  const taskCount = state.nodes.filter((n) => n.kind === 'task').length;
  const targetCount = state.targets.filter((x) => !x.baseline).length;

  const addSelection = () => {
    if (!selection) {
      message.warning(t('plan.review.selectFirst'));
      return;
    }
    const year = (form.getFieldValue('year') as number | undefined) ?? draft.year;
    dispatch({ type: 'addTarget', ...selection, year: year ?? null });
    setSelectedId(`t${state.serial}`);
    setTab('targets');
    setSelection(null);
    window.getSelection()?.removeAllRanges();
    message.success(t('plan.review.added'));
  };

  const confirm = async () => {
    let meta: MetaValues;
    try {
      meta = await form.validateFields();
    } catch {
      setTab('meta');
      message.warning(t('plan.review.fixMeta'));
      return;
    }
    const input: TPlanCreate = {
      ...metaToInput(meta),
      sourceFilename: result.filename,
      sourceText: text,
      ...toSubmission(state),
      archived: isPast && archive,
    };
    create.mutate(input, {
      onSuccess: (plan) => {
        guard.release();
        message.success(t('plan.review.created'));
        navigate(`/plans/${plan.id}`);
      },
      onError: (e) => {
        // A region the user may not plan for, or one that no longer exists: show it at the field.
        if (applyFieldErrors(form, e, errorText(e), regionCodes)) setTab('meta');
      },
    });
  };

  const paneHeight = 'calc(100vh - 330px)';
  const tabLabel = (label: string, count: number) => (
    <Space size={6}>
      {label}
      <Badge count={count} showZero color="#8f959e" overflowCount={999} />
    </Space>
  );

  return (
    <>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {t('plan.review.summary', { sections: state.nodes.length - taskCount, tasks: taskCount, targets: targetCount })}
        </Typography.Text>
        <Space>
          <Popconfirm title={t('plan.review.leaveWarning')} onConfirm={onRestart} styles={{ root: { maxWidth: 320 } }}>
            <Button icon={<RedoOutlined />}>{t('plan.review.restart')}</Button>
          </Popconfirm>
          <Popconfirm
            title={t('plan.review.confirmTitle', { tasks: taskCount, targets: targetCount })}
            onConfirm={() => void confirm()}
            okText={t('plan.review.confirm')}
            styles={{ root: { maxWidth: 340 } }}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={create.isPending} data-testid="plan-confirm">
              {t('plan.review.confirm')}
            </Button>
          </Popconfirm>
        </Space>
      </Flex>
      {isPast ? (
        <Alert
          type="warning"
          showIcon
          title={t('plan.review.pastYear', { year: lastYear })}
          description={
            <Checkbox checked={archive} onChange={(e) => setArchive(e.target.checked)} data-testid="plan-archive">
              {t('plan.review.archive')}
            </Checkbox>
          }
          style={{ marginBottom: 12 }}
          data-testid="plan-past-year"
        />
      ) : null}
      {create.isError ? <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 12 }} /> : null}
      {create.job ? (
        <Alert
          type="info"
          showIcon
          title={t('plan.review.creatingInBackground')}
          description={<JobProgress job={create.job} />}
          style={{ marginBottom: 12 }}
          data-testid="plan-create-job"
        />
      ) : null}
      <Row gutter={16}>
        <Col span={10}>
          <Card
            size="small"
            title={t('plan.review.source')}
            extra={
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={addSelection}
                type={selection ? 'primary' : 'default'}
                data-testid="plan-add-target"
              >
                {t('plan.review.addSelection')}
              </Button>
            }
            styles={{ body: { padding: 0 } }}
          >
            <Flex gap={12} style={{ padding: '8px 16px', borderBottom: '1px solid #f0f0f0', fontSize: 12 }} wrap>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('plan.review.sourceHint')}
              </Typography.Text>
              <Legend label={t('plan.review.legendTarget')} tone="level" />
              <Legend label={t('plan.review.legendBaseline')} tone="baseline" />
            </Flex>
            <SourceText
              text={text}
              marks={marks}
              selectedId={selectedId}
              onMarkClick={(id) => {
                setSelectedId(id);
                setTab('targets');
              }}
              onSelect={setSelection}
              focusAt={focusAt}
              style={{ height: paneHeight, overflow: 'auto', padding: '12px 16px' }}
              data-testid="plan-source"
            />
          </Card>
        </Col>
        <Col span={14}>
          <Card
            size="small"
            classNames={{ body: 'kc-scroll-pane' }}
            styles={{ body: { padding: '0 16px 12px', height: `calc(${paneHeight} + 73px)`, overflow: 'auto' } }}
          >
            <Tabs
              activeKey={tab}
              onChange={(key) => setTab(key as TabKey)}
              items={[
                { key: 'meta', label: t('plan.review.tabs.meta'), forceRender: true, children: <MetaForm form={form} draft={draft} /> },
                {
                  key: 'tree',
                  label: tabLabel(t('plan.review.tabs.tree'), state.nodes.length),
                  children: <PlanTree nodes={state.nodes} targetCounts={targetCounts} dispatch={dispatch} onLocate={locate} />,
                },
                {
                  key: 'targets',
                  label: tabLabel(t('plan.review.tabs.targets'), state.targets.length),
                  children: (
                    <TargetTable
                      targets={state.targets}
                      selectedId={selectedId}
                      onSelect={setSelectedId}
                      onChange={(id, patch) => dispatch({ type: 'updateTarget', id, patch })}
                      onRemove={(id) => dispatch({ type: 'removeTarget', id })}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function Legend({ label, tone }: { label: string; tone: keyof typeof markColors }) {
  const c = markColors[tone];
  return (
    <span style={{ fontSize: 12 }}>
      <mark style={{ background: c.bg, borderBottom: `2px solid ${c.line}`, padding: '0 6px', marginInlineEnd: 4 }} />
      {label}
    </span>
  );
}
