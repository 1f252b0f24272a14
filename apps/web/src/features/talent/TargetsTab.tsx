import { PlusOutlined } from '@ant-design/icons';
import { serviceTargetKinds, type TServiceTargetRow } from '@kechuang/contracts';
import { App, Button, Flex, Form, Modal, Popconfirm, Select, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ListCard } from '../../components/ListCard.tsx';
import { type ListFilter, ListFilters } from '../../components/ListFilters.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { api } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { isWriter } from './DispatchTab.tsx';
import { TargetForm, type TargetValues } from './TargetForm.tsx';
import { useCommissioners, useTalentMutation, useTargets } from './talent-api.ts';
import { talentFilters, useTalentListSearch } from './talent-list.ts';

/** 服务对象: the villages, co-operatives and enterprises the year's 特派员 serve, with region codes; edit, delete, Excel. */
export function TargetsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useCurrentUser();
  const writer = isWriter(user.roles);
  const { search, setSearch, year, paging, onPaging } = useTalentListSearch();
  const filters = { year, q: search.q, kind: search.kind, region: search.region };
  const list = useTargets({ ...paging, ...filters });
  const commissioners = useCommissioners({ year, page: 1, pageSize: 200 });
  const [editing, setEditing] = useState<TServiceTargetRow | null>(null);
  const [adding, setAdding] = useState(false);
  const [commissionerId, setCommissionerId] = useState<number | undefined>();
  const [form] = Form.useForm<TargetValues>();
  const fail = (e: unknown) => message.error(errorText(e));
  const body = (v: TargetValues) => ({ kind: v.kind, name: v.name, regionCode: v.regionCode, villageCode: v.villageCode || null });
  const save = useTalentMutation((v: TargetValues) =>
    editing
      ? api.put(`/api/talent/targets/${editing.id}`, body(v))
      : api.post(`/api/talent/commissioners/${commissionerId}/targets`, body(v)),
  );
  const remove = useTalentMutation((x: TServiceTargetRow) => api.delete(`/api/talent/targets/${x.id}`));
  const close = () => {
    setEditing(null);
    setAdding(false);
  };
  const chosen = commissioners.data?.items.find((c) => c.id === commissionerId);
  const f = talentFilters(t);
  const filterBar: ListFilter[] = [
    f.year(year),
    f.name(240, t('talent.fields.searchTarget')),
    {
      kind: 'select',
      key: 'kind',
      placeholder: t('talent.fields.kindOfTarget'),
      width: 120,
      options: serviceTargetKinds.map((k) => ({ value: k, label: t(`talent.targetKinds.${k}`) })),
    },
    f.region(),
  ];
  const columns: TableColumnsType<TServiceTargetRow> = [
    { title: t('talent.fields.target'), dataIndex: 'name' },
    {
      title: t('talent.fields.kindOfTarget'),
      dataIndex: 'kind',
      width: 90,
      render: (k: TServiceTargetRow['kind']) => <Tag>{t(`talent.targetKinds.${k}`)}</Tag>,
    },
    { title: t('talent.fields.region'), dataIndex: 'regionCode', width: 110, render: (c: string) => <RegionName code={c} /> },
    { title: t('talent.fields.villageCode'), dataIndex: 'villageCode', width: 140, render: (c: string | null) => c ?? '—' },
    { title: t('talent.fields.commissioner'), dataIndex: 'commissionerName', width: 110 },
    { title: t('talent.fields.year'), dataIndex: 'year', width: 70 },
    { title: t('talent.fields.servedLogs'), dataIndex: 'servedLogs', width: 90 },
    ...(writer
      ? [
          {
            title: '',
            key: 'actions',
            width: 130,
            render: (_: unknown, x: TServiceTargetRow) => (
              <Flex gap={4}>
                <Button size="small" type="link" onClick={() => setEditing(x)} data-testid={`edit-target-${x.id}`}>
                  {t('talent.actions.edit')}
                </Button>
                <Popconfirm
                  title={t('talent.confirm.deleteTarget', { name: x.name })}
                  okButtonProps={{ danger: true }}
                  disabled={x.servedLogs > 0}
                  onConfirm={() => remove.mutate(x, { onSuccess: () => message.success(t('talent.hints.deleted')), onError: fail })}
                >
                  <Tooltip title={x.servedLogs > 0 ? t('talent.hints.deleteTargetBlocked') : undefined}>
                    <Button size="small" type="link" danger disabled={x.servedLogs > 0}>
                      {t('talent.actions.delete')}
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
      <ListCard<TServiceTargetRow>
        title={t('talent.tabs.targets')}
        testId="talent-targets"
        extra={
          <Flex gap={8}>
            <ExportButton
              path="/api/talent/targets/export"
              fallbackName="科技特派员服务对象.xlsx"
              query={filters}
              label={t('talent.actions.exportTargets')}
            />
            {writer ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('talent.actions.addTarget')}
              </Button>
            ) : null}
          </Flex>
        }
        filters={<ListFilters filters={filterBar} search={search} onChange={setSearch} />}
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={onPaging}
      />
      <Modal
        open={editing !== null || adding}
        title={editing ? `${t('talent.actions.edit')}：${editing.name}` : t('talent.actions.addTarget')}
        onCancel={close}
        onOk={() => form.submit()}
        okButtonProps={{ disabled: !editing && !commissionerId }}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        {editing ? null : (
          <Flex vertical gap={4} style={{ marginBottom: 16 }}>
            <span>{t('talent.fields.commissioner')}</span>
            <Select
              value={commissionerId}
              onChange={setCommissionerId}
              showSearch={{ optionFilterProp: 'label' }}
              options={(commissioners.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.year}）` }))}
            />
          </Flex>
        )}
        <TargetForm
          key={editing?.id ?? `new-${commissionerId ?? 0}`}
          form={form}
          initial={editing ?? { kind: 'village', regionCode: chosen?.regionCode }}
          onFinish={(v) =>
            save.mutate(v, {
              onSuccess: () => {
                close();
                message.success(t('talent.hints.updated'));
              },
              onError: fail,
            })
          }
        />
      </Modal>
    </>
  );
}
