import { PlusOutlined } from '@ant-design/icons';
import type { TTalentProgramme } from '@kechuang/contracts';
import { Alert, App, Button, Card, Drawer, Empty, Flex, Form, Input, InputNumber, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { api } from '../../lib/api.ts';
import { bureauYear } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { isWriter } from './DispatchTab.tsx';
import { TalentSelect } from './TalentSelect.tsx';
import { useProgrammes, useTalentMutation } from './talent-api.ts';

type Round = TTalentProgramme['rounds'][number];

/** 人才计划 遴选: programmes and their yearly rounds — open a round, nominate from the registry, decide within the quota. */
export function ProgrammesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useCurrentUser();
  const writer = isWriter(user.roles);
  const programmes = useProgrammes();
  const [creating, setCreating] = useState(false);
  const [roundFor, setRoundFor] = useState<TTalentProgramme | null>(null);
  const [openRound, setOpenRound] = useState<number | null>(null);
  const [programmeForm] = Form.useForm<{ name: string; regionCode: string; description?: string }>();
  const [roundForm] = Form.useForm<{ year: number; title: string; quota: number }>();
  const fail = (e: unknown) => message.error(errorText(e));
  const createProgramme = useTalentMutation((v: { name: string; regionCode: string; description?: string }) =>
    api.post('/api/talent/programmes', { ...v, description: v.description ?? '' }),
  );
  const createRound = useTalentMutation((v: { year: number; title: string; quota: number; g: TTalentProgramme }) =>
    api.post<TTalentProgramme>(`/api/talent/programmes/${v.g.id}/rounds`, { year: v.year, title: v.title, quota: v.quota }),
  );
  if (programmes.isError) return <QueryError error={programmes.error} onRetry={() => programmes.refetch()} />;
  const rows = programmes.data ?? [];
  const round = rows.flatMap((g) => g.rounds.map((r) => ({ ...r, programme: g }))).find((r) => r.id === openRound);
  return (
    <div data-testid="talent-programmes">
      <Flex justify="end" style={{ marginBottom: 16 }}>
        {writer ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('talent.actions.newProgramme')}
          </Button>
        ) : null}
      </Flex>
      {rows.length === 0 && !programmes.isPending ? <Empty description={t('talent.hints.noProgrammes')} /> : null}
      {rows.map((g) => (
        <Card
          key={g.id}
          title={g.name}
          style={{ marginBottom: 16 }}
          data-testid={`programme-${g.id}`}
          extra={
            writer ? (
              <Button icon={<PlusOutlined />} onClick={() => setRoundFor(g)} data-testid={`new-round-${g.id}`}>
                {t('talent.actions.newRound')}
              </Button>
            ) : null
          }
        >
          {g.description ? <Typography.Paragraph type="secondary">{g.description}</Typography.Paragraph> : null}
          <Table<Round>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={g.rounds}
            locale={{ emptyText: t('talent.hints.noRounds') }}
            columns={[
              { title: t('talent.fields.year'), dataIndex: 'year', width: 80 },
              { title: t('talent.fields.roundTitle'), dataIndex: 'title' },
              { title: t('talent.fields.quota'), dataIndex: 'quota', width: 80 },
              { title: t('talent.fields.nominees'), key: 'n', width: 90, render: (_, r) => r.nominees.length },
              {
                title: t('talent.outcomes.selected'),
                key: 's',
                width: 90,
                render: (_, r) => (r.status === 'decided' ? r.nominees.filter((n) => n.selected).length : '—'),
              },
              {
                title: t('talent.fields.roundStatus'),
                dataIndex: 'status',
                width: 100,
                render: (s: Round['status']) => <Tag color={s === 'open' ? 'processing' : 'success'}>{t(`talent.roundStatuses.${s}`)}</Tag>,
              },
              {
                title: '',
                key: 'a',
                width: 80,
                render: (_, r) => (
                  <Button type="link" size="small" onClick={() => setOpenRound(r.id)} data-testid={`open-round-${r.id}`}>
                    {t('talent.actions.open')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      ))}
      <Modal
        open={creating}
        title={t('talent.actions.newProgramme')}
        onCancel={() => setCreating(false)}
        onOk={() => programmeForm.submit()}
        confirmLoading={createProgramme.isPending}
        destroyOnHidden
      >
        <Form
          form={programmeForm}
          layout="vertical"
          initialValues={{ regionCode: user.regionCode }}
          onFinish={(v) =>
            createProgramme.mutate(v, {
              onSuccess: () => {
                setCreating(false);
                message.success(t('talent.hints.updated'));
              },
              onError: fail,
            })
          }
        >
          <Form.Item name="name" label={t('talent.fields.programme')} rules={[{ required: true, min: 2, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="regionCode" label={t('talent.fields.region')} rules={[{ required: true }]}>
            <RegionPicker maxLevel={2} />
          </Form.Item>
          <Form.Item name="description" label={t('talent.fields.description')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={roundFor !== null}
        title={`${t('talent.actions.newRound')}：${roundFor?.name ?? ''}`}
        onCancel={() => setRoundFor(null)}
        onOk={() => roundForm.submit()}
        confirmLoading={createRound.isPending}
        destroyOnHidden
      >
        <Form
          form={roundForm}
          layout="vertical"
          initialValues={{ year: bureauYear(), title: `${bureauYear()}年度遴选`, quota: 10 }}
          onFinish={(v) =>
            roundFor &&
            createRound.mutate(
              { ...v, g: roundFor },
              {
                onSuccess: () => {
                  setRoundFor(null);
                  message.success(t('talent.hints.updated'));
                },
                onError: fail,
              },
            )
          }
        >
          <Form.Item name="year" label={t('talent.fields.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="title" label={t('talent.fields.roundTitle')} rules={[{ required: true, min: 2, max: 100 }]}>
            <Input data-testid="round-title" />
          </Form.Item>
          <Form.Item name="quota" label={t('talent.fields.quota')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} data-testid="round-quota" />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer
        open={round !== undefined}
        size="large"
        title={round ? `${round.programme.name} · ${round.title}` : ''}
        onClose={() => setOpenRound(null)}
        destroyOnHidden
      >
        {round ? <RoundPanel round={round} writer={writer} /> : null}
      </Drawer>
    </div>
  );
}

/** One round: its nominees with their field and level; nominate, withdraw, and decide the selected within the quota. */
function RoundPanel({ round, writer }: { round: Round; writer: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [talentId, setTalentId] = useState<number | undefined>();
  const [selected, setSelected] = useState<number[]>(() => round.nominees.filter((n) => n.selected).map((n) => n.talentId));
  const fail = (e: unknown) => message.error(errorText(e));
  const nominate = useTalentMutation((id: number) => api.post(`/api/talent/rounds/${round.id}/nominations`, { talentId: id }));
  const removeNominee = useTalentMutation((id: number) => api.delete(`/api/talent/rounds/${round.id}/nominations/${id}`));
  const decide = useTalentMutation(() => api.post(`/api/talent/rounds/${round.id}/decide`, { version: round.version, selected }));
  const open = round.status === 'open';
  const over = selected.length > round.quota;
  type Nominee = Round['nominees'][number];
  return (
    <Flex vertical gap={16} data-testid="round-panel">
      <Typography.Text type="secondary">
        {t('talent.fields.year')} {round.year} · {t('talent.fields.quota')} {round.quota} ·{' '}
        <Tag color={open ? 'processing' : 'success'}>{t(`talent.roundStatuses.${round.status}`)}</Tag>
      </Typography.Text>
      {open && writer ? (
        <Flex gap={8}>
          <div style={{ flex: 1 }}>
            <TalentSelect value={talentId} onChange={setTalentId} data-testid="nominate-talent" />
          </div>
          <Button
            type="primary"
            disabled={!talentId}
            loading={nominate.isPending}
            data-testid="nominate"
            onClick={() =>
              talentId &&
              nominate.mutate(talentId, {
                onSuccess: () => {
                  setTalentId(undefined);
                  message.success(t('talent.hints.nominated'));
                },
                onError: fail,
              })
            }
          >
            {t('talent.actions.nominate')}
          </Button>
        </Flex>
      ) : null}
      {open && writer ? <Typography.Text type="secondary">{t('talent.hints.selectHint')}</Typography.Text> : null}
      <Table<Nominee>
        size="small"
        rowKey="talentId"
        pagination={false}
        dataSource={round.nominees}
        rowSelection={open && writer ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) } : undefined}
        columns={[
          { title: t('talent.fields.name'), dataIndex: 'name', width: 90 },
          { title: t('talent.fields.employer'), dataIndex: 'employerName', render: (n: string | null) => n ?? '—' },
          { title: t('talent.fields.field'), dataIndex: 'field', width: 110 },
          { title: t('talent.fields.level'), dataIndex: 'level', width: 100, render: (l: Nominee['level']) => t(`talent.levels.${l}`) },
          {
            title: t('talent.fields.outcome'),
            dataIndex: 'selected',
            width: 90,
            render: (s: boolean | null) =>
              s === null ? (
                <Tag>{t('talent.outcomes.pending')}</Tag>
              ) : s ? (
                <Tag color="success">{t('talent.outcomes.selected')}</Tag>
              ) : (
                <Tag>{t('talent.outcomes.notSelected')}</Tag>
              ),
          },
          ...(open && writer
            ? [
                {
                  title: '',
                  key: 'a',
                  width: 70,
                  render: (_: unknown, n: Nominee) => (
                    <Popconfirm
                      title={t('talent.confirm.removeNominee', { name: n.name })}
                      onConfirm={() =>
                        removeNominee.mutate(n.talentId, {
                          onSuccess: () => setSelected((s) => s.filter((x) => x !== n.talentId)),
                          onError: fail,
                        })
                      }
                    >
                      <Button type="link" size="small" danger>
                        {t('talent.actions.removeNominee')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {open && writer ? (
        <>
          {over ? <Alert type="error" showIcon message={t('talent.hints.overQuota', { n: selected.length, quota: round.quota })} /> : null}
          <Popconfirm
            title={t('talent.confirm.decide', { n: selected.length, quota: round.quota })}
            disabled={over}
            onConfirm={() => decide.mutate(undefined, { onSuccess: () => message.success(t('talent.hints.decided')), onError: fail })}
          >
            <Button type="primary" disabled={over} loading={decide.isPending} data-testid="decide">
              {t('talent.actions.decide')}
            </Button>
          </Popconfirm>
        </>
      ) : null}
    </Flex>
  );
}
