import { Alert, Button, Card, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../shared/api';
import { formatTime } from '../../../shared/format';
import { useList } from '../../../shared/use-list';

type Endpoint = { id: string; url: string; eventTypes: string[]; active: boolean; createdAt: string };
type Delivery = {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
};
const statusColor: Record<string, string> = { delivered: 'green', pending: 'blue', failed: 'red' };

function Deliveries({ endpoint }: { endpoint: Endpoint }) {
  const { t, i18n } = useTranslation();
  const list = useList<Delivery>(`/api/webhooks/${endpoint.id}/deliveries?limit=50`);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button
          onClick={async () => {
            await api('POST', `/api/webhooks/${endpoint.id}/ping`);
            setTimeout(list.reload, 800);
          }}
        >
          {t('webhooks.ping')}
        </Button>
        <Button onClick={list.reload}>↻</Button>
      </Space>
      <Table
        rowKey="id"
        size="small"
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: t('webhooks.event'), dataIndex: 'eventType' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s) => <Tag color={statusColor[s]}>{s}</Tag>,
          },
          { title: t('webhooks.attempts'), dataIndex: 'attempts' },
          { title: t('webhooks.lastStatus'), render: (_, d) => d.lastStatusCode ?? d.lastError ?? '—' },
          { title: t('common.created'), dataIndex: 'createdAt', render: (v) => formatTime(v, i18n.language) },
          {
            title: t('common.actions'),
            render: (_, d) =>
              d.attempts > 0 && (
                <Button
                  size="small"
                  onClick={async () => {
                    await api('POST', `/api/webhook-deliveries/${d.id}/resend`);
                    setTimeout(list.reload, 800);
                  }}
                >
                  {t('webhooks.resend')}
                </Button>
              ),
          },
        ]}
      />
      {list.hasMore && <Button onClick={list.more}>{t('common.more')}</Button>}
    </>
  );
}

export function Webhooks() {
  const { t, i18n } = useTranslation();
  const list = useList<Endpoint>('/api/webhooks?limit=50');
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [selected, setSelected] = useState<Endpoint | null>(null);
  const [form] = Form.useForm();
  return (
    <Card
      title={t('menu.webhooks')}
      extra={
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('webhooks.create')}
        </Button>
      }
    >
      {secret && (
        <Alert
          type="warning"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          message={t('webhooks.secret')}
          description={
            <Typography.Text code copyable>
              {secret}
            </Typography.Text>
          }
          onClose={() => setSecret(null)}
        />
      )}
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: t('webhooks.url'), dataIndex: 'url' },
          {
            title: t('webhooks.events'),
            dataIndex: 'eventTypes',
            render: (ts: string[]) => ts.map((x) => <Tag key={x}>{x}</Tag>),
          },
          {
            title: t('common.status'),
            dataIndex: 'active',
            render: (a) => <Tag color={a ? 'green' : 'default'}>{a ? 'active' : 'paused'}</Tag>,
          },
          { title: t('common.created'), dataIndex: 'createdAt', render: (v) => formatTime(v, i18n.language) },
          {
            title: t('common.actions'),
            render: (_, e) => (
              <Button size="small" onClick={() => setSelected(e)}>
                {t('webhooks.deliveries')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        width={820}
        open={!!selected}
        title={`${t('webhooks.deliveries')} · ${selected?.url ?? ''}`}
        onClose={() => setSelected(null)}
        destroyOnHidden
      >
        {selected && <Deliveries endpoint={selected} />}
      </Drawer>
      <Modal
        open={open}
        title={t('webhooks.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ eventTypes: ['*'] }}
          onFinish={async (v) => {
            try {
              const created = await api<{ secret: string }>('POST', '/api/webhooks', v);
              setSecret(created.secret);
              setOpen(false);
              form.resetFields();
              list.reload();
            } catch (e) {
              if (e instanceof ApiError)
                form.setFields(
                  (e.problem.errors ?? []).map((f) => ({ name: f.field.split('.')[0], errors: [f.message] })),
                );
            }
          }}
        >
          <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true }]}>
            <Input placeholder="https://example.com/flywheel" />
          </Form.Item>
          <Form.Item name="eventTypes" label={t('webhooks.events')}>
            <Select mode="tags" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
