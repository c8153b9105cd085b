import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldText, problemText, upload } from '../../../shared/api';

type Counts = { created: number; updated: number; unchanged: number };
type Summary = { dryRun: boolean; rows: number; products: Counts; skus: Counts };
type LineProblem = { line: number; field: string; message: string };

/**
 * Uploading a catalogue spreadsheet: the file is checked first (a dry run) and either its
 * problems are listed line by line, or what it would change is shown and the user imports it.
 */
export function ImportCatalog({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [problems, setProblems] = useState<{ detail: string; lines: LineProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setFile(null);
    setSummary(null);
    setProblems(null);
  };
  const run = async (text: string, dryRun: boolean) => {
    setBusy(true);
    setProblems(null);
    try {
      const result = await upload<Summary>(
        `/api/catalog/import${dryRun ? '?dryRun=true' : ''}`,
        text,
        'text/csv',
        {
          'idempotency-key': crypto.randomUUID(),
        },
      );
      setSummary(result);
      if (!dryRun) onImported();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setSummary(null);
      setProblems({
        detail: problemText(t, e.problem),
        lines: (e.problem.errors ?? []).map((x) => ({
          line: x.line ?? 0,
          field: x.field,
          message: fieldText(t, { ...e.problem, code: 'request.invalid' }, x),
        })),
      });
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    reset();
    onClose();
  };
  const imported = summary && !summary.dryRun;

  return (
    <Modal
      open={open}
      width={760}
      title={t('catalog.import.title')}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{imported ? t('common.close') : t('common.cancel')}</Button>
          {!imported && (
            <Button
              type="primary"
              data-testid="import-apply"
              disabled={!file || !summary}
              loading={busy}
              onClick={() => file && run(file.text, false)}
            >
              {t('catalog.import.apply')}
            </Button>
          )}
        </Space>
      }
    >
      <Upload.Dragger
        accept=".csv,text/csv"
        maxCount={1}
        showUploadList={false}
        beforeUpload={async (f) => {
          const text = await f.text();
          reset();
          setFile({ name: f.name, text });
          await run(text, true);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{file ? file.name : t('catalog.import.drop')}</p>
        <p className="ant-upload-hint">{t('catalog.import.hint')}</p>
      </Upload.Dragger>
      {summary && (
        <>
          <Alert
            style={{ margin: '16px 0' }}
            type="success"
            showIcon
            data-testid="import-summary"
            message={
              summary.dryRun
                ? t('catalog.import.checked', { rows: summary.rows })
                : t('catalog.import.done', { rows: summary.rows })
            }
          />
          <Descriptions bordered size="small" column={3}>
            {(['products', 'skus'] as const).flatMap((what) =>
              (['created', 'updated', 'unchanged'] as const).map((k) => (
                <Descriptions.Item key={`${what}.${k}`} label={t(`catalog.import.${what}.${k}`)}>
                  {summary[what][k]}
                </Descriptions.Item>
              )),
            )}
          </Descriptions>
        </>
      )}
      {problems && (
        <>
          <Alert
            style={{ margin: '16px 0' }}
            type="error"
            showIcon
            message={problems.detail}
            data-testid="import-problems"
          />
          <Table
            rowKey={(p) => `${p.line}:${p.field}:${p.message}`}
            size="small"
            dataSource={problems.lines}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: t('catalog.import.line'), dataIndex: 'line', width: 80 },
              {
                title: t('catalog.import.column'),
                dataIndex: 'field',
                width: 160,
                render: (f) => <code>{f}</code>,
              },
              { title: t('catalog.import.problem'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
