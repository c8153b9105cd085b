import { Button, Card, Drawer, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { FormModal, SecretAlert } from '../../../shared/FormModal';
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

type Attempt = {
  id: string;
  attemptedAt: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseSnippet: string | null;
};

/** Every attempt of one delivery, loaded when its row is expanded. */
function AttemptLog({ deliveryId }: { deliveryId: string }) {
  const { t, i18n } = useTranslation();
  const [attempts, setAttempts] = useState<Attempt[] | null>(null);
  useEffect(() => {
    void api<{ attemptLog: Attempt[] }>('GET', `/api/webhook-deliveries/${deliveryId}`).then((d) =>
      setAttempts(d.attemptLog),
    );
  }, [deliveryId]);
  return (
    <Table
      rowKey="id"
      size="small"
      loading={!attempts}
      dataSource={attempts ?? []}
      pagination={false}
      columns={[
        { title: t('audit.time'), dataIndex: 'attemptedAt', render: (v) => formatTime(v, i18n.language) },
        { title: t('webhooks.lastStatus'), render: (_, a) => a.statusCode ?? a.error ?? '—' },
        { title: 'ms', dataIndex: 'durationMs' },
        {
          title: t('webhooks.response'),
          dataIndex: 'responseSnippet',
          render: (v) => <code>{v ?? ''}</code>,
        },
      ]}
    />
  );
}

function Deliveries({ endpoint }: { endpoint: Endpoint }) {
  const { t, i18n } = useTranslation();
  const list = useList<Delivery>(`/api/webhooks/${endpoint.id}/deliveries?limit=50`);
  const anyPending = list.items.some((d) => d.status === 'pending');
  const { reload } = list;
  // The log follows deliveries still in flight, as a delivery log should.
  useEffect(() => {
    if (!anyPending) return;
    const timer = setInterval(reload, 2000);
    return () => clearInterval(timer);
  }, [anyPending, reload]);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button
          data-testid="ping"
          onClick={async () => {
            await api('POST', `/api/webhooks/${endpoint.id}/ping`);
            reload();
          }}
        >
          {t('webhooks.ping')}
        </Button>
        <Button onClick={reload}>↻</Button>
      </Space>
      <Table
        rowKey="id"
        size="small"
        data-testid="deliveries"
        dataSource={list.items}
        pagination={false}
        expandable={{
          expandedRowRender: (d) => <AttemptLog key={`${d.id}-${d.attempts}`} deliveryId={d.id} />,
        }}
        columns={[
          { title: t('webhooks.event'), dataIndex: 'eventType' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s) => (
              <Tag color={statusColor[s]} data-status={s}>
                {t(`webhooks.status.${s}`)}
              </Tag>
            ),
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
                    reload();
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
  return (
    <Card
      title={t('menu.webhooks')}
      extra={
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('webhooks.create')}
        </Button>
      }
    >
      <SecretAlert secret={secret} message={t('webhooks.secret')} onClose={() => setSecret(null)} />
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
            render: (a) => (
              <Tag color={a ? 'green' : 'default'}>{t(a ? 'webhooks.active' : 'webhooks.paused')}</Tag>
            ),
          },
          { title: t('common.created'), dataIndex: 'createdAt', render: (v) => formatTime(v, i18n.language) },
          {
            title: t('common.actions'),
            render: (_, e) => (
              <Space>
                <Button size="small" onClick={() => setSelected(e)}>
                  {t('webhooks.deliveries')}
                </Button>
                <Button
                  size="small"
                  onClick={async () => {
                    await api('PATCH', `/api/webhooks/${e.id}`, { active: !e.active });
                    list.reload();
                  }}
                >
                  {t(e.active ? 'webhooks.pause' : 'webhooks.resume')}
                </Button>
                <Popconfirm
                  title={t('common.delete')}
                  onConfirm={async () => {
                    await api('DELETE', `/api/webhooks/${e.id}`);
                    list.reload();
                  }}
                >
                  <Button size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
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
      <FormModal
        open={open}
        title={t('webhooks.create')}
        initialValues={{ eventTypes: ['*'] }}
        onClose={() => setOpen(false)}
        submit={async (v) => {
          const created = await api<{ secret: string }>('POST', '/api/webhooks', v, {
            'idempotency-key': crypto.randomUUID(),
          });
          setSecret(created.secret);
          list.reload();
        }}
      >
        <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true }]}>
          <Input placeholder="https://example.com/flywheel" />
        </Form.Item>
        <Form.Item name="eventTypes" label={t('webhooks.events')}>
          <Select mode="tags" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
