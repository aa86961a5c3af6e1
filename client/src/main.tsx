// First: zod must be jitless before any schema is built (shared/actions.ts).
import './zod-config';
import { lazy, StrictMode, Suspense, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { useLang } from './i18n';
import './styles/base.css';

// One SPA; the screen is chosen by the path the server (or vite) serves index.html for.
// Each screen is its own chunk, so a seat tablet downloads the seat's code and not the
// chair's console (bundle sizes per route: docs/performance.md).
const screen = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const ROUTES: Record<string, ReturnType<typeof screen>> = {
  '/seat': screen(() => import('./screens/seat/SeatScreen'), 'SeatScreen'),
  '/chair': screen(() => import('./screens/chair/ChairScreen'), 'ChairScreen'),
  '/secretariat': screen(() => import('./screens/secretariat/SecretariatScreen'), 'SecretariatScreen'),
  '/gallery': screen(() => import('./screens/gallery/GalleryScreen'), 'GalleryScreen'),
  '/tilgaengelighed': screen(() => import('./screens/statement/StatementScreen'), 'StatementScreen'),
  '/accessibility': screen(() => import('./screens/statement/StatementScreen'), 'StatementScreen'),
  '/overlay': screen(() => import('./screens/overlay/OverlayScreen'), 'OverlayScreen'),
};
const Home = screen(() => import('./screens/home/HomeScreen'), 'HomeScreen');

const path = location.pathname.replace(/\/+$/, '') || '/';
const Screen = ROUTES[path] ?? Home;
document.documentElement.lang = useLang.getState().lang;
document.body.dataset.screen = path.slice(1) || 'home';

// The fallback is empty on purpose: the chunk arrives in milliseconds on the chamber's
// network, and each screen shows its own "Henter mødet…" while it connects.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={null}>
      <Screen />
    </Suspense>
  </StrictMode>,
);
