// First: zod must be jitless before any schema is built (shared/actions.ts).
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useLang } from './i18n';
import { ChairScreen } from './screens/Chair';
import { Gallery } from './screens/Gallery';
import { Home } from './screens/Home';
import { SeatScreen } from './screens/Seat';
import { SecretariatScreen } from './screens/Secretariat';
import './styles.css';

// One SPA; the screen is chosen by the path the server (or vite) serves index.html for.
function pick(path: string) {
  const p = path.replace(/\/+$/, '') || '/';
  switch (p) {
    case '/seat':
      return <SeatScreen />;
    case '/chair':
      return <ChairScreen />;
    case '/secretariat':
      return <SecretariatScreen />;
    case '/gallery':
      return <Gallery />;
    default:
      return <Home />;
  }
}

document.documentElement.lang = useLang.getState().lang;
const path = location.pathname.replace(/\/+$/, '') || '/';
document.body.dataset.screen = path.slice(1) || 'home';

createRoot(document.getElementById('root')!).render(<StrictMode>{pick(location.pathname)}</StrictMode>);
