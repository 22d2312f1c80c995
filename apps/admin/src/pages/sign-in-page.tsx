import { useEffect, useRef, useState, type FormEvent } from 'react';
import { adminLoginRequestSchema, type AdminLoginRequest } from '@guichet/types';
import { ApiRequestError, type ApiClient } from '../api';
import { TextField } from '../components/fields';
import { PageHeading } from '../components/page-heading';
import { useI18n, type TextKey } from '../i18n';
import { sessionFromLogin, type Session } from '../session';

type Field = 'email' | 'password' | 'totpCode';
type FieldErrors = Partial<Record<Field, TextKey>>;
interface Values {
  email: string;
  password: string;
  /** Asked for once the API answers `totp_required`. */
  totpCode?: string;
}

/** The message of an email or password issue: left empty, too long, or else invalid. */
const CREDENTIAL_ISSUES = {
  email: ['emailRequired', 'emailTooLong', 'emailInvalid'],
  password: ['passwordRequired', 'passwordTooLong', 'passwordInvalid'],
} as const;

/**
 * Checks the form with the schema the API uses, and turns its issues into catalog keys
 * (the schema's own messages are English and meant for API clients).
 */
export function validateSignIn(
  values: Values,
): { data: AdminLoginRequest } | { errors: FieldErrors } {
  const input: AdminLoginRequest = { email: values.email.trim(), password: values.password };
  if (values.totpCode !== undefined) input.totpCode = values.totpCode.trim();
  const result = adminLoginRequestSchema.safeParse(input);
  if (result.success) return { data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if ((field === 'email' || field === 'password') && !errors[field]) {
      const [required, tooLong, invalid] = CREDENTIAL_ISSUES[field];
      errors[field] = input[field] === '' ? required : issue.code === 'too_big' ? tooLong : invalid;
    } else if (field === 'totpCode' && !errors.totpCode) {
      errors.totpCode = 'totpCodeInvalid';
    }
  }
  return { errors };
}

function serverErrorKey(error: unknown): TextKey {
  if (!(error instanceof ApiRequestError)) return 'unexpectedError';
  if (error.status === 0) return 'networkError';
  if (error.body.error === 'totp_required') return 'totpRequired';
  if (error.status === 401 || error.body.error === 'invalid_credentials')
    return 'invalidCredentials';
  if (error.status === 429) return 'tooManyAttempts';
  if (error.status === 400) return 'checkFields';
  return 'unexpectedError';
}

interface Props {
  api: ApiClient;
  /** Why the user is here again (expired session, signed out), shown above the form. */
  notice: TextKey | null;
  onSignedIn: (session: Session) => void;
}

export function SignInPage({ api, notice, onSignedIn }: Props) {
  const { t } = useI18n();
  const [values, setValues] = useState<Values>({ email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<TextKey | null>(null);
  const [pending, setPending] = useState(false);
  const pendingRef = useRef(false);
  const abortRef = useRef<AbortController | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const totpRef = useRef<HTMLInputElement>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  const [refocus, setRefocus] = useState<{ field: Field; select: boolean } | null>(null);
  useEffect(() => {
    if (!refocus) return;
    const input = (refocus.field === 'totpCode' ? totpRef : passwordRef).current;
    if (refocus.select) input?.select();
    input?.focus();
    setRefocus(null);
  }, [refocus]);

  const focusField = (field: Field) =>
    (field === 'email' ? emailRef : field === 'password' ? passwordRef : totpRef).current?.focus();

  const update = (field: Field, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    // Once a field is flagged, re-check it as the user types, so the message goes when fixed.
    if (fieldErrors[field]) {
      const result = validateSignIn(next);
      const stillWrong = 'errors' in result ? result.errors[field] : undefined;
      setFieldErrors((prev) => ({ ...prev, [field]: stillWrong }));
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pendingRef.current) return;
    setServerError(null);

    const result = validateSignIn(values);
    if ('errors' in result) {
      setFieldErrors(result.errors);
      focusField(result.errors.email ? 'email' : result.errors.password ? 'password' : 'totpCode');
      return;
    }
    setFieldErrors({});

    pendingRef.current = true;
    setPending(true);
    const controller = new AbortController();
    abortRef.current = controller;
    try {
      const response = await api.login(result.data, controller.signal);
      onSignedIn(sessionFromLogin(response));
    } catch (error) {
      if (controller.signal.aborted) return;
      let key = serverErrorKey(error);
      const askedCode = key === 'totpRequired';
      // The second time round, the code itself was wrong.
      if (askedCode && values.totpCode) key = 'totpCodeWrong';
      if (askedCode && values.totpCode === undefined) setValues((v) => ({ ...v, totpCode: '' }));
      setServerError(key);
      if (error instanceof ApiRequestError && error.status === 400 && error.body.fields) {
        const fields = error.body.fields;
        const flagged: FieldErrors = {};
        if (fields.email?.length) flagged.email = 'emailInvalid';
        if (fields.password?.length) flagged.password = 'passwordInvalid';
        setFieldErrors(flagged);
      }
      pendingRef.current = false;
      setPending(false);
      // The button was disabled while pending; give focus back to where the user will retype
      // (once the answer is shown: the code field may only now appear).
      setRefocus(
        askedCode
          ? { field: 'totpCode', select: true }
          : { field: 'password', select: key === 'invalidCredentials' },
      );
    }
  };

  const errorOf = (field: Field) => {
    const key = fieldErrors[field];
    return key ? t[key] : undefined;
  };

  return (
    <div className="sign-in">
      <section className="card sign-in-card" aria-labelledby="sign-in-title">
        <PageHeading id="sign-in-title">{t.signInTitle}</PageHeading>
        <p className="lead">{t.signInIntro}</p>

        {notice && (
          <p className="notice notice-info" role="status" data-testid="sign-in-notice">
            {t[notice]}
          </p>
        )}

        <div role="alert" className="alert-region" data-testid="form-error">
          {serverError && <p className="notice notice-error">{t[serverError]}</p>}
        </div>

        <form noValidate onSubmit={submit} aria-busy={pending} data-testid="sign-in-form">
          <TextField
            ref={emailRef}
            id="email"
            type="email"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            label={t.emailLabel}
            error={errorOf('email')}
            value={values.email}
            onChange={(v) => update('email', v)}
          />

          <TextField
            ref={passwordRef}
            id="password"
            type="password"
            autoComplete="current-password"
            required
            label={t.passwordLabel}
            error={errorOf('password')}
            value={values.password}
            onChange={(v) => update('password', v)}
          />

          {values.totpCode !== undefined && (
            <TextField
              ref={totpRef}
              id="totpCode"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              label={t.totpCodeLabel}
              hint={t.totpCodeHint}
              error={errorOf('totpCode')}
              value={values.totpCode}
              onChange={(v) => update('totpCode', v)}
            />
          )}

          <button type="submit" className="button button-primary button-block" disabled={pending}>
            {pending && <span className="spinner" aria-hidden="true" />}
            <span>{pending ? t.submitSignInPending : t.submitSignIn}</span>
          </button>
        </form>
      </section>
    </div>
  );
}
