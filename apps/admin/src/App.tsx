import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TotpEnabledResponse } from '@guichet/types';
import { ApiClient } from './api';
import { AppHeader } from './components/app-header';
import {
  CATALOGS,
  I18nContext,
  initialLocale,
  saveLocale,
  type I18n,
  type TextKey,
  type UiLocale,
} from './i18n';
import { PageSuspense } from './components/page-suspense';
import { SignInPage } from './pages/sign-in-page';
import { HOME, hrefOf, useHashRoute } from './router';
import { renderScreen } from './routes';
import {
  clearSession,
  isExpired,
  loadSession,
  saveSession,
  sessionFromLogin,
  type Session,
} from './session';

/** setTimeout's ceiling (about 24.8 days). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export function App() {
  const [locale, setLocaleState] = useState<UiLocale>(initialLocale);
  const [session, setSessionState] = useState<Session | null>(loadSession);
  const [notice, setNotice] = useState<TextKey | null>(null);
  const [route, navigate] = useHashRoute();

  const t = CATALOGS[locale];
  const i18n = useMemo<I18n>(
    () => ({
      locale,
      t,
      setLocale: (next) => {
        saveLocale(next);
        setLocaleState(next);
      },
    }),
    [locale, t],
  );

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t.documentTitle;
  }, [locale, t]);

  // The API client reads the token through a ref, so it is created once.
  const sessionRef = useRef(session);

  const startSession = useCallback((next: Session) => {
    saveSession(next);
    sessionRef.current = next;
    setSessionState(next);
    setNotice(null);
  }, []);

  const endSession = useCallback((reason: 'sessionExpired' | 'signedOut') => {
    clearSession();
    sessionRef.current = null;
    setSessionState(null);
    setNotice(reason);
  }, []);

  const localeRef = useRef(locale);
  localeRef.current = locale;
  const api = useMemo(
    () =>
      new ApiClient({
        getToken: () => sessionRef.current?.accessToken ?? null,
        onUnauthorized: () => endSession('sessionExpired'),
        getLocale: () => localeRef.current,
      }),
    [endSession],
  );

  // Drop the session when its token expires: on a timer, and when the tab comes back
  // (background tabs may run timers late).
  useEffect(() => {
    if (!session) return;
    const check = () => {
      if (isExpired(session)) endSession('sessionExpired');
    };
    const timer = window.setTimeout(
      check,
      Math.min(Math.max(session.expiresAt - Date.now(), 0), MAX_TIMEOUT_MS),
    );
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }, [session, endSession]);

  // A session restored from storage: refresh who we are (role or grants may have changed).
  const restoredToken = useRef(session?.accessToken ?? null);
  useEffect(() => {
    const token = restoredToken.current;
    if (!token) return;
    const controller = new AbortController();
    api.me(controller.signal).then(
      (admin) => {
        const current = sessionRef.current;
        if (current?.accessToken === token) startSession({ ...current, admin });
      },
      () => undefined, // a 401 already ended the session; anything else keeps the stored view
    );
    return () => controller.abort();
  }, [api, startSession]);

  // Signed in on the sign-in page: go home.
  useEffect(() => {
    if (session && route.name === 'sign-in') navigate(HOME, { replace: true });
  }, [session, route.name, navigate]);

  const signOut = () => {
    endSession('signedOut');
    navigate({ name: 'sign-in' });
  };

  const updateAdmin = useCallback(
    (admin: Session['admin']) => {
      const current = sessionRef.current;
      if (current) startSession({ ...current, admin });
    },
    [startSession],
  );

  // Turning the second factor on ended every token of this admin; this session goes on with the new one.
  const renewSession = useCallback(
    ({ accessToken, expiresIn, ...admin }: TotpEnabledResponse) =>
      startSession(sessionFromLogin({ accessToken, token: accessToken, expiresIn, admin })),
    [startSession],
  );

  // Signed out, any page asked for shows the sign-in form (in the first chunk: it is what a
  // new visit shows); the page follows once signed in. Signed in: the route's screen, lazily.
  const page = session ? (
    <PageSuspense resetKey={hrefOf(route)}>
      {renderScreen(
        {
          api,
          admin: session.admin,
          navigate,
          onAdminChanged: updateAdmin,
          onSessionRenewed: renewSession,
        },
        route,
      )}
    </PageSuspense>
  ) : (
    <SignInPage api={api} notice={notice} onSignedIn={startSession} />
  );

  return (
    <I18nContext.Provider value={i18n}>
      {/* Not a plain #main link: the hash is the router's. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t.skipToContent}
      </a>
      <AppHeader admin={session?.admin ?? null} route={route} onSignOut={signOut} />
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </I18nContext.Provider>
  );
}
