import { Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../shared/format';
import { useList } from '../../../shared/use-list';

type Entry = {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  requestId: string | null;
  createdAt: string;
};

export function Audit() {
  const { t, i18n } = useTranslation();
  const list = useList<Entry>('/api/audit-log?limit=50');
  return (
    <Card title={t('menu.audit')}>
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: t('audit.time'), dataIndex: 'createdAt', render: (v) => formatTime(v, i18n.language) },
          {
            title: t('audit.actor'),
            render: (_, e) => e.actorName ?? <code>{e.actorId ?? t('audit.system')}</code>,
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            render: (a: string) => t(`audit.actions.${a.replaceAll('.', '_')}`, { defaultValue: a }),
          },
          { title: t('audit.object'), render: (_, e) => <code>{e.objectId ?? '—'}</code> },
          { title: t('audit.request'), dataIndex: 'requestId', render: (v) => <code>{v}</code> },
        ]}
      />
      {list.hasMore && (
        <Button onClick={list.more} style={{ marginTop: 12 }}>
          {t('common.more')}
        </Button>
      )}
    </Card>
  );
}
