import type { OrderStatus } from './order.js';
import type { OrderDelivery } from './pricing.js';

/**
 * The languages an order export is written in: a spreadsheet is read by people, so its header
 * and its statuses are words. The console's translations take its statuses and deliveries from
 * here, so both say the same.
 */
export const exportLanguages = ['zh-CN', 'en'] as const;
export type ExportLanguage = (typeof exportLanguages)[number];

export const exportColumns = [
  'order',
  'placedAt',
  'channel',
  'status',
  'delivery',
  'recipient',
  'phone',
  'address',
  'subtotal',
  'adjustments',
  'deliveryFee',
  'total',
  'paidAt',
] as const;

type Words = {
  columns: Record<(typeof exportColumns)[number], string>;
  status: Record<OrderStatus, string>;
  delivery: Record<OrderDelivery, string>;
};

export const exportWords: Record<ExportLanguage, Words> = {
  en: {
    columns: {
      order: 'Order',
      placedAt: 'Placed (China time)',
      channel: 'Channel',
      status: 'Status',
      delivery: 'Delivery',
      recipient: 'Recipient',
      phone: 'Phone',
      address: 'Address',
      subtotal: 'Subtotal (CNY)',
      adjustments: 'Discounts (CNY)',
      deliveryFee: 'Delivery fee (CNY)',
      total: 'Total (CNY)',
      paidAt: 'Paid (China time)',
    },
    status: {
      pending_payment: 'Awaiting payment',
      paid: 'Paid',
      routed: 'Sent to the store',
      picking: 'Picking',
      ready: 'Ready',
      out_for_delivery: 'Out for delivery',
      partially_delivered: 'Partly delivered',
      delivered: 'Delivered',
      completed: 'Completed',
      cancelled: 'Cancelled',
    },
    delivery: { hour: '1-hour', standard: 'Standard', pickup: 'Pick-up', counter: 'At the counter' },
  },
  'zh-CN': {
    columns: {
      order: '订单号',
      placedAt: '下单时间(北京时间)',
      channel: '渠道',
      status: '状态',
      delivery: '配送方式',
      recipient: '收货人',
      phone: '电话',
      address: '地址',
      subtotal: '商品金额(元)',
      adjustments: '优惠(元)',
      deliveryFee: '运费(元)',
      total: '实付(元)',
      paidAt: '支付时间(北京时间)',
    },
    status: {
      pending_payment: '待支付',
      paid: '已支付',
      routed: '已派单',
      picking: '拣货中',
      ready: '已打包',
      out_for_delivery: '配送中',
      partially_delivered: '部分送达',
      delivered: '已送达',
      completed: '已完成',
      cancelled: '已取消',
    },
    delivery: { hour: '1小时达', standard: '标准配送', pickup: '门店自提', counter: '门店收银' },
  },
};
