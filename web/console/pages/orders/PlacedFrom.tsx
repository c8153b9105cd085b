import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';

type OrderSource = { channelKind: string; source: string; ref: string | null };

/** Where the order was placed from (growth records it at placement): for its brand and the operator. */
export function PlacedFrom({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState<OrderSource | 'none' | null>(null);
  useEffect(() => {
    setFrom(null);
    api<OrderSource>('GET', `/api/growth/order-sources/${orderId}`)
      .then(setFrom)
      // Orders placed before sources were recorded have none.
      .catch(() => setFrom('none'));
  }, [orderId]);
  if (from === null) return null;
  if (from === 'none')
    return <Typography.Text type="secondary">{t('order.sourceNotRecorded')}</Typography.Text>;
  return (
    <span data-testid="placed-from">
      {t(`channels.kind.${from.channelKind}`)} · {t(`order.source.${from.source}`)}
      {from.ref && <Typography.Text type="secondary"> “{from.ref}”</Typography.Text>}
    </span>
  );
}
