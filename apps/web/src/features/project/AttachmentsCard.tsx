import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { TApplication, TApplicationFile } from '@kechuang/contracts';
import { App, Button, Flex, List, Select, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, uploadBytes } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useProjectMutation } from './project-api.ts';

/** 申报附件: the call's required kinds, which are present, and uploads by kind (the unit only, while it may edit). */
export function AttachmentsCard(props: { application: TApplication; required: string[]; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { application: a } = props;
  const [kind, setKind] = useState<string | undefined>(props.required[0]);
  const upload = useProjectMutation((file: File) =>
    uploadBytes<TApplicationFile>(`/api/project-applications/${a.id}/files`, file, { query: { filename: file.name, kind: kind ?? '' } }),
  );
  const missing = props.required.filter((k) => !a.files.some((f) => f.kind === k));
  return (
    <div data-testid="app-attachments">
      <Flex gap={6} wrap style={{ marginBottom: 8 }}>
        {props.required.map((k) => (
          <Tag key={k} color={missing.includes(k) ? 'orange' : 'green'}>
            {k}
            {missing.includes(k) ? ` · ${t('project.page.app.missing')}` : ''}
          </Tag>
        ))}
      </Flex>
      <List
        size="small"
        dataSource={a.files}
        locale={{ emptyText: t('project.page.app.noFiles') }}
        renderItem={(f) => (
          <List.Item>
            <Typography.Link
              onClick={() =>
                downloadFile(`/api/project-applications/${a.id}/files/${f.id}`, f.filename).catch((e: unknown) =>
                  message.error(errorText(e)),
                )
              }
            >
              <PaperClipOutlined /> {f.filename}
            </Typography.Link>
            <Tag>{f.kind}</Tag>
          </List.Item>
        )}
      />
      {props.editable ? (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Select
            value={kind}
            onChange={setKind}
            style={{ width: 220 }}
            placeholder={t('project.page.app.fileKind')}
            options={(props.required.length > 0 ? props.required : [t('project.page.app.otherFile')]).map((k) => ({ value: k, label: k }))}
          />
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file, {
                onSuccess: () => message.success(t('project.page.app.uploaded', { name: file.name })),
                onError: (e) => message.error(errorText(e)),
              });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} disabled={!kind}>
              {t('project.page.app.upload')}
            </Button>
          </Upload>
        </Flex>
      ) : null}
    </div>
  );
}
