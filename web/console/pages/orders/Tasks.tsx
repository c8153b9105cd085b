import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  List,
  Modal,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, problemText } from '../../../shared/api';
import { formatTime, localName } from '../../../shared/format';
import { useList } from '../../../shared/use-list';
import { usePhone } from '../../Layout';

type Task = {
  id: string;
  orderId: string;
  locationName: string;
  locationNameEn: string | null;
  mode: 'hour' | 'standard' | 'pickup' | 'counter';
  status: string;
  promiseAt: string | null;
  pickupCode: string | null;
  address: Record<string, string> | null;
  canWork: boolean;
  pickList: Array<{
    skuId: string;
    quantity: number;
    name: string;
    code: string;
    options: Record<string, string>;
  }>;
};

const next: Record<string, { to: string; label: string } | undefined> = {
  routed: { to: 'picking', label: 'tasks.start' },
  picking: { to: 'ready', label: 'tasks.packed' },
};

function countdown(promiseAt: string | null, now: number, t: (k: string, o?: any) => string) {
  if (!promiseAt) return '—';
  const ms = new Date(promiseAt).getTime() - now;
  const h = Math.floor(Math.abs(ms) / 3_600_000);
  const m = Math.floor((Math.abs(ms) % 3_600_000) / 60_000);
  const s = Math.floor((Math.abs(ms) % 60_000) / 1000);
  const mmss = `${String(m).padStart(h ? 2 : 1, '0')}:${String(s).padStart(2, '0')}`;
  const text = h ? `${h}:${mmss}` : mmss;
  return ms >= 0 ? (
    <Tag color={ms < 15 * 60_000 ? 'orange' : 'blue'}>{text}</Tag>
  ) : (
    <Tag color="red">{t('tasks.overdue', { time: text })}</Tag>
  );
}

/** The store's queue of hour orders and pick-ups: countdown to each promise, pick, pack, hand over. */
export function Tasks() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const phone = usePhone();
  const list = useList<Task>('/api/fulfilment/tasks?limit=100');
  const [now, setNow] = useState(Date.now());
  const [handing, setHanding] = useState<Task | null>(null);
  const [courier, setCourier] = useState('');
  const [code, setCode] = useState('');
  const [perf, setPerf] = useState<
    Array<{
      locationId: string;
      name: string;
      nameEn: string | null;
      done: number;
      kept: number;
      rate: number | null;
    }>
  >([]);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const refresh = setInterval(() => void list.reload(), 10_000);
    void api<{ items: typeof perf }>('GET', '/api/fulfilment/performance').then((r) => setPerf(r.items));
    return () => {
      clearInterval(tick);
      clearInterval(refresh);
    };
  }, [list.reload]);
  const move = async (task: Task, body: Record<string, unknown>) => {
    try {
      await api('POST', `/api/fulfilment/shipments/${task.id}/moves`, body);
      await list.reload();
    } catch (e) {
      if (e instanceof ApiError) message.error(problemText(t, e.problem));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Row gutter={[16, 16]}>
        {/* On a phone the pick-up code comes first: the shopper stands at the counter. */}
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 16, order: 1 }}>
          <Card title={t('tasks.title')}>
            <List
              loading={list.loading}
              locale={{ emptyText: t('tasks.empty') }}
              dataSource={list.items}
              renderItem={(task) => (
                <List.Item data-testid="task" style={{ display: 'block' }}>
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <Tag
                          color={
                            task.mode === 'hour' ? 'volcano' : task.mode === 'pickup' ? 'purple' : 'default'
                          }
                        >
                          {t(`order.mode.${task.mode}`)}
                        </Tag>
                        <Tag>{t(`order.shipmentStatus.${task.status}`)}</Tag>
                        <Typography.Text code>{task.orderId.slice(-10)}</Typography.Text>
                        {task.status !== 'out_for_delivery' && countdown(task.promiseAt, now, t)}
                      </Space>
                    }
                    description={
                      <Space direction="vertical" size={0}>
                        <Typography.Text type="secondary">
                          {localName({ name: task.locationName, nameEn: task.locationNameEn }, i18n.language)}
                          {task.address &&
                            ` → ${[task.address.district, task.address.line, task.address.name].filter(Boolean).join(' ')}`}
                          {task.promiseAt && ` · ${formatTime(task.promiseAt, i18n.language)}`}
                        </Typography.Text>
                        {task.pickList.map((l) => (
                          <span key={l.skuId}>
                            {l.quantity} × {i18n.language === 'en' ? l.code : l.name}{' '}
                            {Object.values(l.options).join(' · ')}
                          </span>
                        ))}
                      </Space>
                    }
                  />
                  {task.canWork && (
                    <Space wrap style={{ marginTop: 8 }}>
                      {next[task.status] && (
                        <Button
                          type="primary"
                          size={phone ? 'large' : 'middle'}
                          onClick={() => move(task, { to: next[task.status]!.to })}
                        >
                          {t(next[task.status]!.label)}
                        </Button>
                      )}
                      {task.status === 'ready' && task.mode !== 'pickup' && (
                        <Button
                          type="primary"
                          size={phone ? 'large' : 'middle'}
                          onClick={() => setHanding(task)}
                        >
                          {t('tasks.handOver')}
                        </Button>
                      )}
                    </Space>
                  )}
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 8, order: 2 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Card title={t('tasks.pickupCounter')} size="small">
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  placeholder={t('tasks.pickupCode')}
                  inputMode="numeric"
                  size={phone ? 'large' : 'middle'}
                  maxLength={6}
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                />
                <Button
                  type="primary"
                  size={phone ? 'large' : 'middle'}
                  onClick={async () => {
                    try {
                      await api('POST', '/api/fulfilment/pickups', { code });
                      message.success(t('tasks.handedOver'));
                      setCode('');
                      await list.reload();
                    } catch (e) {
                      if (e instanceof ApiError) message.error(problemText(t, e.problem));
                    }
                  }}
                >
                  {t('tasks.handOverPickup')}
                </Button>
              </Space.Compact>
            </Card>
            <Card title={t('tasks.performance')} size="small">
              <Table
                rowKey="locationId"
                size="small"
                pagination={false}
                dataSource={perf}
                columns={[
                  { title: t('common.name'), render: (_, l) => localName(l, i18n.language) },
                  { title: t('tasks.done'), dataIndex: 'done' },
                  {
                    title: t('tasks.rate'),
                    dataIndex: 'rate',
                    render: (r) =>
                      r === null ? (
                        '—'
                      ) : (
                        <Statistic value={r * 100} precision={1} suffix="%" valueStyle={{ fontSize: 14 }} />
                      ),
                  },
                ]}
              />
            </Card>
          </Space>
        </Col>
      </Row>
      <Modal
        open={handing !== null}
        title={t('tasks.handOver')}
        onCancel={() => setHanding(null)}
        onOk={async () => {
          if (handing)
            await move(handing, {
              to: 'out_for_delivery',
              ...(courier ? { courier: { name: courier } } : {}),
            });
          setHanding(null);
          setCourier('');
        }}
      >
        <Form layout="vertical">
          <Form.Item label={t('tasks.courierName')}>
            <Input value={courier} maxLength={60} onChange={(e) => setCourier(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
