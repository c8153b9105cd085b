import { lazy } from 'react';

/** Ant Design's root, loaded with the first page that uses it (not the storefront's front page). */
export const AntdRoot = lazy(() => import('./AntdRoot').then((m) => ({ default: m.AntdRoot })));
