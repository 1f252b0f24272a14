import { integrityAppealStatuses, type TIntegrityRecord } from '@kechuang/contracts';
import { Alert, App, Button, Descriptions, Flex, Input, Modal, Popconfirm, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { periodText, recordApi, useIntegrityMutation } from './integrity-api.ts';

export const listColor: Record<string, string> = { black: '#434343', red: 'red', watch: 'orange' };
export const statusColor: Record<string, string> = {
  draft: 'default',
  confirmed: 'blue',
  published: 'green',
  revoked: 'magenta',
  expired: 'default',
};

/** Rule notes, one a line. */
export function Notes({ notes }: { notes: string[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

/** A record past draft: what it says, and its next steps for the bureau (publish, revoke, appeal). */
export function RecordView(props: { record: TIntegrityRecord; canManage: boolean; onChanged: (r: TIntegrityRecord) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const r = props.record;
  const [revoking, setRevoking] = useState(false);
  const [reason, setReason] = useState('');
  const [appealing, setAppealing] = useState(false);
  const [appeal, setAppeal] = useState<{ status: TIntegrityRecord['appealStatus']; note: string }>({
    status: r.appealStatus,
    note: r.appealNote,
  });
  const publish = useIntegrityMutation(recordApi.publish);
  const revoke = useIntegrityMutation((v: { reason: string }) => recordApi.revoke(r, v.reason));
  const saveAppeal = useIntegrityMutation(() => recordApi.appeal(r, appeal.status, appeal.note));
  const run = async (p: Promise<TIntegrityRecord>, done: string) => {
    try {
      props.onChanged(await p);
      message.success(done);
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    }
  };
  const live = r.status === 'confirmed' || r.status === 'published' || r.status === 'expired';
  return (
    <div data-testid="integrity-view">
      <Flex gap={8} style={{ marginBottom: 16 }} wrap>
        <Tag color={listColor[r.listKind]} variant={r.listKind === 'black' ? 'solid' : 'filled'}>
          {t(`integrity.listKinds.${r.listKind}`)}
        </Tag>
        <Tag color={statusColor[r.status]} data-testid="integrity-view-status">
          {t(`integrity.statuses.${r.status}`)}
        </Tag>
        {r.appealStatus !== 'none' ? <Tag color="purple">{t(`integrity.appeal.${r.appealStatus}`)}</Tag> : null}
      </Flex>
      {r.warnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('integrity.page.warnings')}
          description={<Notes notes={r.warnings} />}
        />
      ) : null}
      <Descriptions column={2} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('integrity.fields.subjectName')}>
          {r.subjectName}（{t(`integrity.subjectKinds.${r.subjectKind}`)}）
        </Descriptions.Item>
        <Descriptions.Item label={r.subjectKind === 'person' ? t('integrity.fields.subjectUnit') : t('integrity.fields.uscc')}>
          {(r.subjectKind === 'person' ? r.subjectUnit : r.uscc) ?? t('integrity.page.none')}
          {r.idLast4 ? `（${t('integrity.fields.idLast4')} ${r.idLast4}）` : ''}
        </Descriptions.Item>
        {r.listKind === 'red' ? null : (
          <>
            <Descriptions.Item label={t('integrity.fields.type')} span={2}>
              {r.misconductType ? t(`integrity.types.${r.misconductType}`) : t('integrity.page.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('integrity.fields.severity')}>
              {r.severity ? t(`integrity.severities.${r.severity}`) : t('integrity.page.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('integrity.fields.banScope')}>
              {r.banScope.map((a) => t(`integrity.activities.${a}`)).join('、') || t('integrity.page.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('integrity.fields.measures')} span={2}>
              {r.measures.map((m) => t(`integrity.measures.${m}`)).join('；') || t('integrity.page.none')}
            </Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={t('integrity.fields.period')} span={2}>
          {periodText(r, t)}
          {r.periodYears ? `（${r.periodYears}年）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('integrity.fields.docNo')}>{r.docNo ?? t('integrity.page.none')}</Descriptions.Item>
        <Descriptions.Item label={t('integrity.fields.issuer')}>{r.issuer ?? t('integrity.page.none')}</Descriptions.Item>
        <Descriptions.Item label={t('integrity.fields.decidedOn')}>{r.decidedOn ?? t('integrity.page.none')}</Descriptions.Item>
        <Descriptions.Item label={t('integrity.fields.occurredOn')}>{r.occurredOn ?? t('integrity.page.none')}</Descriptions.Item>
        <Descriptions.Item label={t('integrity.fields.pack')} span={2}>
          {r.packName ?? t('integrity.page.none')}
        </Descriptions.Item>
        <Descriptions.Item label={r.listKind === 'red' ? t('integrity.fields.basis') : t('integrity.fields.summary')} span={2}>
          {r.summary || t('integrity.page.none')}
        </Descriptions.Item>
        {r.appealStatus !== 'none' ? (
          <Descriptions.Item label={t('integrity.fields.appealNote')} span={2}>
            {r.appealNote || t('integrity.page.none')}
          </Descriptions.Item>
        ) : null}
        {r.revokeReason ? (
          <Descriptions.Item label={t('integrity.fields.revokeReason')} span={2}>
            {r.revokeReason}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {props.canManage && live ? (
        <Flex gap={8} style={{ marginTop: 16 }} wrap>
          {r.status === 'confirmed' && r.listKind !== 'watch' ? (
            <Popconfirm title={t('integrity.page.publishAsk')} onConfirm={() => run(publish.mutateAsync(r), t('integrity.page.published'))}>
              <Button type="primary" loading={publish.isPending} data-testid="integrity-publish">
                {t('integrity.page.publish')}
              </Button>
            </Popconfirm>
          ) : null}
          <Button onClick={() => setAppealing(true)} data-testid="integrity-appeal">
            {t('integrity.page.appeal')}
          </Button>
          <Button danger onClick={() => setRevoking(true)} data-testid="integrity-revoke">
            {t('integrity.page.revoke')}
          </Button>
        </Flex>
      ) : null}
      <Modal
        open={revoking}
        title={t('integrity.page.revokeTitle')}
        okText={t('integrity.page.revoke')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: revoke.isPending }}
        onCancel={() => setRevoking(false)}
        onOk={async () => {
          if (await run(revoke.mutateAsync({ reason: reason.trim() }), t('integrity.page.revoked'))) setRevoking(false);
        }}
      >
        <p>{t('integrity.page.revokeHint')}</p>
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          data-testid="integrity-revoke-reason"
        />
      </Modal>
      <Modal
        open={appealing}
        title={t('integrity.page.appeal')}
        okButtonProps={{ loading: saveAppeal.isPending }}
        onCancel={() => setAppealing(false)}
        onOk={async () => {
          if (await run(saveAppeal.mutateAsync(undefined), t('integrity.page.appealSaved'))) setAppealing(false);
        }}
      >
        <Flex vertical gap={12}>
          <Select
            value={appeal.status}
            onChange={(status) => setAppeal((a) => ({ ...a, status }))}
            options={integrityAppealStatuses.map((s) => ({ value: s, label: t(`integrity.appeal.${s}`) }))}
          />
          <Input.TextArea
            rows={3}
            value={appeal.note}
            onChange={(e) => setAppeal((a) => ({ ...a, note: e.target.value }))}
            maxLength={1000}
          />
        </Flex>
      </Modal>
    </div>
  );
}
