import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import type { TCommissioner } from '@kechuang/contracts';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Select, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListCard } from '../../components/ListCard.tsx';
import { type ListFilter, ListFilters } from '../../components/ListFilters.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { api } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { CountsCard } from './CountsCard.tsx';
import { TalentSelect } from './TalentSelect.tsx';
import { TargetForm, type TargetValues } from './TargetForm.tsx';
import { useCommissioners, useTalentMutation, useTeams } from './talent-api.ts';
import { talentFilters, useTalentListSearch } from './talent-list.ts';

interface DispatchForm {
  talentId: number;
  regionCode: string;
  teamId?: number;
  username?: string;
}
interface AdjustForm {
  teamId?: number;
  username?: string;
}

export const isWriter = (roles: readonly string[]) => roles.includes('admin') || roles.includes('planner');

/** 选派: the year's 特派员 picked from the registry, dispatched to a county, in a 专家服务团, with their 服务对象. */
export function DispatchTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useCurrentUser();
  const writer = isWriter(user.roles);
  const { search, setSearch, year, paging, onPaging } = useTalentListSearch();
  const teamId = search.teamId ? Number(search.teamId) : undefined;
  const list = useCommissioners({ ...paging, year, q: search.q, teamId, region: search.region });
  const teams = useTeams(year);
  const [dispatching, setDispatching] = useState(false);
  const [teamOpen, setTeamOpen] = useState(false);
  const [adjusting, setAdjusting] = useState<TCommissioner | null>(null);
  const [addingTo, setAddingTo] = useState<TCommissioner | null>(null);
  const [dispatchForm] = Form.useForm<DispatchForm>();
  const [teamForm] = Form.useForm<{ name: string; regionCode: string }>();
  const [adjustForm] = Form.useForm<AdjustForm>();
  const [targetForm] = Form.useForm<TargetValues>();
  const fail = (e: unknown) => message.error(errorText(e));
  const dispatch = useTalentMutation((v: DispatchForm) =>
    api.post('/api/talent/commissioners', {
      talentId: v.talentId,
      year,
      regionCode: v.regionCode,
      teamId: v.teamId ?? null,
      ...(v.username?.trim() ? { username: v.username.trim() } : {}),
    }),
  );
  const newTeam = useTalentMutation((v: { name: string; regionCode: string }) => api.post('/api/talent/teams', { ...v, year }));
  const adjust = useTalentMutation((v: AdjustForm & { c: TCommissioner }) =>
    api.put(`/api/talent/commissioners/${v.c.id}`, {
      version: v.c.version,
      teamId: v.teamId ?? null,
      username: v.username?.trim() || null,
    }),
  );
  const withdraw = useTalentMutation((c: TCommissioner) => api.post(`/api/talent/commissioners/${c.id}/withdraw`, { version: c.version }));
  const addTarget = useTalentMutation((v: TargetValues & { c: TCommissioner }) =>
    api.post(`/api/talent/commissioners/${v.c.id}/targets`, {
      kind: v.kind,
      name: v.name,
      regionCode: v.regionCode,
      villageCode: v.villageCode || null,
    }),
  );
  const teamOptions = (teams.data ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.members}人）` }));
  const f = talentFilters(t);
  const filters: ListFilter[] = [
    f.name(),
    { kind: 'select', key: 'teamId', placeholder: t('talent.fields.allTeams'), width: 240, options: teamOptions },
    f.region(),
  ];
  const columns: TableColumnsType<TCommissioner> = [
    { title: t('talent.fields.name'), dataIndex: 'name', width: 90 },
    { title: t('talent.fields.employer'), dataIndex: 'employerName', width: 180 },
    { title: t('talent.fields.region'), dataIndex: 'regionCode', width: 100, render: (c: string) => <RegionName code={c} /> },
    { title: t('talent.fields.team'), dataIndex: 'teamName', width: 170, render: (n: string | null) => n ?? '—' },
    { title: t('talent.fields.account'), dataIndex: 'username', width: 110, render: (n: string | null) => n ?? '—' },
    {
      title: t('talent.fields.targets'),
      dataIndex: 'targets',
      render: (ts: TCommissioner['targets']) => ts.map((x) => <Tag key={x.id}>{`${x.name}（${t(`talent.targetKinds.${x.kind}`)}）`}</Tag>),
    },
    {
      title: t('talent.fields.logs'),
      dataIndex: 'logCount',
      width: 130,
      render: (n: number, c) => `${n}（${t('talent.statuses.confirmed')} ${c.confirmedCount}）`,
    },
    ...(writer
      ? [
          {
            title: '',
            key: 'actions',
            width: 220,
            render: (_: unknown, c: TCommissioner) => (
              <Flex gap={4} wrap>
                <Button
                  size="small"
                  type="link"
                  onClick={() => {
                    setAdjusting(c);
                  }}
                >
                  {t('talent.actions.adjust')}
                </Button>
                <Button size="small" type="link" data-testid={`add-target-${c.id}`} onClick={() => setAddingTo(c)}>
                  {t('talent.actions.addTarget')}
                </Button>
                <Popconfirm
                  title={t('talent.confirm.withdraw', { name: c.name, year: c.year })}
                  okButtonProps={{ danger: true }}
                  disabled={c.logCount > 0}
                  onConfirm={() => withdraw.mutate(c, { onSuccess: () => message.success(t('talent.hints.withdrawn')), onError: fail })}
                >
                  <Tooltip title={c.logCount > 0 ? t('talent.hints.withdrawBlocked') : undefined}>
                    <Button size="small" type="link" danger disabled={c.logCount > 0}>
                      {t('talent.actions.withdraw')}
                    </Button>
                  </Tooltip>
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <CountsCard year={year} onYear={(y) => setSearch({ year: String(y), page: undefined })} />
      <ListCard<TCommissioner>
        title={t('talent.tabs.commissioners')}
        testId="talent-commissioners"
        extra={
          writer ? (
            <Flex gap={8}>
              <Button icon={<TeamOutlined />} onClick={() => setTeamOpen(true)}>
                {t('talent.actions.newTeam')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDispatching(true)} data-testid="dispatch-open">
                {t('talent.actions.dispatch')}
              </Button>
            </Flex>
          ) : null
        }
        filters={<ListFilters filters={filters} search={search} onChange={setSearch} />}
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={onPaging}
        // without the actions column (a read-only role) the table fits in less: no sideways scroll for nothing
        scrollX={writer ? 1200 : 980}
      />
      <Modal
        open={dispatching}
        title={`${t('talent.actions.dispatch')}（${year}）`}
        onCancel={() => setDispatching(false)}
        onOk={() => dispatchForm.submit()}
        confirmLoading={dispatch.isPending}
        destroyOnHidden
      >
        <Form
          form={dispatchForm}
          layout="vertical"
          initialValues={{ regionCode: search.region }}
          onFinish={(v) =>
            dispatch.mutate(v, {
              onSuccess: () => {
                setDispatching(false);
                dispatchForm.resetFields();
                message.success(t('talent.hints.dispatched'));
              },
              onError: fail,
            })
          }
        >
          <Form.Item name="talentId" label={t('talent.fields.name')} rules={[{ required: true, message: t('talent.hints.pickTalent') }]}>
            <TalentSelect data-testid="dispatch-talent" />
          </Form.Item>
          <Form.Item name="regionCode" label={t('talent.fields.region')} rules={[{ required: true }]}>
            <RegionPicker data-testid="dispatch-region" />
          </Form.Item>
          <Form.Item name="teamId" label={t('talent.fields.team')}>
            <Select allowClear options={teamOptions} />
          </Form.Item>
          <Form.Item name="username" label={t('talent.fields.account')} extra={t('talent.hints.accountHint')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={teamOpen}
        title={t('talent.actions.newTeam')}
        onCancel={() => setTeamOpen(false)}
        onOk={() => teamForm.submit()}
        confirmLoading={newTeam.isPending}
        destroyOnHidden
      >
        <Form
          form={teamForm}
          layout="vertical"
          onFinish={(v) =>
            newTeam.mutate(v, {
              onSuccess: () => {
                setTeamOpen(false);
                teamForm.resetFields();
                message.success(t('talent.hints.updated'));
              },
              onError: fail,
            })
          }
        >
          <Form.Item name="name" label={t('talent.fields.teamName')} rules={[{ required: true, min: 2, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="regionCode" label={t('talent.fields.region')} rules={[{ required: true }]}>
            <RegionPicker />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={adjusting !== null}
        title={`${t('talent.actions.adjust')}：${adjusting?.name ?? ''}`}
        onCancel={() => setAdjusting(null)}
        onOk={() => adjustForm.submit()}
        confirmLoading={adjust.isPending}
        destroyOnHidden
      >
        <Form
          form={adjustForm}
          layout="vertical"
          initialValues={{ teamId: adjusting?.teamId ?? undefined, username: adjusting?.username ?? undefined }}
          onFinish={(v) =>
            adjusting &&
            adjust.mutate(
              { ...v, c: adjusting },
              {
                onSuccess: () => {
                  setAdjusting(null);
                  message.success(t('talent.hints.updated'));
                },
                onError: fail,
              },
            )
          }
        >
          <Form.Item name="teamId" label={t('talent.fields.team')}>
            <Select allowClear options={teamOptions} />
          </Form.Item>
          <Form.Item name="username" label={t('talent.fields.account')} extra={t('talent.hints.accountHint')}>
            <Input autoComplete="off" allowClear />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={addingTo !== null}
        title={`${t('talent.actions.addTarget')}：${addingTo?.name ?? ''}`}
        onCancel={() => setAddingTo(null)}
        onOk={() => targetForm.submit()}
        confirmLoading={addTarget.isPending}
        destroyOnHidden
      >
        <TargetForm
          form={targetForm}
          initial={{ kind: 'village', regionCode: addingTo?.regionCode }}
          onFinish={(v) =>
            addingTo &&
            addTarget.mutate(
              { ...v, c: addingTo },
              {
                onSuccess: () => {
                  setAddingTo(null);
                  targetForm.resetFields();
                  message.success(t('talent.hints.updated'));
                },
                onError: fail,
              },
            )
          }
        />
      </Modal>
    </>
  );
}
