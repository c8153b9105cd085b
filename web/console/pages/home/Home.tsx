import { RightOutlined } from '@ant-design/icons';
import { Badge, Card, Col, List, Row, Statistic, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { formatFigure, orgName } from '../../../shared/format';
import { useMe } from '../../Layout';

// Only the chart this page draws, not the whole of ECharts.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Figures = {
  role: string;
  orgKind: string;
  figures: Array<{ key: string; value: number; format?: string; group?: string }>;
};

/** Where each item of a to-do list is done. */
const todoPage: Record<string, string> = {
  'fulfilment.toPick': '/tasks',
  'fulfilment.pickupsWaiting': '/tasks',
  'inventory.toReceive': '/transfers',
  'inventory.lowStock': '/inventory',
  'partnership.endingSoon': '/agreements',
};

/** Each role's home page: the figures every module contributes for this member. */
export function Home() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [data, setData] = useState<Figures | null>(null);
  useEffect(() => {
    void api<Figures>('GET', '/api/home').then(setData);
  }, []);
  const orgFigures = data?.figures.filter((f) => f.key.startsWith('orgs.')) ?? [];
  // The role's to-do list first: what waits for it, each a link to where it is done.
  const order = Object.keys(todoPage);
  const todo = (data?.figures ?? [])
    .filter((f) => f.key in todoPage && f.value > 0)
    .sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const figures = (data?.figures ?? []).filter((f) => f.group !== 'todo');
  return (
    <>
      <Typography.Title level={3}>{t('home.welcome', { name: me.user?.name ?? '' })}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('home.org', { org: orgName(me.org, i18n.language), role: t(`role.${me.org?.kind}`) })}
      </Typography.Paragraph>
      {data && (
        <Card title={t('home.todo')} size="small" style={{ marginBottom: 16 }} data-testid="todo">
          <List
            locale={{ emptyText: t('home.nothingToDo') }}
            dataSource={todo}
            renderItem={(f) => (
              <List.Item>
                <Link to={todoPage[f.key]} data-todo={f.key} style={{ width: '100%', display: 'flex' }}>
                  <span style={{ flex: 1 }}>{t(`todo.${f.key.replace('.', '_')}`, { count: f.value })}</span>
                  <Badge count={f.value} overflowCount={999} style={{ marginRight: 8 }} />
                  <RightOutlined />
                </Link>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Row gutter={[16, 16]} data-testid="figures">
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={8} lg={6}>
            <div data-figure={f.key}>
              <Card>
                <Statistic
                  title={t(`figure.${f.key}`, { defaultValue: f.key })}
                  value={formatFigure(f.value, f.format)}
                />
              </Card>
            </div>
          </Col>
        ))}
      </Row>
      {orgFigures.length > 1 && (
        <Card title={t('home.chart')} style={{ marginTop: 16 }}>
          {/* Bars lying down, a row each: a figure's name reads whole on a phone as on a laptop. */}
          <ReactEChartsCore
            echarts={echarts}
            style={{ height: 40 + 36 * orgFigures.length }}
            option={{
              animation: false,
              tooltip: {},
              grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
              yAxis: {
                type: 'category',
                inverse: true,
                data: orgFigures.map((f) => t(`figure.${f.key}`)),
                axisLabel: { width: 140, overflow: 'break' },
              },
              xAxis: { type: 'value', minInterval: 1 },
              series: [
                {
                  type: 'bar',
                  data: orgFigures.map((f) => f.value),
                  itemStyle: { color: '#e4572e' },
                  label: { show: true, position: 'right' },
                },
              ],
            }}
          />
        </Card>
      )}
    </>
  );
}
