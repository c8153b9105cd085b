import { Button, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api';
import type { ClaimDetail } from './claims';
import { formatTime } from './format';

/**
 * A claim's thread between shopper, merchant and operator, and a line to add to it: the same on
 * the storefront and in the console, which post to their own side's route (`postTo`).
 */
export function ClaimThread(props: {
  messages: ClaimDetail['messages'];
  postTo: string;
  onPosted: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState('');
  return (
    <>
      <List
        size="small"
        dataSource={props.messages}
        locale={{ emptyText: ' ' }}
        renderItem={(m) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{t(`claims.authors.${m.author}`)}</Typography.Text>
              <span>{m.body}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(m.at, i18n.language)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={body}
          maxLength={2000}
          placeholder={t('claims.messagePlaceholder')}
          onChange={(e) => setBody(e.target.value)}
        />
        <Button
          disabled={!body.trim()}
          onClick={async () => {
            await api('POST', props.postTo, { body: body.trim() });
            setBody('');
            await props.onPosted();
          }}
        >
          {t('claims.send')}
        </Button>
      </Space.Compact>
    </>
  );
}
